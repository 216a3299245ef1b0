package dev.drill.runtime.engine;

import dev.drill.plan.Action;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.RunPhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run has left to roll back: per injected step (in the order to undo them, the last
 * injected first) the indexes of its undo actions to run, then the indexes of the teardown
 * actions; {@code ended} when the run recorded its outcome before it stopped.
 */
public record Leftover(List<Undo> undo, List<Integer> teardown, boolean ended) {

  /** The {@code step} the journal gives setup and teardown actions. */
  static final String SETUP_STEP = RunPhase.SETUP.wireName();
  static final String TEARDOWN_STEP = RunPhase.TEARDOWN.wireName();

  public Leftover {
    undo = List.copyOf(undo);
    teardown = List.copyOf(teardown);
  }

  /** The undo actions of one injected step still to run, by their index in the step's undo. */
  public record Undo(Phase.InjectStep step, List<Integer> indexes) {
    public Undo {
      indexes = List.copyOf(indexes);
    }
  }

  public boolean isEmpty() {
    return undo.stream().allMatch(u -> u.indexes().isEmpty()) && teardown.isEmpty();
  }

  /** A run's own rollback: every undo of the steps it injected (or began to), then all of teardown. */
  static Leftover all(List<Phase.InjectStep> injected, Plan plan) {
    List<Phase.InjectStep> reversed = new ArrayList<>(injected);
    Collections.reverse(reversed);
    List<Undo> undo = new ArrayList<>();
    reversed.forEach(step -> undo.add(new Undo(step, indexes(step.undo(), RunPhase.ROLLBACK, step.id(), Set.of()))));
    return new Leftover(undo, indexes(plan.teardown(), RunPhase.TEARDOWN, TEARDOWN_STEP, Set.of()), false);
  }

  /**
   * What a killed run's journal shows left to roll back: every inject step with an action
   * started is in (part of a fault may be in even when its step failed halfway), and each of
   * its undo actions is left until the journal shows it ended well; teardown likewise, once
   * setup began.
   */
  public static Leftover inJournal(List<JournalEvent> events, Plan plan) {
    Set<String> injected = new LinkedHashSet<>();
    Set<Done> done = new HashSet<>();
    boolean setupBegan = false;
    boolean ended = false;
    for (JournalEvent event : events) {
      Optional<Event> kind = event.kind();
      if (kind.isEmpty()) {
        continue;
      }
      Optional<String> phase = event.get(Fact.PHASE);
      switch (kind.get()) {
        case PHASE_STARTED:
          setupBegan |= phase.equals(Optional.of(RunPhase.SETUP.wireName()));
          break;
        case ACTION_STARTED:
          if (phase.equals(Optional.of(RunPhase.INJECT.wireName()))) {
            event.get(Fact.STEP).ifPresent(injected::add);
          }
          break;
        case ACTION_ENDED:
          Optional<String> step = event.get(Fact.STEP);
          Optional<Integer> index = event.get(Fact.INDEX);
          if (event.get(Fact.OK).orElse(false) && phase.isPresent() && step.isPresent() && index.isPresent()) {
            done.add(new Done(phase.get(), step.get(), index.get() - 1));
          }
          break;
        case OUTCOME:
          ended = true;
          break;
        default:
          break;
      }
    }
    List<Phase.InjectStep> steps = new ArrayList<>();
    plan.phase(Phase.Inject.class).ifPresent(inject -> inject.steps().stream()
        .filter(s -> injected.contains(s.id())).forEach(steps::add));
    Collections.reverse(steps);
    List<Undo> undo = new ArrayList<>();
    for (Phase.InjectStep step : steps) {
      List<Integer> left = indexes(step.undo(), RunPhase.ROLLBACK, step.id(), done);
      if (!left.isEmpty()) {
        undo.add(new Undo(step, left));
      }
    }
    List<Integer> teardown = setupBegan ? indexes(plan.teardown(), RunPhase.TEARDOWN, TEARDOWN_STEP, done) : List.of();
    return new Leftover(undo, teardown, ended);
  }

  /** An action that ended well: in its phase and step, by its 0-based index. */
  private record Done(String phase, String step, int index) {}

  /** The indexes of the actions not done. */
  private static List<Integer> indexes(List<Action> actions, RunPhase phase, String step, Set<Done> done) {
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      if (!done.contains(new Done(phase.wireName(), step, i))) {
        left.add(i);
      }
    }
    return left;
  }
}
