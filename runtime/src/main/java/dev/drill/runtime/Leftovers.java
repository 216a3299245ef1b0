package dev.drill.runtime;

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
 * What a journal shows left to roll back: every inject step with an action started is in
 * (part of a fault may be in even when its step failed halfway), and each of its undo
 * actions is left until the journal shows it ended well; teardown likewise, once setup began.
 */
final class Leftovers {

  private Leftovers() {}

  /** An action that ended well: in its phase and step, by its 0-based index. */
  private record Done(String phase, String step, int index) {}

  static Leftover of(List<JournalEvent> events, Plan plan) {
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
    List<Leftover.Undo> undo = new ArrayList<>();
    for (Phase.InjectStep step : steps) {
      List<Integer> left = left(step.undo(), RunPhase.ROLLBACK, step.id(), done);
      if (!left.isEmpty()) {
        undo.add(new Leftover.Undo(step, left));
      }
    }
    List<Integer> teardown = setupBegan ? left(plan.teardown(), RunPhase.TEARDOWN, "teardown", done) : List.of();
    return new Leftover(undo, teardown, ended);
  }

  private static List<Integer> left(List<Action> actions, RunPhase phase, String step, Set<Done> done) {
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      if (!done.contains(new Done(phase.wireName(), step, i))) {
        left.add(i);
      }
    }
    return left;
  }
}
