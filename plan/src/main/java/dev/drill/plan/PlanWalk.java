package dev.drill.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Every action and every probe of a plan, in the order a run meets them, each with where it
 * stands: the walk that everything reading a plan's commands, urls and questions needs, in
 * one place, so a new phase or step kind is handled here once.
 */
public final class PlanWalk {

  private PlanWalk() {}

  /** Where an action or probe stands, in words for messages ({@code signal 'paged'}) and in the source. */
  public record Place(String description, SourceSpan source) {

    /** {@code signal 'paged' (x.drill:12:5)}. */
    public String withSource() {
      return description + " (" + source.file() + ":" + source.line() + ":" + source.column() + ")";
    }
  }

  public record Located<T>(T item, Place place) {}

  /** Setup, inject actions and their undo, recovery steps, teardown. */
  public static List<Located<Action>> actions(Plan plan) {
    List<Located<Action>> out = new ArrayList<>();
    actions(plan.setup(), "setup", out);
    for (Phase phase : plan.phases()) {
      if (phase instanceof Phase.Inject inject) {
        for (Phase.InjectStep step : inject.steps()) {
          actions(step.actions(), "inject step '" + step.id() + "'", out);
          actions(step.undo(), "the undo of inject step '" + step.id() + "'", out);
        }
      } else if (phase instanceof Phase.Recover recover) {
        recover.steps().forEach(step -> actions(step.actions(), "recovery step '" + step.id() + "'", out));
      }
    }
    actions(plan.teardown(), "teardown", out);
    return out;
  }

  /** Steady checks, signals, verifications, abort conditions. */
  public static List<Located<Probe>> probes(Plan plan) {
    List<Located<Probe>> out = new ArrayList<>();
    for (Phase phase : plan.phases()) {
      if (phase instanceof Phase.Steady steady) {
        steady.checks().forEach(c -> out.add(located(c.probe(), "check '" + c.id() + "'", c.source())));
      } else if (phase instanceof Phase.Detect detect) {
        detect.signals().forEach(s -> out.add(located(s.probe(), "signal '" + s.id() + "'", s.source())));
      } else if (phase instanceof Phase.Recover recover) {
        recover.steps().forEach(step -> step.verify().ifPresent(
            v -> out.add(located(v.probe(), "the verify of step '" + step.id() + "'", v.source()))));
      } else if (phase instanceof Phase.Abort abort) {
        abort.conditions().forEach(c -> out.add(located(c.probe(), "an abort condition", c.source())));
      }
    }
    return out;
  }

  private static void actions(List<Action> actions, String where, List<Located<Action>> out) {
    actions.forEach(action -> out.add(new Located<>(action, new Place(where, action.source()))));
  }

  private static Located<Probe> located(Probe probe, String where, SourceSpan source) {
    return new Located<>(probe, new Place(where, source));
  }
}
