package dev.drill.runtime.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveLinesTest {

  /** Detection of 2 signals within 5m, recovery within 30m. */
  private static Plan timingPlan() {
    try (var in = LiveLinesTest.class.getResourceAsStream("/plans/timing.plan.json")) {
      return PlanJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.IOException | dev.drill.plan.PlanFormatException e) {
      throw new AssertionError(e);
    }
  }

  private final List<JournalEvent> journal = new ArrayList<>();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final LiveLines live = new LiveLines(new Journal() {
    @Override
    public void record(JournalEvent event) {
      journal.add(event);
    }

    @Override
    public void close() {}
  }, timingPlan(), new java.io.PrintWriter(new java.io.OutputStreamWriter(printed, StandardCharsets.UTF_8), true));

  private static Instant at(int seconds) {
    return Instant.parse("2026-11-24T10:00:00Z").plusSeconds(seconds);
  }

  /** Responders may watch the armer's screen: it says armed and for which window, never when. */
  @Test
  void anArmedRunSaysArmedAndTheWindowNotTheMoment() {
    live.record(JournalEvent.of(at(0), "run-started", "drill", "x", "title", "X", "environment", "staging"));
    live.record(JournalEvent.of(at(0), "armed", "from", "2026-11-24T10:00:00Z", "until", "2026-11-24T12:00:00Z",
        "zone", "Europe/Paris", "blackouts", List.of("12:00-12:30")));
    live.record(JournalEvent.of(at(1), "phase-started", "phase", "steady"));
    live.record(JournalEvent.of(at(2), "phase-ended", "phase", "steady", "ok", true));
    assertEquals("[00:10:00] -- armed", live.status(at(600)));
    String lines = printed.toString(StandardCharsets.UTF_8);
    assertTrue(lines.contains("[00:00:00] ARMED: the fault starts unannounced between 2026-11-24 11:00 and 13:00"
        + " (Europe/Paris), not during 12:00-12:30; Ctrl-C disarms"), lines);
    live.record(JournalEvent.of(at(3600), "unannounced-start", "seed", 9));
    live.record(JournalEvent.of(at(3600), "phase-started", "phase", "inject"));
    live.record(JournalEvent.of(at(3601), "phase-ended", "phase", "inject", "ok", true));
    assertEquals("[01:00:02] -- inject", live.status(at(3602)));
  }

  @Test
  void linesSayWhatHappenedAndStatusSaysWhereTheRunStands() throws Exception {
    live.record(JournalEvent.of(at(0), "run-started", "drill", "x", "title", "X", "environment", "staging"));
    live.record(JournalEvent.of(at(4), "fault-active"));
    live.record(JournalEvent.of(at(4), "phase-started", "phase", "detect"));
    live.record(JournalEvent.of(at(46), "signal-fired", "id", "health", "sinceFaultMs", 42_000, "inBudget", true));
    assertEquals("[00:01:00 T+00:00:56] -- detect: 56s of 5m, 1 of 2 signals fired", live.status(at(60)));
    live.record(JournalEvent.of(at(300), "phase-started", "phase", "recover"));
    live.record(JournalEvent.of(at(310), "step-started", "id", "restart", "title", "Restart"));
    assertEquals("[00:05:40 T+00:05:36] -- recover: 40s of 30m, step restart for 30s", live.status(at(340)));
    String lines = printed.toString(StandardCharsets.UTF_8);
    assertTrue(lines.contains("[00:00:46 T+00:00:42]    signal health fired at T+42s"), lines);
    assertEquals(6, journal.size(), "everything reaches the journal");
  }

  /** A fact a line would show is missing: the line leaves it out, it never says "null". */
  @Test
  void aLineNeverSaysNull() {
    live.record(JournalEvent.of(at(0), "run-started", "drill", "x", "title", "X", "environment", "staging"));
    live.record(JournalEvent.of(at(1), "phase-ended", "phase", "recover", "ok", false));
    live.record(JournalEvent.of(at(2), "phase-ended", "phase", "steady-again", "ok", false,
        "detail", "up still failing"));
    live.record(JournalEvent.of(at(3), "recovered", "met", false));
    live.record(JournalEvent.of(at(4), "outcome", "outcome", "failed", "reasons", List.of("a", "b")));
    String lines = printed.toString(StandardCharsets.UTF_8);
    assertFalse(lines.contains("null"), lines);
    assertTrue(lines.contains("[00:00:01]    recover failed\n"), lines);
    assertTrue(lines.contains("[00:00:02]    steady-again failed: up still failing\n"), lines);
    assertTrue(lines.contains("[00:00:03] NOT RECOVERED\n"), lines);
    assertTrue(lines.contains("[00:00:04] outcome: FAILED: a; b\n"), lines);
  }

  /** "FAILED: exit 1" says why: the last lines of the output, as the report has them (redacted there already). */
  @Test
  void aFailedActionShowsTheEndOfItsOutput() {
    live.record(JournalEvent.of(at(0), "run-started", "drill", "x", "title", "X", "environment", "staging"));
    StringBuilder output = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      output.append("line ").append(i).append('\n');
    }
    output.append("Job failed: token=******** \u001b[31mred\u001b[0m\n");
    live.record(JournalEvent.of(at(1), "action-ended", "phase", "recover", "step", "restart", "index", 1, "kind",
        "run", "ok", false, "detail", "exit 1", "output", output.toString(), "durationMs", 420));
    assertEquals(String.join("\n",
        "[00:00:01]    FAILED: exit 1",
        "     | (last 5 of 9 lines; the report has them all)",
        "     | line 5",
        "     | line 6",
        "     | line 7",
        "     | line 8",
        "     | Job failed: token=******** \\u001b[31mred\\u001b[0m",
        ""), printed.toString(StandardCharsets.UTF_8).lines().skip(1).map(l -> l + "\n")
            .reduce("", String::concat));
  }

  @Test
  void aPartOfASecondIsNeverZeroSeconds() {
    live.record(JournalEvent.of(at(0), "run-started", "drill", "x", "title", "X", "environment", "staging"));
    live.record(JournalEvent.of(at(4), "phase-started", "phase", "recover"));
    live.record(JournalEvent.of(at(10), "step-started", "id", "restart", "title", "Restart"));
    assertEquals("[00:00:10] -- recover: 6s of 30m, step restart for 420ms",
        live.status(at(10).plusMillis(420)));
  }
}
