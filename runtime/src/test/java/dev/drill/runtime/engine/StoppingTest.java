package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Expectation;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.plan.RunResult;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.Responder;
import dev.drill.runtime.action.ActionRunner;
import dev.drill.runtime.clock.SystemClock;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a run stops: stop signals recorded in every phase and never stopping a rollback; a
 * bug in drill still rolls back; nobody left to answer stops the run at once; and a phase
 * ends at its budget whatever its probes' polling.
 */
class StoppingTest {

  FakeWorld world;
  Plan plan;

  @BeforeEach
  void world() {
    world = new FakeWorld();
    plan = RunEngineTimingTest.timingPlan();
  }

  private RunEngine drill(Plan p, FakeWorld w) {
    return new RunEngine(p, new RunEngine.Services(w.clock, w, w, w, w, new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of("token", "s3cret-token")),
            Map.of("host", "svc"), true, "/drills", "journal.jsonl", "results"));
  }

  private List<String> events() {
    return world.journal.stream().map(JournalEvent::event).collect(Collectors.toList());
  }

  @Test
  void aSignalMidRecoveryIsRecordedAndStopsTheRunWhichRollsBack() {
    RunEngine[] run = new RunEngine[1];
    world.commandEffects.put("restart svc", () -> run[0].interrupt("SIGINT", "interrupted (Ctrl-C)"));
    run[0] = drill(plan, world);
    RunOutcome outcome = run[0].run();
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertEquals(List.of("interrupted (Ctrl-C)"), outcome.reasons());
    JournalEvent interrupt = world.event("interrupt");
    assertEquals("SIGINT", interrupt.facts().get("signal"));
    assertEquals(false, interrupt.facts().get("rollingBack"));
    assertEquals(List.of("prepare svc", "kill svc", "restart svc", "start svc", "cleanup svc"), world.commandsRun);
  }

  @Test
  void signalsDuringTheRollbackAreRecordedAndTheRollbackGoesOn() {
    RunEngine[] run = new RunEngine[1];
    world.commandEffects.put("restart svc", () -> run[0].interrupt("SIGINT", "interrupted (Ctrl-C)"));
    world.commandEffects.put("start svc", () -> {
      run[0].interrupt("SIGINT", "interrupted (Ctrl-C)");
      run[0].interrupt("SIGTERM", "terminated (SIGTERM)");
    });
    run[0] = drill(plan, world);
    RunOutcome outcome = run[0].run();
    assertEquals(List.of("interrupted (Ctrl-C)"), outcome.reasons(), "the first signal stopped the run");
    List<JournalEvent> interrupts = world.events("interrupt");
    assertEquals(3, interrupts.size());
    assertEquals(List.of(false, true, true), interrupts.stream().map(e -> e.facts().get("rollingBack"))
        .collect(Collectors.toList()));
    assertEquals("SIGTERM", interrupts.get(2).facts().get("signal"));
    assertTrue(world.commandsRun.containsAll(List.of("start svc", "cleanup svc")), "undo and teardown both ran");
    assertTrue(events().indexOf("run-ended") > events().lastIndexOf("interrupt"));
  }

  @Test
  void theStoppedActionAndStepAreRecordedAsStoppedNotAsFailedCommands() {
    FakeWorld w = world;
    RunEngine[] run = new RunEngine[1];
    // A person presses Ctrl-C while a manual step waits for an answer.
    Responder pressesCtrlC = question -> {
      run[0].interrupt("SIGINT", "interrupted (Ctrl-C)");
      return new CompletableFuture<>();
    };
    Plan withManual = Plans.withManualFirstStep(plan, "Restart it by hand");
    Plan manual = Plans.only(withManual, withManual.phases().stream()
        .filter(p -> p instanceof Phase.Inject || p instanceof Phase.Recover).collect(Collectors.toList()));
    run[0] = new RunEngine(manual, new RunEngine.Services(w.clock, w, w, pressesCtrlC, w, new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of()), Map.of(), false, "/drills",
            "journal.jsonl", "results"));
    RunOutcome outcome = run[0].run();
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    JournalEvent action = w.journal.stream().filter(e -> e.event().equals("action-ended")
        && "recover".equals(e.facts().get("phase"))).findFirst().orElseThrow();
    assertEquals(false, action.facts().get("ok"));
    assertEquals("stopped: interrupted (Ctrl-C)", action.facts().get("detail"));
    assertEquals("stopped: interrupted (Ctrl-C)", w.event("step-ended").facts().get("detail"));
  }

  @Test
  void aBugInDrillStopsTheRunRollsBackAndSaysSo() {
    FakeWorld w = world;
    ActionRunner broken = (action, timeout) -> {
      if (action instanceof dev.drill.plan.Action.Run run && run.command().startsWith("restart")) {
        throw new ArithmeticException("long overflow");
      }
      return w.perform(action, timeout);
    };
    RunEngine run = new RunEngine(plan, new RunEngine.Services(w.clock, w, broken, w, w, new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of()), Map.of(), true, "/drills",
            "journal.jsonl", "results"));
    RunOutcome outcome = run.run();
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertTrue(outcome.internalError().orElse("").contains("long overflow"), outcome.toString());
    assertTrue(w.commandsRun.containsAll(List.of("start svc", "cleanup svc")), "rolled back: " + w.commandsRun);
    assertTrue(w.event("abort").facts().get("reason").toString().startsWith("internal error in drill: "));
    assertEquals("run-ended", events().get(events().size() - 1));
  }

  @Test
  void whenNobodyCanAnswerTheRunStopsAtOnceNamingAuto() {
    FakeWorld w = world;
    Responder closed = question -> CompletableFuture.failedFuture(new Responder.NoOneToAnswer(
        "no one can answer: the terminal's input is closed; run with --auto"));
    Plan manual = Plans.withManualFirstStep(plan, "Restart it by hand");
    RunEngine run = new RunEngine(manual, new RunEngine.Services(w.clock, w, w, closed, w, new FakeWorld.SameThread()),
        new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of()), Map.of(), false, "/drills",
            "journal.jsonl", "results"));
    java.time.Instant start = w.now();
    RunOutcome outcome = run.run();
    assertEquals(RunResult.Outcome.ABORTED, outcome.outcome());
    assertTrue(outcome.reasons().get(0).contains("--auto"), outcome.reasons().toString());
    assertTrue(Duration.between(start, w.now()).compareTo(Duration.ofMinutes(10)) < 0,
        "stopped long before the step's budget of 10m ran out");
    assertTrue(w.commandsRun.contains("start svc"), "rolled back");
  }

  /**
   * Real threads and the wall clock: looks that always take longer than the polling period
   * (1 ms every 1 ms, which a hand-written plan could ask for) used to keep a look out at
   * every moment, so the phase never ended. Now no look is sent after the budget, and none is
   * waited for long past it. The bound is generous: this is about ending, not speed.
   */
  @Test
  void aPhaseEndsAtItsBudgetWhateverItsProbesPolling() throws Exception {
    Phase.Detect fast = new Phase.Detect(Phase.DetectMode.ALL, Duration.ofMillis(500), List.of(
        new Phase.Signal("never", "Never fires", new Probe.Command("false", new Expectation(
            dev.drill.plan.Comparator.EQ, java.math.BigDecimal.ZERO), Optional.empty()),
            new Polling(Duration.ofMillis(1), Duration.ofMillis(1), Optional.empty()), plan.source())),
        plan.source());
    Plan p = Plans.only(plan, List.of(plan.phase(Phase.Inject.class).orElseThrow(), fast));
    ProbeRunner slow = (probe, timeout) -> {
      Thread.sleep(20);
      return new Observation(false, "exit 1");
    };
    ExecutorService workers = Executors.newCachedThreadPool();
    FakeWorld actions = new FakeWorld();
    actions.commandTakes.put("kill svc", Duration.ZERO);
    try {
      RunEngine run = new RunEngine(p, new RunEngine.Services(new SystemClock(), slow, (a, t) -> new dev.drill.runtime
          .action.ActionResult(true, "exit 0", ""), actions, actions, workers),
          new RunEngine.Settings(new Bindings(Map.of("host", "svc"), Map.of()), Map.of(), true, "/drills",
              "journal.jsonl", "results"));
      CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(run::run);
      RunOutcome ended = outcome.get(20, TimeUnit.SECONDS);
      assertEquals(RunResult.Outcome.FAILED, ended.outcome());
      assertTrue(ended.reasons().get(0).startsWith("detection missed"), ended.reasons().toString());
      JournalEvent detection = actions.event("detection");
      assertEquals(false, detection.facts().get("met"));
    } finally {
      workers.shutdownNow();
    }
  }
}
