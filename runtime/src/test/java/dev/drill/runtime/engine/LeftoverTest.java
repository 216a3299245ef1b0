package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Plan;
import dev.drill.runtime.journal.JournalEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a killed run's journal shows left to roll back, for drill rollback. */
class LeftoverTest {

  private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
  private final Plan plan = RunEngineTimingTest.timingPlan();
  private final List<JournalEvent> events = new ArrayList<>(List.of(
      JournalEvent.of(AT, "run-started", "drill", "timing"),
      JournalEvent.of(AT, "phase-started", "phase", "setup")));

  private void event(String name, Object... facts) {
    events.add(JournalEvent.of(AT, name, facts));
  }

  private List<String> undone(Leftover left) {
    return left.undo().stream().map(u -> u.step().id() + u.indexes()).collect(Collectors.toList());
  }

  @Test
  void killedMidRecoveryLeavesTheUndoOfWhatWasInjectedAndTheTeardown() {
    event("action-started", "phase", "inject", "step", "kill", "index", 1);
    event("action-ended", "phase", "inject", "step", "kill", "index", 1, "ok", true);
    event("step-started", "id", "restart");
    Leftover left = Leftover.inJournal(events, plan);
    assertEquals(List.of("kill[0]"), undone(left));
    assertEquals(List.of(0), left.teardown());
    assertFalse(left.ended());
  }

  @Test
  void aStepThatFailedHalfwayIsUndoneButOneNeverStartedIsNot() {
    event("action-started", "phase", "inject", "step", "kill", "index", 1);
    event("action-ended", "phase", "inject", "step", "kill", "index", 1, "ok", false);
    assertEquals(List.of("kill[0]"), undone(Leftover.inJournal(events, plan)));
    events.remove(events.size() - 1);
    events.remove(events.size() - 1);
    assertEquals(List.of(), undone(Leftover.inJournal(events, plan)));
  }

  @Test
  void whatEndedWellIsNotRunAgainWhatFailedIs() {
    event("action-started", "phase", "inject", "step", "kill", "index", 1);
    event("phase-started", "phase", "rollback");
    event("action-ended", "phase", "rollback", "step", "kill", "index", 1, "ok", true);
    event("phase-started", "phase", "teardown");
    event("action-ended", "phase", "teardown", "step", "teardown", "index", 1, "ok", false);
    event("outcome", "outcome", "failed");
    Leftover left = Leftover.inJournal(events, plan);
    assertEquals(List.of(), undone(left));
    assertEquals(List.of(0), left.teardown(), "the failed teardown action is tried again");
    assertTrue(left.ended());
    event("action-ended", "phase", "teardown", "step", "teardown", "index", 1, "ok", true);
    assertTrue(Leftover.inJournal(events, plan).isEmpty(), "nothing is left");
  }

  @Test
  void aRunKilledBeforeSetupLeavesNothing() {
    events.remove(1);
    assertTrue(Leftover.inJournal(events, plan).isEmpty());
  }
}
