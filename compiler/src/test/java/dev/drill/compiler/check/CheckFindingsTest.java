package dev.drill.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckFindingsTest {

  @Test
  void countsErrorsWarningsAndFailedDrills() {
    CheckFindings findings = SampleFindings.MIXED;
    assertEquals(3, findings.errors());
    assertEquals(2, findings.warnings());
    assertEquals(3, findings.failedDrills(false));
    assertEquals(4, findings.failedDrills(true));
    assertTrue(findings.failed(false));
  }

  @Test
  void warningsFailOnlyWhenStrict() {
    CheckFindings findings = new CheckFindings(List.of(SampleFindings.CLEAN, SampleFindings.WARNED));
    assertFalse(findings.failed(false));
    assertTrue(findings.failed(true));
    assertFalse(SampleFindings.WARNED.failed(false));
    assertTrue(SampleFindings.WARNED.failed(true));
    assertEquals(List.of(), SampleFindings.WARNED.failures(false));
    assertEquals(SampleFindings.WARNED.diagnostics(), SampleFindings.WARNED.failures(true));
  }

  @Test
  void noFindingsPass() {
    CheckFindings findings = new CheckFindings(List.of());
    assertEquals(0, findings.errors());
    assertFalse(findings.failed(true));
  }

  @Test
  void failuresKeepTheirOrder() {
    assertEquals(List.of(SampleFindings.MISSING_SECTION), SampleFindings.ENGINE.failures(false));
    assertEquals(List.of(SampleFindings.MISSING_SECTION, SampleFindings.UNUSED_PARAM), SampleFindings.ENGINE.failures(true));
  }

  @Test
  void listsAreCopiedAndImmutable() {
    List<Diagnostic> diagnostics = new ArrayList<>(List.of(SampleFindings.SYNTAX));
    CheckFindings.Entry entry = new CheckFindings.Entry("x", "x.drill", diagnostics);
    diagnostics.clear();
    assertEquals(1, entry.diagnostics().size());
    assertThrows(UnsupportedOperationException.class, () -> entry.diagnostics().add(SampleFindings.SYNTAX));
    assertThrows(UnsupportedOperationException.class, () -> SampleFindings.MIXED.entries().add(entry));
  }
}
