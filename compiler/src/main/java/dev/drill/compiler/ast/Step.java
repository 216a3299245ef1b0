package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A recovery step. Its clauses may come in any order; the checks report duplicates. */
public record Step(
    SourceSpan span,
    Name id,
    Optional<Text> title,
    List<Clause> clauses,
    List<Action> actions,
    List<Verify> verifies) {

  public Step {
    clauses = List.copyOf(clauses);
    actions = List.copyOf(actions);
    verifies = List.copyOf(verifies);
  }

  public sealed interface Clause {
    SourceSpan span();

    String keyword();
  }

  public record By(SourceSpan span, Name role) implements Clause {
    @Override
    public String keyword() {
      return "by";
    }
  }

  public record Within(SourceSpan span, DurationValue budget) implements Clause {
    @Override
    public String keyword() {
      return "within";
    }
  }

  public record After(SourceSpan span, List<Name> steps) implements Clause {
    public After {
      steps = List.copyOf(steps);
    }

    @Override
    public String keyword() {
      return "after";
    }
  }

  public record Verify(SourceSpan span, ProbeSpec probe, Optional<DurationValue> within) {}

  // Plain loops in these look-ups: the checks and the plan ask them for every step.
  public Optional<Name> role() {
    for (Clause clause : clauses) {
      if (clause instanceof By by) {
        return Optional.of(by.role());
      }
    }
    return Optional.empty();
  }

  public Optional<DurationValue> budget() {
    for (Clause clause : clauses) {
      if (clause instanceof Within within) {
        return Optional.of(within.budget());
      }
    }
    return Optional.empty();
  }

  /** Every step named in any {@code after} clause. */
  public List<Name> after() {
    List<Name> after = new ArrayList<>();
    for (Clause clause : clauses) {
      if (clause instanceof After a) {
        after.addAll(a.steps());
      }
    }
    return after;
  }

  public Optional<Verify> verify() {
    return verifies.isEmpty() ? Optional.empty() : Optional.of(verifies.get(0));
  }
}
