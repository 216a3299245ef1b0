package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.start.Arming;
import dev.drill.runtime.start.ClockRange;
import dev.drill.runtime.start.StartWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An armed drill on the virtual clock (a two-hour window in milliseconds): setup and the
 * steady state at arming, the fault at the moment, the timebox from the fault; a stop or an
 * abort condition while armed disarms it, and a steady state gone at the moment injects nothing.
 */
class ArmedStartTest {

  FakeWorld world;
  Plan plan;
  RunEngine run;
  Instant armedAt;
  Instant moment;
  Arming arming;
  Instant killedAt;

  @BeforeEach
  void world() {
    world = new FakeWorld();
    plan = RunEngineTimingTest.timingPlan();
    armedAt = world.now();
    StartWindow window = StartWindow.within(Duration.ofHours(2), armedAt,
        List.of(ClockRange.parse("12:00-12:30").orElseThrow()), ZoneId.of("UTC"));
    // Past the plan's 1h timebox: the timebox runs from the fault, not from arming.
    moment = armedAt.plus(Duration.ofMinutes(90));
    arming = new Arming(window, moment, 7);
    world.commandEffects.put("kill svc", () -> killedAt = world.now());
    world.commandEffects.put("restart svc", () -> killedAt = null);
    world.statuses.put("http://svc/health", now -> killedAt == null ? 200 : 503);
    world.statuses.put("http://svc/alert", now -> killedAt != null ? 200 : 404);
    run = new RunEngine(plan, new RunEngine.Services(world.clock, world, world, world, world,
        new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token")),
            Map.of("host", "svc"), true, "/drills", "journal.jsonl", "results"));
  }

  private List<String> events() {
    return world.journal.stream().map(JournalEvent::event).collect(Collectors.toList());
  }

  @Test
  void theFaultComesAtTheMomentAndTheTimeboxRunsFromIt() {
    RunOutcome outcome = run.run(armedAt, Optional.of(arming));
    assertEquals(RunResult.Outcome.PASSED, outcome.outcome(), outcome.reasons().toString());
    JournalEvent armed = world.event("armed");
    assertEquals(armedAt, armed.at());
    assertEquals(Map.of("from", "2026-11-20T10:00:00Z", "until", "2026-11-20T12:00:00Z", "zone", "UTC",
        "blackouts", List.of("12:00-12:30")), armed.facts(), "the window, never the moment or the seed");
    JournalEvent start = world.event("unannounced-start");
    assertEquals(moment, start.at());
    assertEquals(7L, ((Number) start.facts().get("seed")).longValue());
    List<String> seen = events();
    assertTrue(seen.indexOf("armed") < seen.indexOf("phase-started"), seen.toString());
    assertEquals(2, world.events("check").stream().filter(c -> "steady".equals(c.facts().get("phase"))).count(),
        "the steady state at arming and at the moment");
    assertTrue(seen.indexOf("unannounced-start") < seen.lastIndexOf("check"));
    assertEquals(moment.plusSeconds(1), world.event("fault-active").at(), "kill takes 1s");
    assertEquals(List.of("prepare svc", "kill svc", "restart svc", "replay svc", "start svc", "cleanup svc"),
        world.commandsRun);
  }

  @Test
  void aSignalWhileArmedDisarmsItNothingInjectedAndTeardownRuns() {
    Instant pressed = armedAt.plus(Duration.ofMinutes(20));
    world.statuses.put("http://svc/orders", now -> {
      if (!now.isBefore(pressed)) {
        run.interrupt("SIGINT", "interrupted (Ctrl-C)");
      }
      return 200;
    });
    RunOutcome outcome = run.run(armedAt, Optional.of(arming));
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertEquals(List.of("disarmed before the unannounced start (interrupted (Ctrl-C)); nothing was injected"),
        outcome.reasons());
    assertEquals("interrupted (Ctrl-C)", world.event("disarmed").facts().get("reason"));
    assertTrue(world.event("disarmed").at().isBefore(moment));
    assertFalse(events().contains("unannounced-start"), "the moment stays unknown");
    assertFalse(events().contains("fault-active"));
    assertEquals(List.of("prepare svc", "cleanup svc"), world.commandsRun);
  }

  @Test
  void anAbortConditionWhileArmedDisarmsIt() {
    world.statuses.put("http://svc/orders", now -> now.isBefore(armedAt.plus(Duration.ofMinutes(10))) ? 200 : 500);
    RunOutcome outcome = run.run(armedAt, Optional.of(arming));
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertTrue(outcome.reasons().get(0).startsWith("disarmed before the unannounced start (abort condition held"),
        outcome.reasons().toString());
    assertEquals(List.of("prepare svc", "cleanup svc"), world.commandsRun);
  }

  @Test
  void aSteadyStateGoneAtTheMomentAbortsWithNothingInjected() {
    world.statuses.put("http://svc/health", now -> now.isBefore(armedAt.plus(Duration.ofHours(1))) ? 200 : 503);
    RunOutcome outcome = run.run(armedAt, Optional.of(arming));
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertTrue(outcome.reasons().get(0).startsWith("steady failed: the steady state does not hold: 'up'"),
        outcome.reasons().toString());
    assertEquals(moment, world.event("unannounced-start").at());
    assertFalse(events().contains("fault-active"));
    assertEquals(List.of("prepare svc", "cleanup svc"), world.commandsRun);
  }

  @Test
  void aSteadyStateFailingAtArmingEndsTheRunAtOnce() {
    world.statuses.put("http://svc/health", now -> 503);
    RunOutcome outcome = run.run(armedAt, Optional.of(arming));
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertFalse(events().contains("unannounced-start"));
    assertTrue(world.event("outcome").at().isBefore(moment), "no wait for the moment");
    assertEquals(List.of("prepare svc", "cleanup svc"), world.commandsRun);
  }
}
