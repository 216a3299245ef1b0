package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.TimingPlan;
import dev.drill.runtime.journal.JournalEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every timing rule of DESIGN.md §6 on the virtual clock: a drill of an hour in
 * milliseconds, with exact times. The plan is plans/timing.drill (compiled).
 */
class RunEngineTimingTest {

  static Plan timingPlan() {
    return TimingPlan.load();
  }

  FakeWorld world;
  Plan plan;
  Instant killedAt;
  Instant restartedAt;
  Duration alertDelay = Duration.ofSeconds(60);
  Duration healthBackAfter = Duration.ofSeconds(30);

  @BeforeEach
  void world() {
    world = new FakeWorld();
    plan = timingPlan();
    world.commandEffects.put("kill svc", () -> killedAt = world.now());
    world.commandEffects.put("restart svc", () -> restartedAt = world.now());
    world.statuses.put("http://svc/health", now -> {
      if (killedAt == null || now.isBefore(killedAt)) return 200;
      if (restartedAt != null && !now.isBefore(restartedAt.plus(healthBackAfter))) return 200;
      return 503;
    });
    world.statuses.put("http://svc/alert", now ->
        killedAt != null && !now.isBefore(killedAt.plus(alertDelay)) ? 200 : 404);
  }

  RunOutcome run() {
    return run(plan);
  }

  RunOutcome run(Plan p) {
    RunEngine run = new RunEngine(p, new RunEngine.Services(world.clock, world, world, world, world,
        new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token")),
            Map.of("host", "svc"), true, "/drills", "journal.jsonl", "results"));
    return run.run();
  }

  long sinceFault(JournalEvent e) {
    return ((Number) e.facts().get("sinceFaultMs")).longValue();
  }

  @Test
  void detectAllWaitsForTheLastSignal() {
    RunOutcome outcome = run();
    assertEquals(RunResult.Outcome.PASSED, outcome.outcome(), outcome.reasons().toString());
    List<JournalEvent> fired = world.events("signal-fired");
    assertEquals("health-failing", fired.get(0).facts().get("id"));
    assertEquals(0L, sinceFault(fired.get(0)));
    assertEquals("alert-fired", fired.get(1).facts().get("id"));
    assertEquals(60_000L, sinceFault(fired.get(1)), "polled every 15s from the fault: seen at 60s");
    assertEquals(Optional.of(Duration.ofSeconds(60)), outcome.timeToDetect());
  }

  @Test
  void detectAnyIsMetByTheFirstSignal() {
    Phase.Detect all = plan.phase(Phase.Detect.class).orElseThrow();
    RunOutcome outcome = run(Plans.withPhase(plan, new Phase.Detect(Phase.DetectMode.ANY, all.budget(),
        all.signals(), all.source())));
    assertEquals(Optional.of(Duration.ZERO), outcome.timeToDetect());
    assertEquals(1, world.events("signal-fired").size(), "detection ends once met");
  }

  @Test
  void aSignalAfterItsBudgetIsMissedAndTheDrillGoesOn() {
    alertDelay = Duration.ofMinutes(6);
    RunOutcome outcome = run();
    assertEquals(RunResult.Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.reasons().get(0).startsWith("detection missed: not all of the signals fired within 5m (missing: alert-fired)"),
        outcome.reasons().toString());
    JournalEvent detection = world.event("detection");
    assertEquals(false, detection.facts().get("met"));
    assertEquals(List.of("alert-fired"), detection.facts().get("missing"));
    assertEquals(Instant.parse("2026-11-20T10:05:02Z"), detection.at(), "at the budget: setup 1s + kill 1s + 5m");
    assertEquals(1, world.events("step-started").stream().filter(e -> e.facts().get("id").equals("restart")).count(),
        "recovery still runs");
  }

  @Test
  void aStepThatOverrunsItsBudgetIsAFinding() {
    world.commandTakes.put("restart svc", Duration.ofMinutes(11));
    RunOutcome outcome = run(Plans.withStepTimeout(plan, Duration.ofHours(1)));
    assertEquals(RunResult.Outcome.FAILED, outcome.outcome());
    JournalEvent ended = world.events("step-ended").get(0);
    assertEquals(false, ended.facts().get("inBudget"));
    assertTrue(outcome.reasons().contains("step 'restart' took 11m30s, over its budget of 10m"), outcome.reasons().toString());
  }

  @Test
  void verifyIsPolledUntilItHolds() {
    RunOutcome outcome = run();
    JournalEvent verify = world.event("verify");
    assertEquals(true, verify.facts().get("held"));
    assertEquals(30_000L, ((Number) verify.facts().get("durationMs")).longValue(), "every 5s; back after 30s");
    JournalEvent recovered = world.event("recovered");
    assertEquals(true, recovered.facts().get("met"));
    Duration ttr = outcome.timeToRecover().orElseThrow();
    // fault at 10:00:02; alert at 60s; restart runs 1s, health back 30s later; replay 1s.
    assertEquals(Duration.ofSeconds(60 + 1 + 30 + 1), ttr);
  }

  @Test
  void aVerifyThatNeverHoldsFailsTheStepAndSkipsWhatComesAfterIt() {
    healthBackAfter = Duration.ofHours(5);
    RunOutcome outcome = run();
    assertEquals(RunResult.Outcome.FAILED, outcome.outcome());
    JournalEvent verify = world.event("verify");
    assertEquals(false, verify.facts().get("held"));
    assertEquals(120_000L, ((Number) verify.facts().get("durationMs")).longValue(), "polled for its 2m budget");
    JournalEvent replay = world.events("step-ended").get(1);
    assertEquals("replay", replay.facts().get("id"));
    assertTrue(((String) replay.facts().get("detail")).startsWith("skipped: it comes after restart"));
    assertFalse(world.commandsRun.contains("replay svc"));
    assertTrue(outcome.reasons().stream().anyMatch(r -> r.startsWith("the steady state did not return")));
  }

  /**
   * After a failed step the run does not wait out recovery's budget for a steady state that
   * recovery failed to bring back: it looks once, says so, and rolls back.
   */
  @Test
  void afterAFailedRecoveryTheSteadyStateIsLookedAtOnceNotWaitedFor() {
    healthBackAfter = Duration.ofHours(5);
    run();
    JournalEvent recoverEnded = world.events("phase-ended").stream()
        .filter(e -> e.facts().get("phase").equals("recover")).findFirst().orElseThrow();
    JournalEvent check = world.events("check").stream()
        .filter(e -> e.facts().get("phase").equals("steady-again")).findFirst().orElseThrow();
    assertEquals(recoverEnded.at(), check.at(), "looked at once, not polled until recovery's deadline");
    JournalEvent steadyEnded = world.events("phase-ended").stream()
        .filter(e -> e.facts().get("phase").equals("steady-again")).findFirst().orElseThrow();
    assertEquals("up still failing (looked at once: recovery had failed)", steadyEnded.facts().get("detail"));
    assertEquals("recovery failed (failed steps: restart, replay)", world.event("recovered").facts().get("detail"));
  }

  /** A step failed, yet the steady state came back: recovery is still not met, and no time-to-recover. */
  @Test
  void aFailedStepMeansNotRecoveredWhateverTheSteadyStateSays() {
    world.commandTakes.put("replay svc", Duration.ofHours(1));
    RunOutcome outcome = run();
    assertEquals(RunResult.Outcome.FAILED, outcome.outcome());
    assertTrue(world.events("check").stream().allMatch(e -> e.facts().get("holds").equals(true)), "the health is back");
    JournalEvent recovered = world.event("recovered");
    assertEquals(false, recovered.facts().get("met"));
    assertEquals("recovery failed (failed steps: replay)", recovered.facts().get("detail"));
    assertEquals(Optional.empty(), outcome.timeToRecover());
    assertFalse(outcome.reasons().stream().anyMatch(r -> r.startsWith("the steady state")), outcome.reasons().toString());
  }

  @Test
  void theTimeboxEndsTheRunAndRollsBack() {
    world.neverAnswer = true;
    RunOutcome outcome = run(Plans.withManualFirstStep(plan, "Restart it by hand"));
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertEquals(List.of("the timebox of 1h ran out"), outcome.reasons());
    assertTrue(world.commandsRun.containsAll(List.of("start svc", "cleanup svc")), world.commandsRun.toString());
    assertEquals(Instant.parse("2026-11-20T11:00:00Z"), world.event("abort").at());
  }

  @Test
  void anAbortConditionHeldLongEnoughStopsTheRun() {
    world.statuses.put("http://svc/orders", now -> killedAt != null && !now.isBefore(killedAt.plusSeconds(60)) ? 500 : 200);
    healthBackAfter = Duration.ofHours(5);
    RunOutcome outcome = run();
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertTrue(outcome.reasons().get(0).startsWith("abort condition held: http GET \"http://${host}/orders\""),
        outcome.reasons().toString());
    long abortAt = java.time.Duration.between(killedAt, world.event("abort").at()).toSeconds();
    assertTrue(abortAt >= 180 && abortAt <= 190, "orders down from 60s, held 2m: abort near 3m, was " + abortAt + "s");
    assertTrue(world.commandsRun.contains("start svc"), "the undo ran");
  }

  @Test
  void aBrokenSteadyStateAbortsBeforeAnyInjection() {
    world.statuses.put("http://svc/health", now -> 500);
    RunOutcome outcome = run();
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertTrue(outcome.reasons().get(0).startsWith("steady failed: the steady state does not hold: 'up' (status 500)"),
        outcome.reasons().toString());
    assertFalse(world.commandsRun.contains("kill svc"), "nothing injected");
    assertFalse(world.commandsRun.contains("start svc"), "so nothing to undo");
    assertTrue(world.commandsRun.contains("cleanup svc"), "teardown always runs");
  }

  @Test
  void rollbackRunsAfterEveryKindOfEnding() {
    run();
    assertEquals(List.of("prepare svc", "kill svc", "restart svc", "replay svc", "start svc", "cleanup svc"),
        world.commandsRun, "passed");
  }

  @Test
  void anAbortRequestedFromOutsideRollsBack() {
    FakeWorld w = world;
    List<String> seen = new ArrayList<>();
    RunEngine[] holder = new RunEngine[1];
    w.commandEffects.put("restart svc", () -> {
      restartedAt = w.now();
      holder[0].requestAbort("interrupted by Ctrl-C");
    });
    holder[0] = new RunEngine(plan, new RunEngine.Services(w.clock, w, w, w, w, new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token")),
            Map.of("host", "svc"), true, "/drills", "journal.jsonl", "results"));
    RunOutcome outcome = holder[0].run();
    seen.addAll(w.commandsRun);
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertEquals(List.of("interrupted by Ctrl-C"), outcome.reasons());
    assertEquals(List.of("prepare svc", "kill svc", "restart svc", "start svc", "cleanup svc"), seen);
  }

  @Test
  void aLateNotificationIsAFinding() {
    world.answerAfter = Duration.ofMinutes(11);
    RunOutcome outcome = run();
    JournalEvent comms = world.event("comms");
    assertEquals(true, comms.facts().get("late"));
    assertEquals(600_000L, ((Number) comms.facts().get("dueSinceFaultMs")).longValue(),
        "notify within 10m: due at T+10m (asked at T0)");
    assertTrue(outcome.reasons().contains("notification of execs by liaison was late"), outcome.reasons().toString());
  }

  @Test
  void aNotificationWithinItsTimeIsDoneAndDueAtTheEndOfIt() {
    world.answerAfter = Duration.ofMinutes(9);
    RunOutcome outcome = run();
    JournalEvent comms = world.event("comms");
    assertEquals(false, comms.facts().get("late"));
    assertEquals(600_000L, ((Number) comms.facts().get("dueSinceFaultMs")).longValue());
    assertTrue(outcome.reasons().stream().noneMatch(r -> r.startsWith("notification")), outcome.reasons().toString());
  }

  @Test
  void secretsNeverReachTheJournal() {
    run();
    for (JournalEvent e : world.journal) {
      assertFalse(e.toString().contains("s3cret-token"), e.toString());
    }
  }
}
