package dev.drill.runtime;

import dev.drill.plan.Action;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Probe;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** Every shell command of a plan (run actions, undos, command probes), with where it is, for messages. */
final class PlanCommands {

  private PlanCommands() {}

  record Command(String text, String where, SourceSpan source) {

    /** {@code setup (x.drill:12:5)}. */
    String place() {
      return where + " (" + source.file() + ":" + source.line() + ":" + source.column() + ")";
    }
  }

  static List<Command> of(Plan plan) {
    List<Command> out = new ArrayList<>();
    actions(plan.setup(), "setup", out);
    for (Phase phase : plan.phases()) {
      if (phase instanceof Phase.Steady) {
        ((Phase.Steady) phase).checks().forEach(c -> probe(c.probe(), "check '" + c.id() + "'", c.source(), out));
      } else if (phase instanceof Phase.Inject) {
        for (Phase.InjectStep step : ((Phase.Inject) phase).steps()) {
          actions(step.actions(), "inject step '" + step.id() + "'", out);
          actions(step.undo(), "the undo of inject step '" + step.id() + "'", out);
        }
      } else if (phase instanceof Phase.Detect) {
        ((Phase.Detect) phase).signals().forEach(s -> probe(s.probe(), "signal '" + s.id() + "'", s.source(), out));
      } else if (phase instanceof Phase.Recover) {
        for (Phase.RecoveryStep step : ((Phase.Recover) phase).steps()) {
          actions(step.actions(), "recovery step '" + step.id() + "'", out);
          step.verify().ifPresent(v -> probe(v.probe(), "the verify of step '" + step.id() + "'", v.source(), out));
        }
      } else if (phase instanceof Phase.Abort) {
        ((Phase.Abort) phase).conditions().forEach(c -> probe(c.probe(), "an abort condition", c.source(), out));
      }
    }
    actions(plan.teardown(), "teardown", out);
    return out;
  }

  private static void actions(List<Action> actions, String where, List<Command> out) {
    for (Action action : actions) {
      if (action instanceof Action.Run) {
        out.add(new Command(((Action.Run) action).command(), where, action.source()));
      }
    }
  }

  private static void probe(Probe probe, String where, SourceSpan source, List<Command> out) {
    if (probe instanceof Probe.Command) {
      out.add(new Command(((Probe.Command) probe).command(), where, source));
    }
  }
}
