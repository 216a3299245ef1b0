package dev.drill.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextReportTest {

  private static String text(CheckReport report, boolean strict) {
    return ReportFormat.TEXT.render(report, Reports.SOURCES, strict);
  }

  @Test
  void rendersEachDiagnosticWithItsExcerptThenTheSummary() {
    String expected = DiagnosticRenderer.render(Reports.MISSING_SECTION, Optional.of(Reports.GUIDE_SOURCE))
        + DiagnosticRenderer.render(Reports.UNUSED_PARAM, Optional.of(Reports.DRILL_SOURCE))
        + "checked 2 drills, 1 failed: 1 error, 1 warning\n";
    assertEquals(expected, text(new CheckReport(List.of(Reports.ENGINE, Reports.CLEAN)), false));
  }

  @Test
  void showsTheGuideLineADiagnosticPointsInto() {
    String out = text(new CheckReport(List.of(Reports.ENGINE)), false);
    assertTrue(out.startsWith("guides/matching-engine-crash.md:42:1: error D604: step 'restart' has no section in the guide\n"
        + " 42 | ## Restart the engine\n"
        + "    | ^^^^^^^^^^^^\n"
        + "    = hint: add a section for it: drill guide --update\n"
        + "    = note: the step is declared here at samples/drills/matching-engine-crash.drill:3:3\n"), out);
  }

  @Test
  void withoutTheSourceThereIsNoExcerpt() {
    String out = ReportFormat.TEXT.render(new CheckReport(List.of(Reports.ENGINE)), Reports.NO_SOURCES, false);
    assertFalse(out.contains(" | "), out);
    assertTrue(out.contains("error D604"));
  }

  @Test
  void summaryCountsWithSingularsAndPlurals() {
    assertEquals("checked 0 drills: 0 errors, 0 warnings\n", text(new CheckReport(List.of()), false));
    assertEquals("checked 1 drill: 0 errors, 0 warnings\n", text(new CheckReport(List.of(Reports.CLEAN)), false));
    assertTrue(text(new CheckReport(List.of(Reports.WARNED)), false)
        .endsWith("\nchecked 1 drill: 0 errors, 1 warning\n"));
    assertTrue(text(Reports.MIXED, false).endsWith("\nchecked 5 drills, 3 failed: 3 errors, 2 warnings\n"));
  }

  @Test
  void strictSaysWarningsCount() {
    assertTrue(text(new CheckReport(List.of(Reports.WARNED)), true)
        .endsWith("\nchecked 1 drill, 1 failed: 0 errors, 1 warning (--strict: warnings count as failures)\n"));
    assertEquals("checked 1 drill: 0 errors, 0 warnings\n", text(new CheckReport(List.of(Reports.CLEAN)), true));
  }
}
