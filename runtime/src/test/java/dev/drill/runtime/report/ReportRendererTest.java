package dev.drill.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.journal.JournalContents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

  private static final Path GOLDEN = Path.of("src/test/resources/reports");
  private static final Pattern TASK =
      Pattern.compile(" {4}[^:#;\"`<>%\\n]+ :((done|crit|active|milestone), )?\\d{13}, \\d{13}");
  private static final Pattern SECTION = Pattern.compile(" {4}section (inject|detect|recover|rollback)");

  private static String render(List<JournalEvent> events) throws JournalFormatException {
    return new ReportRenderer().render(RunReport.of(events));
  }

  @Test
  void passedRunMatchesItsGoldenReport() throws JournalFormatException {
    Golden.assertMatches(GOLDEN.resolve("passed.md"), render(SampleRuns.passed()));
  }

  @Test
  void failedRunMatchesItsGoldenReport() throws JournalFormatException {
    Golden.assertMatches(GOLDEN.resolve("failed.md"), render(SampleRuns.failed()));
  }

  @Test
  void passedReportShowsOutcomeAndTimesAgainstBudgets() throws JournalFormatException {
    String md = render(SampleRuns.passed());
    assertTrue(md.contains("| Outcome | **PASSED** |"), md);
    assertTrue(md.contains("| Time to detect | 1m12s | 5m | met |"), md);
    assertTrue(md.contains("| Time to recover | 18m | 30m | met |"), md);
    assertTrue(md.contains("- detected in 1m12s of a 5m budget"), md);
    assertFalse(md.contains("Re-run due"), md);
    assertTrue(md.contains("- **+4m (T+3m56s)**, terminal: Scribe lost track of who owns the replay"), md);
  }

  @Test
  void failedReportNamesTheMissedExpectationsAndTheRerunDate() throws JournalFormatException {
    String md = render(SampleRuns.failed());
    assertTrue(md.contains("| Outcome | **FAILED** |"), md);
    assertTrue(md.contains("| Time to detect | not detected | 5m | **missed** |"), md);
    assertTrue(md.contains("| Time to recover | not recovered | 30m | **missed** |"), md);
    assertTrue(md.contains("| MatchingEngineDown alert fires `alert-fired` | — | **missed**: did not fire within 5m |"), md);
    assertTrue(md.contains("- signal 'alert-fired' did not fire within 5m"), md);
    assertTrue(md.contains("Re-run due by **2026-12-04** (a failed drill is re-run within 14d)."), md);
    assertTrue(md.contains("### recover 'restart', action 1 (run): exit 1\n\n"
        + "At +7m04s: `ssh me-1.staging.internal sudo systemctl restart matching-engine`\n\n````text\n"), md);
    assertTrue(md.contains("| `engine-up` | after recovery | **does not hold**: connection refused |"), md);
    assertTrue(md.contains("| Update stakeholders | liaison | T+15m | **late** |"), md);
  }

  @Test
  void outputGoesInAFenceItCannotClose() throws JournalFormatException {
    String md = render(SampleRuns.failed());
    int open = md.indexOf("````text\nJob for matching-engine.service failed.\n```\n");
    assertTrue(open >= 0, md);
    int close = md.indexOf("\n````\n", open);
    assertTrue(close > open, md);
    assertTrue(md.substring(open, close).contains("<script>alert('x')</script>"), "output is shown as it was");
  }

  @Test
  void worldTextOutsideCodeIsEscaped() throws JournalFormatException {
    String md = render(SampleRuns.failed());
    String prose = outsideFences(md);
    assertFalse(prose.contains("<script>"), prose);
    assertFalse(prose.contains("<b>"), prose);
    assertTrue(prose.contains("drill note: Guide says \\`systemctl restart\\`; \\*\\*nobody\\*\\* knew"
        + " \\<script\\>alert(1)\\</script\\> # the unit name"), prose);
  }

  @Test
  void ganttChartIsWellFormed() throws JournalFormatException {
    for (List<JournalEvent> run : List.of(SampleRuns.passed(), SampleRuns.failed(), SampleRuns.aborted(),
        SampleRuns.interrupted())) {
      List<String> chart = mermaid(render(run));
      assertEquals(List.of("gantt", "    dateFormat x", "    axisFormat %H:%M:%S", "    todayMarker off"),
          chart.subList(0, 4));
      assertTrue(chart.contains("    section inject"), chart.toString());
      for (String line : chart.subList(4, chart.size())) {
        assertTrue(SECTION.matcher(line).matches() || TASK.matcher(line).matches(), line);
      }
    }
  }

  @Test
  void ganttChartSectionsHoldTheSignalsAndSteps() throws JournalFormatException {
    List<String> chart = mermaid(render(SampleRuns.failed()));
    long t0 = SampleRuns.START.toEpochMilli() + 4_000;
    assertTrue(chart.contains("    fault active (T0) :milestone, " + t0 + ", " + t0), chart.toString());
    assertTrue(chart.contains("    Health endpoint reports failure :done, " + t0 + ", " + (t0 + 42_000)), chart.toString());
    assertTrue(chart.contains("    MatchingEngineDown alert fires (did not fire) :crit, " + t0 + ", " + (t0 + 300_000)),
        chart.toString());
    assertTrue(chart.indexOf("    section detect") < chart.indexOf("    section recover"), chart.toString());
  }

  @Test
  void taskNamesCannotBreakTheChart() throws JournalFormatException {
    String plan = SampleRuns.planJson().replace("\"Restart the matching engine\"",
        "\"Restart: the \\\"engine\\\" #1; now 100% `done` <b>\"");
    List<String> chart = mermaid(render(SampleRuns.failed(plan)));
    assertTrue(chart.stream().anyMatch(l -> l.startsWith("    Restart - the engine no. 1, now 100 percent done (b) :crit, ")),
        chart.toString());
    for (String line : chart.subList(4, chart.size())) {
      assertTrue(SECTION.matcher(line).matches() || TASK.matcher(line).matches(), line);
    }
  }

  @Test
  void abortedReportSaysWhy() throws JournalFormatException {
    String md = render(SampleRuns.aborted());
    assertTrue(md.contains("| Outcome | **ABORTED** |"), md);
    assertTrue(md.contains("**Aborted**: the run was stopped before its end."), md);
    assertTrue(md.contains("- abort condition held for 2m: http GET http://orders.staging.internal/health"), md);
    assertTrue(md.contains("| Time to detect | not reached | 5m | not reached |"), md);
    assertFalse(md.contains("Re-run due"), md);
  }

  @Test
  void interruptedJournalGivesAReportSayingSo() throws JournalFormatException {
    String md = render(SampleRuns.interrupted());
    assertTrue(md.contains("| Outcome | **INTERRUPTED** |"), md);
    assertTrue(md.contains("| Last event | 2026-11-20 14:06:30 UTC (+3m30s); the run did not end |"), md);
    assertTrue(md.contains("- the journal ends at +3m30s without an outcome"), md);
    assertTrue(md.contains("- the rollback did not run to its end"), md);
    assertTrue(md.contains("drill note: runner window closed by mistake"), md);
    assertTrue(md.contains("| 2 | Restart the matching engine `restart` | operator | — | 10m | not reached: did not finish |"), md);
  }

  @Test
  void skippedLinesAreMentioned() throws JournalFormatException {
    JournalContents read = new JournalContents(SampleRuns.passed(), List.of(new JournalContents.Unreadable(7, "not JSON")));
    String md = new ReportRenderer().render(RunReport.of(read));
    assertTrue(md.contains("> The journal had 1 unreadable line, skipped in this report."), md);
  }

  @Test
  void theSameJournalGivesTheSameBytes() throws JournalFormatException {
    assertEquals(render(SampleRuns.failed()), render(SampleRuns.failed()));
  }

  @Test
  void everyAarSectionIsThereWithRoomForTheTeam() throws JournalFormatException {
    String md = render(SampleRuns.passed());
    for (String heading : List.of("What went well", "What went badly", "What needs improving", "What we liked",
        "What we did not like")) {
      assertTrue(md.contains("### " + heading + "\n"), heading);
    }
    assertEquals(5, md.split("_Add the team's points here._", -1).length - 1);
  }

  private static List<String> mermaid(String md) {
    int start = md.indexOf("```mermaid\n");
    assertTrue(start >= 0, md);
    int end = md.indexOf("\n```\n", start);
    assertTrue(end > start, md);
    return List.of(md.substring(start + "```mermaid\n".length(), end).split("\n"));
  }

  private static String outsideFences(String md) {
    List<String> kept = new ArrayList<>();
    String fence = null;
    for (String line : md.split("\n")) {
      if (fence == null && line.startsWith("```")) {
        fence = line.replaceAll("^(`+).*$", "$1");
      } else if (fence != null && line.equals(fence)) {
        fence = null;
      } else if (fence == null) {
        kept.add(line);
      }
    }
    return String.join("\n", kept);
  }
}
