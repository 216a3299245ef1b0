package dev.drill.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {

  @Test
  void countsErrorsWarningsAndFailedDrills() {
    CheckReport report = Reports.MIXED;
    assertEquals(3, report.errors());
    assertEquals(2, report.warnings());
    assertEquals(3, report.failedDrills(false));
    assertEquals(4, report.failedDrills(true));
    assertTrue(report.failed(false));
  }

  @Test
  void warningsFailOnlyWhenStrict() {
    CheckReport report = new CheckReport(List.of(Reports.CLEAN, Reports.WARNED));
    assertFalse(report.failed(false));
    assertTrue(report.failed(true));
    assertFalse(Reports.WARNED.failed(false));
    assertTrue(Reports.WARNED.failed(true));
    assertEquals(List.of(), Reports.WARNED.failures(false));
    assertEquals(Reports.WARNED.diagnostics(), Reports.WARNED.failures(true));
  }

  @Test
  void anEmptyReportPasses() {
    CheckReport report = new CheckReport(List.of());
    assertEquals(0, report.errors());
    assertFalse(report.failed(true));
  }

  @Test
  void failuresKeepTheirOrder() {
    assertEquals(List.of(Reports.MISSING_SECTION), Reports.ENGINE.failures(false));
    assertEquals(List.of(Reports.MISSING_SECTION, Reports.UNUSED_PARAM), Reports.ENGINE.failures(true));
  }

  @Test
  void listsAreCopiedAndImmutable() {
    List<Diagnostic> diagnostics = new ArrayList<>(List.of(Reports.SYNTAX));
    CheckReport.Entry entry = new CheckReport.Entry("x", "x.drill", diagnostics);
    diagnostics.clear();
    assertEquals(1, entry.diagnostics().size());
    assertThrows(UnsupportedOperationException.class, () -> entry.diagnostics().add(Reports.SYNTAX));
    assertThrows(UnsupportedOperationException.class, () -> Reports.MIXED.entries().add(entry));
  }
}
