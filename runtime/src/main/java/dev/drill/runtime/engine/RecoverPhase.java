package dev.drill.runtime.engine;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.ProbeRole;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.journal.RunPhase;
import dev.drill.runtime.probe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Recovery, DESIGN.md §6.5: the steps in order (respecting {@code after}; a step after a
 * failed one is skipped), each against its budget and its {@code verify}; then the steady
 * state must hold again, and time-to-recover is measured from the fault to that moment.
 */
final class RecoverPhase {

  private final Plan plan;
  private final Phase.Recover recover;
  private final StepActions actions;
  private final Probing probing;
  private final Recorder recorder;
  private final Clock clock;
  private final Consumer<String> failures;

  RecoverPhase(Plan plan, Phase.Recover recover, StepActions actions, Probing probing, Recorder recorder, Clock clock,
      Consumer<String> failures) {
    this.plan = plan;
    this.recover = recover;
    this.actions = actions;
    this.probing = probing;
    this.recorder = recorder;
    this.clock = clock;
    this.failures = failures;
  }

  /** @return time-to-recover, when the steady state held again */
  Optional<Duration> run(Instant faultAt, Instant timeboxEnd) throws Abort, InterruptedException {
    recorder.phaseStarted(RunPhase.RECOVER);
    Instant recoverStart = clock.now();
    Instant deadline = Watches.min(recover.budget().map(recoverStart::plus).orElse(timeboxEnd), timeboxEnd);
    Set<String> failed = new LinkedHashSet<>();
    for (Phase.RecoveryStep step : RecoveryOrder.of(recover.steps())) {
      step(step, deadline, failed);
    }
    recorder.phaseEnded(RunPhase.RECOVER, failed.isEmpty(),
        failed.isEmpty() ? Optional.empty() : Optional.of("failed steps: " + String.join(", ", failed)));
    return restored(faultAt, deadline, failed);
  }

  private void step(Phase.RecoveryStep step, Instant deadline, Set<String> failed) throws Abort, InterruptedException {
    List<String> blockedBy = new ArrayList<>(step.after());
    blockedBy.retainAll(failed);
    recorder.stepStarted(step.id(), step.title(), step.role());
    Instant stepStart = clock.now();
    Optional<String> problem;
    try {
      problem = blockedBy.isEmpty()
          ? actions.all(RunPhase.RECOVER, step.id(), step.actions())
          : Optional.of("skipped: it comes after " + String.join(", ", blockedBy) + ", which failed");
      if (problem.isEmpty() && step.verify().isPresent()) {
        problem = verify(step, step.verify().get(), stepStart, deadline);
      }
    } catch (Abort e) {
      recorder.stepEnded(step.id(), step.title(), step.role(), false, Optional.of("stopped: " + e.getMessage()),
          Duration.between(stepStart, clock.now()), step.budget(), Optional.empty());
      throw e;
    }
    Duration took = Duration.between(stepStart, clock.now());
    boolean inBudget = step.budget().map(b -> took.compareTo(b) <= 0).orElse(true);
    recorder.stepEnded(step.id(), step.title(), step.role(), problem.isEmpty(), problem, took, step.budget(),
        Optional.of(inBudget));
    if (problem.isPresent()) {
      failed.add(step.id());
      failures.accept("step '" + step.id() + "' failed: " + problem.get());
    } else if (!inBudget) {
      failures.accept("step '" + step.id() + "' took " + PlanText.duration(took) + ", over its budget of "
          + PlanText.duration(step.budget().get()));
    }
  }

  /** Polled until it holds, within its budget, else the step's, else recovery's: what went wrong, if anything. */
  private Optional<String> verify(Phase.RecoveryStep step, Phase.Verification verify, Instant stepStart,
      Instant recoverDeadline) throws Abort, InterruptedException {
    Instant begin = clock.now();
    Instant deadline = recoverDeadline;
    if (verify.budget().isPresent()) {
      deadline = Watches.min(deadline, begin.plus(verify.budget().get()));
    } else if (step.budget().isPresent()) {
      deadline = Watches.min(deadline, stepStart.plus(step.budget().get()));
    }
    Optional<Observation> seen = probing.untilHolds(ProbeRole.VERIFY, step.id(), verify.probe(), verify.polling(),
        deadline);
    boolean held = seen.map(Observation::holds).orElse(false);
    recorder.verify(step.id(), held, seen.map(Observation::detail).orElse("not looked"),
        Duration.between(begin, clock.now()), verify.budget());
    return held ? Optional.empty()
        : Optional.of("verify did not hold within " + PlanText.duration(Duration.between(begin, deadline))
            + ": " + PlanText.probe(verify.probe()) + " (last seen: " + seen.map(Observation::detail).orElse("nothing")
            + ")");
  }

  /**
   * The steady state must hold again; time-to-recover runs from the fault to that moment.
   * After a failed step recovery is not met, whatever the steady state says: the steady
   * state is looked at once, for the record, and not waited for until recovery's deadline.
   */
  private Optional<Duration> restored(Instant faultAt, Instant deadline, Set<String> failedSteps)
      throws Abort, InterruptedException {
    boolean stepsFailed = !failedSteps.isEmpty();
    Optional<String> stepsDetail = Optional.of("recovery failed (failed steps: " + String.join(", ", failedSteps) + ")")
        .filter(d -> stepsFailed);
    Optional<Phase.Steady> steady = plan.phase(Phase.Steady.class);
    if (steady.isEmpty()) {
      return recovered(faultAt, stepsDetail);
    }
    recorder.phaseStarted(RunPhase.STEADY_AGAIN);
    List<String> failing = new ArrayList<>();
    for (Phase.Check check : steady.get().checks()) {
      Optional<Observation> seen = stepsFailed ? Optional.of(probing.once(check.probe(), check.polling()))
          : probing.untilHolds(ProbeRole.CHECK, check.id(), check.probe(), check.polling(), deadline);
      boolean holds = seen.map(Observation::holds).orElse(false);
      recorder.check(RunPhase.STEADY_AGAIN, check.id(), holds, seen.map(Observation::detail).orElse("not looked"));
      if (!holds) {
        failing.add(check.id());
      }
    }
    String stillFailing = String.join(", ", failing) + " still failing";
    recorder.phaseEnded(RunPhase.STEADY_AGAIN, failing.isEmpty(), failing.isEmpty() ? Optional.empty()
        : Optional.of(stepsFailed ? stillFailing + " (looked at once: recovery had failed)"
            : stillFailing + " at the end of recovery's time"));
    if (failing.isEmpty()) {
      return recovered(faultAt, stepsDetail);
    }
    failures.accept("the steady state did not return: " + stillFailing);
    recorder.recovered(false, Optional.empty(), recover.budget(),
        stepsDetail.or(() -> Optional.of("the steady state did not return: " + stillFailing)));
    return Optional.empty();
  }

  /** The steady state holds (or the drill has none): recovered, unless a step failed. */
  private Optional<Duration> recovered(Instant faultAt, Optional<String> stepsFailed) {
    if (stepsFailed.isPresent()) {
      recorder.recovered(false, Optional.empty(), recover.budget(), stepsFailed);
      return Optional.empty();
    }
    Optional<Duration> timeToRecover = Optional.of(Duration.between(faultAt, clock.now()));
    recorder.recovered(true, timeToRecover, recover.budget(), Optional.empty());
    return timeToRecover;
  }
}
