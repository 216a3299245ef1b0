package dev.drill.runtime;

import dev.drill.plan.Action;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.runtime.journal.JournalEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a journal shows left to roll back: every inject step with an action started is in
 * (part of a fault may be in even when its step failed halfway), and each of its undo
 * actions is left until the journal shows it ended well; teardown likewise, once setup began.
 */
final class Leftovers {

  private Leftovers() {}

  static Leftover of(List<JournalEvent> events, Plan plan) {
    Set<String> injected = new LinkedHashSet<>();
    Set<String> done = new HashSet<>();
    boolean setupBegan = false;
    boolean ended = false;
    for (JournalEvent event : events) {
      Map<String, Object> f = event.facts();
      switch (event.event()) {
        case "phase-started":
          setupBegan |= "setup".equals(f.get("phase"));
          break;
        case "action-started":
          if ("inject".equals(f.get("phase")) && f.get("step") instanceof String step) {
            injected.add(step);
          }
          break;
        case "action-ended":
          if (Boolean.TRUE.equals(f.get("ok")) && f.get("index") instanceof Number index) {
            done.add(f.get("phase") + " " + f.get("step") + " " + (index.intValue() - 1));
          }
          break;
        case "outcome":
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
      List<Integer> left = left(step.undo(), "rollback " + step.id(), done);
      if (!left.isEmpty()) {
        undo.add(new Leftover.Undo(step, left));
      }
    }
    List<Integer> teardown = setupBegan ? left(plan.teardown(), "teardown teardown", done) : List.of();
    return new Leftover(undo, teardown, ended);
  }

  private static List<Integer> left(List<Action> actions, String where, Set<String> done) {
    List<Integer> left = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      if (!done.contains(where + " " + i)) {
        left.add(i);
      }
    }
    return left;
  }
}
