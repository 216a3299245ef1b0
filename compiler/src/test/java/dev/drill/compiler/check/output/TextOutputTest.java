package dev.drill.compiler.check.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextOutputTest {

  private static String text(CheckFindings findings, boolean strict) {
    return OutputFormat.TEXT.render(findings, SampleFindings.SOURCES, strict);
  }

  @Test
  void rendersEachDiagnosticWithItsExcerptThenTheSummary() {
    String expected = DiagnosticRenderer.render(SampleFindings.MISSING_SECTION, Optional.of(SampleFindings.GUIDE_SOURCE))
        + DiagnosticRenderer.render(SampleFindings.UNUSED_PARAM, Optional.of(SampleFindings.DRILL_SOURCE))
        + "checked 2 drills, 1 failed: 1 error, 1 warning\n";
    assertEquals(expected, text(new CheckFindings(List.of(SampleFindings.ENGINE, SampleFindings.CLEAN)), false));
  }

  @Test
  void showsTheGuideLineADiagnosticPointsInto() {
    String out = text(new CheckFindings(List.of(SampleFindings.ENGINE)), false);
    assertTrue(out.startsWith("guides/matching-engine-crash.md:42:1: error D604: step 'restart' has no section in the guide\n"
        + " 42 | ## Restart the engine\n"
        + "    | ^^^^^^^^^^^^\n"
        + "    = hint: add a section for it: drill guide --update\n"
        + "    = note: the step is declared here at samples/drills/matching-engine-crash.drill:3:3\n"), out);
  }

  @Test
  void withoutTheSourceThereIsNoExcerpt() {
    String out = OutputFormat.TEXT.render(new CheckFindings(List.of(SampleFindings.ENGINE)), SampleFindings.NO_SOURCES, false);
    assertFalse(out.contains(" | "), out);
    assertTrue(out.contains("error D604"));
  }

  @Test
  void summaryCountsWithSingularsAndPlurals() {
    assertEquals("checked 0 drills: 0 errors, 0 warnings\n", text(new CheckFindings(List.of()), false));
    assertEquals("checked 1 drill: 0 errors, 0 warnings\n", text(new CheckFindings(List.of(SampleFindings.CLEAN)), false));
    assertTrue(text(new CheckFindings(List.of(SampleFindings.WARNED)), false)
        .endsWith("\nchecked 1 drill: 0 errors, 1 warning\n"));
    assertTrue(text(SampleFindings.MIXED, false).endsWith("\nchecked 5 drills, 3 failed: 3 errors, 2 warnings\n"));
  }

  @Test
  void strictSaysWarningsCount() {
    assertTrue(text(new CheckFindings(List.of(SampleFindings.WARNED)), true)
        .endsWith("\nchecked 1 drill, 1 failed: 0 errors, 1 warning (--strict: warnings count as failures)\n"));
    assertEquals("checked 1 drill: 0 errors, 0 warnings\n", text(new CheckFindings(List.of(SampleFindings.CLEAN)), true));
  }
}
