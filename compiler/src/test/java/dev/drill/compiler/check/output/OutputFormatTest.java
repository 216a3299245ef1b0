package dev.drill.compiler.check.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutputFormatTest {

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void deterministicAndEndsWithANewline(OutputFormat format) {
    for (CheckFindings findings : List.of(SampleFindings.MIXED, new CheckFindings(List.of()))) {
      for (boolean strict : List.of(false, true)) {
        String once = format.render(findings, SampleFindings.SOURCES, strict);
        assertEquals(once, format.render(findings, SampleFindings.SOURCES, strict));
        assertTrue(once.endsWith("\n"), format + " ends with a newline");
        assertTrue(!once.endsWith("\n\n"), format + " ends with one newline");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void equalFindingsRenderEqually(OutputFormat format) {
    CheckFindings copy = new CheckFindings(List.copyOf(SampleFindings.MIXED.entries()));
    assertEquals(format.render(SampleFindings.MIXED, SampleFindings.SOURCES, false), format.render(copy, SampleFindings.SOURCES, false));
  }

  @Test
  void namedOnTheCommandLine() {
    assertEquals(List.of("text", "json", "junit", "sarif", "github"),
        List.of(OutputFormat.values()).stream().map(OutputFormat::id).toList());
    assertEquals(Optional.of(OutputFormat.SARIF), OutputFormat.named("sarif"));
    assertEquals(Optional.of(OutputFormat.JUNIT), OutputFormat.named("JUnit"));
    assertEquals(Optional.empty(), OutputFormat.named("xml"));
  }
}
