package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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

  public Optional<Name> role() {
    return clauses(By.class).stream().map(By::role).findFirst();
  }

  public Optional<DurationValue> budget() {
    return clauses(Within.class).stream().map(Within::budget).findFirst();
  }

  /** Every step named in any {@code after} clause. */
  public List<Name> after() {
    return clauses(After.class).stream()
        .flatMap(a -> a.steps().stream())
        .collect(Collectors.toList());
  }

  public Optional<Verify> verify() {
    return verifies.stream().findFirst();
  }

  public <C extends Clause> List<C> clauses(Class<C> type) {
    return clauses.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }
}
