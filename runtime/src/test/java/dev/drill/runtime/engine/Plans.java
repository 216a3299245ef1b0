package dev.drill.runtime.engine;

import dev.drill.plan.Action;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Variants of a plan for tests: records make a changed copy easy. */
public final class Plans {

  private Plans() {}

  public static Plan withPhase(Plan plan, Phase replacement) {
    List<Phase> phases = plan.phases().stream()
        .map(p -> p.getClass() == replacement.getClass() ? replacement : p)
        .collect(Collectors.toList());
    return new Plan(plan.planVersion(), plan.id(), plan.title(), plan.summary(), plan.owner(), plan.kind(),
        plan.tags(), plan.environment(), plan.timebox(), plan.cadence(), plan.rerun(), plan.guide(),
        plan.source(), plan.roles(), plan.params(), plan.secrets(), plan.setup(), plan.teardown(), phases,
        plan.fingerprint());
  }

  /** A copy with exactly these phases and no setup or teardown. */
  public static Plan only(Plan plan, List<Phase> phases) {
    return new Plan(plan.planVersion(), plan.id(), plan.title(), plan.summary(), plan.owner(), plan.kind(),
        plan.tags(), plan.environment(), plan.timebox(), plan.cadence(), plan.rerun(), plan.guide(),
        plan.source(), plan.roles(), plan.params(), plan.secrets(), List.of(), List.of(), phases,
        plan.fingerprint());
  }

  /** Every run action of the recovery steps gets this timeout. */
  public static Plan withStepTimeout(Plan plan, Duration timeout) {
    Phase.Recover recover = plan.phase(Phase.Recover.class).orElseThrow();
    return withPhase(plan, new Phase.Recover(recover.budget(), recover.steps().stream()
        .map(s -> new Phase.RecoveryStep(s.id(), s.title(), s.role(), s.budget(), s.after(),
            s.actions().stream().map(a -> a instanceof Action.Run run
                ? new Action.Run(run.command(), Optional.of(timeout), a.source()) : a)
                .collect(Collectors.toList()),
            s.verify(), s.source()))
        .collect(Collectors.toList()), recover.source()));
  }

  /** The first recovery step becomes a manual one. */
  public static Plan withManualFirstStep(Plan plan, String instruction) {
    Phase.Recover recover = plan.phase(Phase.Recover.class).orElseThrow();
    List<Phase.RecoveryStep> steps = new java.util.ArrayList<>(recover.steps());
    Phase.RecoveryStep first = steps.get(0);
    steps.set(0, new Phase.RecoveryStep(first.id(), first.title(), first.role(), first.budget(), first.after(),
        List.of(new Action.Manual(instruction, first.source())), first.verify(), first.source()));
    return withPhase(plan, new Phase.Recover(recover.budget(), steps, recover.source()));
  }
}
