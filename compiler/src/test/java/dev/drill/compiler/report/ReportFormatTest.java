package dev.drill.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void deterministicAndEndsWithANewline(ReportFormat format) {
    for (CheckReport report : List.of(Reports.MIXED, new CheckReport(List.of()))) {
      for (boolean strict : List.of(false, true)) {
        String once = format.render(report, Reports.SOURCES, strict);
        assertEquals(once, format.render(report, Reports.SOURCES, strict));
        assertTrue(once.endsWith("\n"), format + " ends with a newline");
        assertTrue(!once.endsWith("\n\n"), format + " ends with one newline");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void equalReportsRenderEqually(ReportFormat format) {
    CheckReport copy = new CheckReport(List.copyOf(Reports.MIXED.entries()));
    assertEquals(format.render(Reports.MIXED, Reports.SOURCES, false), format.render(copy, Reports.SOURCES, false));
  }

  @Test
  void namedOnTheCommandLine() {
    assertEquals(List.of("text", "json", "junit", "sarif", "github"),
        List.of(ReportFormat.values()).stream().map(ReportFormat::id).toList());
    assertEquals(Optional.of(ReportFormat.SARIF), ReportFormat.named("sarif"));
    assertEquals(Optional.of(ReportFormat.JUNIT), ReportFormat.named("JUnit"));
    assertEquals(Optional.empty(), ReportFormat.named("xml"));
  }
}
