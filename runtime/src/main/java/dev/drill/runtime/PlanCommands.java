package dev.drill.runtime;

import dev.drill.plan.Action;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanWalk;
import dev.drill.plan.Probe;
import java.util.ArrayList;
import java.util.List;

/** Every shell command of a plan (run actions, undos, command probes), with where it is, for messages. */
final class PlanCommands {

  private PlanCommands() {}

  record Command(String text, PlanWalk.Place where) {

    /** {@code setup (x.drill:12:5)}. */
    String place() {
      return where.withSource();
    }
  }

  static List<Command> of(Plan plan) {
    List<Command> out = new ArrayList<>();
    for (PlanWalk.Located<Action> action : PlanWalk.actions(plan)) {
      if (action.item() instanceof Action.Run run) {
        out.add(new Command(run.command(), action.place()));
      }
    }
    for (PlanWalk.Located<Probe> probe : PlanWalk.probes(plan)) {
      if (probe.item() instanceof Probe.Command command) {
        out.add(new Command(command.command(), probe.place()));
      }
    }
    return out;
  }
}
