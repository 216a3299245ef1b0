package dev.drill.runtime.report;

import dev.drill.plan.Markdown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.RunResult;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.report.RunReport.Verdict;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunReportTest {

  @Test
  void aPassedRunMeetsEveryExpectation() throws JournalFormatException {
    RunReport r = RunReport.of(SampleRuns.passed());
    assertEquals(Optional.of(RunResult.Outcome.PASSED), r.outcome());
    assertEquals("matching-engine-crash", r.run().drill());
    assertEquals(Optional.of(Duration.ofSeconds(4)), r.faultAt());
    assertEquals(Optional.of(Duration.ofSeconds(72)), r.detection().get().timeToDetect());
    assertEquals(Optional.of(Duration.ofMinutes(18)), r.recovery().get().timeToRecover());
    assertTrue(r.detection().get().signals().stream().allMatch(s -> s.verdict() == Verdict.MET));
    assertEquals(List.of("declare", "restart", "replay"),
        r.recovery().get().steps().stream().map(RunReport.Step::id).collect(Collectors.toList()));
    assertTrue(r.recovery().get().steps().stream().allMatch(s -> s.verdict() == Verdict.MET));
    assertEquals(Optional.empty(), r.rerunDue());
    assertTrue(r.aar().wentWell().contains("detected in 1m12s of a 5m budget"), r.aar().wentWell().toString());
    assertEquals(List.of(), r.aar().wentBadly());
    assertEquals(List.of("Did responders detect the failure from monitoring alone?",
        "Was the recovery guide accurate and complete?"), r.debrief());
    assertEquals(1, r.notes().size());
    assertEquals("terminal", r.notes().get(0).by());
    assertEquals(Optional.of(Duration.ofSeconds(236)), r.notes().get(0).sinceFault());
  }

  @Test
  void aFailedRunNamesWhatWasMissedAndWhenToRunItAgain() throws JournalFormatException {
    RunReport r = RunReport.of(SampleRuns.failed());
    assertEquals(Optional.of(RunResult.Outcome.FAILED), r.outcome());
    assertEquals(5, r.reasons().size());
    RunReport.Signal alert = r.detection().get().signals().get(1);
    assertEquals("alert-fired", alert.id());
    assertEquals(Verdict.MISSED, alert.verdict());
    assertEquals(Verdict.MISSED, r.detection().get().verdict());
    assertEquals(Optional.empty(), r.detection().get().timeToDetect());
    RunReport.Step restart = r.recovery().get().steps().get(1);
    assertEquals(Verdict.MISSED, restart.verdict());
    assertTrue(restart.detail().endsWith("exit 1"), restart.detail());
    assertEquals(1, r.failedActions().size());
    assertTrue(r.failedActions().get(0).output().startsWith("Job for matching-engine.service failed."));
    assertEquals("ssh me-1.staging.internal sudo systemctl restart matching-engine", r.failedActions().get(0).text());
    assertEquals(Optional.of(LocalDate.parse("2026-12-04")), r.rerunDue());
    assertEquals(RunReport.DutyStatus.LATE, r.comms().get(0).status());
    assertTrue(r.aar().wentBadly().contains("signal 'alert-fired' did not fire within 5m"), r.aar().wentBadly().toString());
    assertTrue(r.aar().toImprove().contains("re-run the drill by 2026-12-04 (a failed drill is re-run within 14d)"),
        r.aar().toImprove().toString());
  }

  @Test
  void anAbortedRunKeepsItsReasonAndDecidesNothingItDidNotReach() throws JournalFormatException {
    RunReport r = RunReport.of(SampleRuns.aborted());
    assertEquals(Optional.of(RunResult.Outcome.ABORTED), r.outcome());
    assertTrue(r.reasons().get(0).startsWith("abort condition held for 2m"), r.reasons().toString());
    assertEquals(Verdict.NOT_REACHED, r.detection().get().verdict());
    assertEquals(Verdict.NOT_REACHED, r.recovery().get().verdict());
    assertEquals(Optional.empty(), r.rerunDue());
    assertTrue(r.timeline().stream().anyMatch(m -> m.problem() && m.text().startsWith("abort: ")));
  }

  @Test
  void aJournalWithoutOutcomeIsInterrupted() throws JournalFormatException {
    RunReport r = RunReport.of(SampleRuns.interrupted());
    assertEquals(Optional.empty(), r.outcome());
    assertEquals("interrupted", r.outcomeKeyword());
    assertFalse(r.run().ended());
    assertEquals(SampleRuns.START.plusSeconds(210), r.run().endedAt());
    assertTrue(r.reasons().get(0).contains("without an outcome"), r.reasons().toString());
    assertTrue(r.reasons().get(1).contains("rollback did not run"), r.reasons().toString());
    assertEquals("did not finish", r.recovery().get().steps().get(1).detail());
    assertEquals(Optional.empty(), r.rerunDue());
    assertEquals("drill note", r.notes().get(0).by());
  }

  @Test
  void anyMeetsDetectionWithTheFirstSignalAndTheOthersAreNotMissed() throws JournalFormatException {
    String anyPlan = SampleRuns.planJson().replace("\"mode\": \"all\"", "\"mode\": \"any\"");
    List<JournalEvent> events = SampleRuns.begin(anyPlan).at(46)
        .e("signal-fired", "id", "health-failing", "title", "Health endpoint reports failure",
            "sinceFaultMs", 42_000L, "budgetMs", 300_000L, "inBudget", true)
        .e("detection", "mode", "any", "met", true, "sinceFaultMs", 42_000L, "budgetMs", 300_000L,
            "fired", List.of("health-failing"), "missing", List.of("alert-fired", "paged"))
        .events();
    RunReport.Detection d = RunReport.of(events).detection().get();
    assertEquals(Verdict.MET, d.verdict());
    assertEquals(List.of(Verdict.MET, Verdict.NOT_REACHED, Verdict.NOT_REACHED),
        d.signals().stream().map(RunReport.Signal::verdict).collect(Collectors.toList()));
  }

  @Test
  void withoutAPlanTheEventsAloneGiveTheReport() throws JournalFormatException {
    List<JournalEvent> events = new ArrayList<>();
    for (JournalEvent e : SampleRuns.failed()) {
      Map<String, Object> facts = new LinkedHashMap<>(e.facts());
      facts.remove("plan");
      events.add(new JournalEvent(e.at(), e.event(), facts));
    }
    RunReport r = RunReport.of(events);
    assertEquals(Optional.of(RunResult.Outcome.FAILED), r.outcome());
    assertEquals(Duration.ofMinutes(5), r.detection().get().budget());
    assertEquals(List.of("health-failing", "paged", "alert-fired"),
        r.detection().get().signals().stream().map(RunReport.Signal::id).collect(Collectors.toList()));
    assertEquals(Verdict.MISSED, r.detection().get().signals().get(2).verdict());
    assertEquals(3, r.recovery().get().steps().size());
    assertEquals(List.of(), r.debrief());
    assertEquals(Optional.of(LocalDate.parse("2026-12-04")), r.rerunDue(), "the default rerun window, 14 days");
  }

  @Test
  void aJournalWithoutRunStartedIsNotAJournal() {
    List<JournalEvent> events = SampleRuns.passed().subList(1, 5);
    JournalFormatException e = assertThrows(JournalFormatException.class, () -> RunReport.of(events));
    assertTrue(e.getMessage().contains("run-started"), e.getMessage());
  }

  /** A journal that says both (an earlier drill's) still gives a report where a failed recovery is not met. */
  @Test
  void aFailedRecoveryIsNeverMet() throws Exception {
    List<JournalEvent> events = new java.util.ArrayList<>();
    for (JournalEvent e : SampleRuns.failed()) {
      events.add(e.event().equals("recovered")
          ? JournalEvent.of(e.at(), "recovered", "met", true, "sinceFaultMs", 1_800_000L, "budgetMs", 1_800_000L) : e);
    }
    RunReport r = RunReport.of(events);
    assertEquals(RunReport.Verdict.MISSED, r.recovery().orElseThrow().verdict());
    String report = new ReportRenderer().render(r);
    assertTrue(report.contains("**recover failed**"), report);
    assertFalse(report.matches("(?s).*\\| Time to recover \\|[^\n]*\\| met \\|.*"), report);
    assertTrue(report.contains("not recovered within 30m: recovery failed"), report);
  }

  /** A command's colours, cursor moves and NULs are shown in the report, never written into it raw. */
  @Test
  void controlCharactersFromTheWorldAreShownNotWritten() throws Exception {
    List<JournalEvent> events = new ArrayList<>();
    for (JournalEvent e : SampleRuns.failed()) {
      events.add(e.event().equals("action-ended") && e.facts().get("output") != null
          ? JournalEvent.of(e.at(), "action-ended", "phase", "recover", "step", "restart", "index", 1, "kind", "run",
              "ok", false, "detail", "exit 1 \u001b[2J", "output", "\u001b[31mFAILED\u001b[0m\u0000 at\u0007 50%\r100%\n",
              "durationMs", 7_000L)
          : e);
    }
    String report = new ReportRenderer().render(RunReport.of(events));
    assertFalse(report.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n'), "nothing raw");
    assertTrue(report.contains("\\u001b[31mFAILED\\u001b[0m\\u0000 at\\u0007 50%"), report);
    assertTrue(report.contains("exit 1 \\u001b\\[2J"), "in the heading too (Markdown-escaped): " + report);
  }

  @Test
  void timesFormatForPeople() {
    assertEquals("0s", Times.duration(Duration.ZERO));
    assertEquals("850ms", Times.duration(Duration.ofMillis(850)), "a part of a second is never 0s");
    assertEquals("42ms", Times.duration(Duration.ofMillis(42)));
    assertEquals("1.9s", Times.duration(Duration.ofMillis(1_999)));
    assertEquals("4.2s", Times.duration(Duration.ofMillis(4_250)));
    assertEquals("10s", Times.duration(Duration.ofMillis(10_999)));
    assertEquals("1m12s", Times.duration(Duration.ofSeconds(72)));
    assertEquals("1m05s", Times.duration(Duration.ofSeconds(65)));
    assertEquals("5m", Times.duration(Duration.ofMinutes(5)));
    assertEquals("1h30m", Times.duration(Duration.ofMinutes(90)));
    assertEquals("1h00m10s", Times.duration(Duration.ofSeconds(3610)));
    assertEquals("14d", Times.duration(Duration.ofDays(14)));
    assertEquals("T-4s", Times.sinceFault(Duration.ofSeconds(-4)));
    assertEquals("+3m30s", Times.sinceStart(Duration.ofSeconds(210)));
    assertEquals("T+0s", Times.sinceFault(Duration.ZERO), "not T-0s");
    assertEquals("T-2ms", Times.sinceFault(Duration.ofMillis(-2)), "before the fault, however little");
    assertEquals("-2ms", Times.duration(Duration.ofMillis(-2)));
  }

  @Test
  void markdownEscapingKeepsWorldTextInert() {
    assertEquals("\\<script\\>alert(1)\\</script\\>", Markdown.text("<script>alert(1)</script>"));
    assertEquals("\\# not a heading", Markdown.text("# not a heading"));
    assertEquals("1\\. not a list", Markdown.text("1. not a list"));
    assertEquals("a \\| b", Markdown.text("a | b"));
    assertEquals("two lines", Markdown.text("two\nlines"));
    assertEquals("``a`b``", Markdown.code("a`b"));
    assertEquals("`` `x ``", Markdown.code("`x"));
    assertEquals("````", Markdown.fence("x ``` y"));
    assertEquals("```", Markdown.fence("plain"));
  }

  @Test
  void mermaidTaskNamesLoseWhatTheChartWouldRead() {
    assertEquals("Restart - the engine no. 1, now", Mermaid.task("Restart: the \"engine\" #1; now"));
    assertEquals("- section 2", Mermaid.task("section 2"));
    assertEquals("(untitled)", Mermaid.task(" \" "));
  }
}
