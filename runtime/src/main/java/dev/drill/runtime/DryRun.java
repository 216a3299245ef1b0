package dev.drill.runtime;

import dev.drill.plan.Action;
import dev.drill.plan.CommsDuty;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.plan.Probe;
import dev.drill.runtime.engine.RecoveryOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a run would do, in order, with its budgets: the {@code --dry-run} view. Touches
 * nothing. Every line passes the run's redaction, as everything a run prints does.
 */
public final class DryRun {

  private DryRun() {}

  public static String of(Plan plan, Bindings bindings) {
    return bindings.redact(timeline(plan, bindings));
  }

  private static String timeline(Plan plan, Bindings bindings) {
    StringBuilder out = new StringBuilder();
    out.append("drill ").append(plan.id()).append(": ").append(plan.title()).append('\n');
    out.append("environment ").append(plan.environment())
        .append(plan.timebox().map(t -> ", timebox " + PlanText.duration(t)).orElse("")).append("\n\n");
    section(out, "setup", plan.setup(), bindings);
    plan.phase(Phase.Steady.class).ifPresent(s -> {
      out.append("steady state (must hold, or the run ends aborted with nothing injected)\n");
      s.checks().forEach(c -> out.append("  check ").append(c.id()).append(": ")
          .append(probe(c.probe(), bindings)).append('\n'));
    });
    plan.phase(Phase.Abort.class).ifPresent(a -> {
      out.append("abort when (watched from here to the end of recovery)\n");
      a.conditions().forEach(c -> out.append("  ").append(probe(c.probe(), bindings))
          .append(c.polling().holdFor().map(f -> " for " + PlanText.duration(f)).orElse("")).append('\n'));
    });
    plan.phase(Phase.Inject.class).ifPresent(i -> i.steps().forEach(
        s -> section(out, "inject " + s.id() + " (" + s.title() + ")", s.actions(), bindings)));
    out.append("T0: the fault is active\n");
    plan.phase(Phase.Comms.class).ifPresent(c -> {
      out.append("comms (from T0)\n");
      c.duties().forEach(d -> out.append("  ").append(d.role()).append(": ").append(duty(d, bindings)).append('\n'));
    });
    plan.phase(Phase.Detect.class).ifPresent(d -> {
      out.append("detect ").append(d.mode().keyword()).append(" within ").append(PlanText.duration(d.budget()))
          .append(" of T0\n");
      d.signals().forEach(s -> out.append("  signal ").append(s.id()).append(": ")
          .append(probe(s.probe(), bindings)).append(", every ")
          .append(PlanText.duration(s.polling().every())).append('\n'));
    });
    plan.phase(Phase.Recover.class).ifPresent(r -> {
      out.append("recover").append(r.budget().map(b -> " within " + PlanText.duration(b)).orElse("")).append('\n');
      int n = 1;
      for (Phase.RecoveryStep step : RecoveryOrder.of(r.steps())) {
        out.append("  ").append(n++).append(". ").append(step.id()).append(" (").append(step.title()).append(')')
            .append(step.role().map(role -> " by " + role).orElse(""))
            .append(step.budget().map(b -> " within " + PlanText.duration(b)).orElse(""))
            .append(step.after().isEmpty() ? "" : " after " + String.join(", ", step.after())).append('\n');
        step.actions().forEach(a -> out.append("     ").append(line(a, bindings)).append('\n'));
        step.verify().ifPresent(v -> out.append("     verify ").append(probe(v.probe(), bindings))
            .append(v.budget().map(b -> " within " + PlanText.duration(b)).orElse("")).append('\n'));
      }
      plan.phase(Phase.Steady.class).ifPresent(s -> out.append("  then the steady state must hold again\n"));
    });
    List<Phase.InjectStep> undo = new ArrayList<>(plan.phase(Phase.Inject.class).map(Phase.Inject::steps).orElse(List.of()));
    Collections.reverse(undo);
    out.append("rollback (always)\n");
    undo.forEach(s -> s.undo().forEach(a -> out.append("  undo ").append(s.id()).append(": ")
        .append(line(a, bindings)).append('\n')));
    section(out, "teardown (always)", plan.teardown(), bindings);
    return out.toString();
  }

  private static String duty(CommsDuty duty, Bindings bindings) {
    if (duty instanceof CommsDuty.Update update) {
      return "update " + bindings.render(update.audience()) + " every " + PlanText.duration(update.every());
    }
    if (duty instanceof CommsDuty.Notify notify) {
      return "notify " + bindings.render(notify.audience()) + " within " + PlanText.duration(notify.within());
    }
    throw new IllegalArgumentException("a kind of comms duty drill does not know: " + duty);
  }

  private static void section(StringBuilder out, String title, List<Action> actions, Bindings bindings) {
    if (actions.isEmpty()) {
      return;
    }
    out.append(title).append('\n');
    actions.forEach(a -> out.append("  ").append(line(a, bindings)).append('\n'));
  }

  /**
   * Values rendered so the reader sees what will run: a command as the shell reads it
   * ({@code run $ echo 'a b'}), each value quoted as one word of data, not code.
   */
  private static String line(Action action, Bindings bindings) {
    if (action instanceof Action.Run run) {
      return "run $ " + shell(run.command(), bindings);
    }
    return bindings.render(PlanText.action(action));
  }

  private static String probe(Probe probe, Bindings bindings) {
    if (probe instanceof Probe.Command command) {
      return "command $ " + shell(command.command(), bindings) + " ; expect exit "
          + PlanText.expectation(command.expectExit())
          + command.expectOutputContains().map(t -> " and output contains " + bindings.render(PlanText.quote(t)))
              .orElse("");
    }
    return bindings.render(PlanText.probe(probe));
  }

  /** A command's lines after the first indented under it, so the timeline stays readable. */
  private static String shell(String template, Bindings bindings) {
    return bindings.shownCommand(template).replace("\n", "\n        ");
  }
}
