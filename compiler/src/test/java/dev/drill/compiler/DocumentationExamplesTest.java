package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/diagnostics.md does not lie: every example drill there, compiled, prints exactly
 * the output shown under it. (Examples that need a file no page can hold, such as one
 * that is not UTF-8 or is 32 MiB large, show output only and are covered by other tests.)
 */
class DocumentationExamplesTest {

  private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern FILE = Pattern.compile("^([\\w.-]+\\.drill):\\d+:\\d+: ");

  @TestFactory
  Stream<DynamicTest> everyExampleShowsTheRealOutput() throws IOException {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"), StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 1; i < blocks.size(); i++) {
      Matcher file = FILE.matcher(blocks.get(i));
      String source = blocks.get(i - 1);
      if (!file.find() || FILE.matcher(source).find()) {
        continue;
      }
      String expected = blocks.get(i);
      String name = file.group(1);
      tests.add(DynamicTest.dynamicTest(expected.lines().findFirst().orElse(name), () -> {
        CompileResult result = DrillCompiler.compile(name, source.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, String.join("", CorpusTest.render(result)));
      }));
    }
    assertTrue(tests.size() >= 40, "found only " + tests.size() + " examples");
    return tests.stream();
  }

  /** Some whole drills there show one part (the metadata) and leave the rest out: they must parse. */
  @TestFactory
  Stream<DynamicTest> everyWholeDrillInTheLanguageReferenceParses() throws IOException {
    String doc = Files.readString(Path.of("../docs/language.md"), StandardCharsets.UTF_8);
    List<DynamicTest> tests = new ArrayList<>();
    Matcher m = Pattern.compile("```drill\\n(drill .*?)```", Pattern.DOTALL).matcher(doc);
    while (m.find()) {
      String source = m.group(1);
      tests.add(DynamicTest.dynamicTest(source.lines().findFirst().orElseThrow(), () -> {
        CompileResult result = DrillCompiler.compile("example.drill", source.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), result.diagnostics().stream()
            .filter(d -> d.code().name().startsWith("D0"))
            .map(d -> DiagnosticRenderer.render(d, result.source()))
            .collect(Collectors.toList()));
      }));
    }
    assertTrue(tests.size() >= 2, "found only " + tests.size() + " whole drills");
    return tests.stream();
  }
}
