package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Each experiment of docs/diagnostics.md (D9xx) gives exactly the output shown after it. */
class DocumentationExamplesTest {

  private static final Pattern EXAMPLE =
      Pattern.compile("(?ms)^## (D9\\d\\d)[^\\n]*\\n.*?^```(json|drill)\\n(.*?)^```\\n\\n^```\\n(.*?)^```");
  private static final String EXPORT = "$ drill export ctk cache-flush.drill > cache-flush.json\n";

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> everyExperimentExampleShowsTheRealOutput() throws IOException {
    String doc = Files.readString(Path.of("../docs/diagnostics.md"));
    Matcher m = EXAMPLE.matcher(doc.substring(doc.indexOf("# Chaos Toolkit experiments (D9xx)")));
    List<DynamicTest> tests = new ArrayList<>();
    while (m.find()) {
      String code = m.group(1);
      boolean drill = m.group(2).equals("drill");
      String input = m.group(3);
      String expected = m.group(4);
      tests.add(DynamicTest.dynamicTest(code, () -> {
        assertTrue(expected.contains(" " + code + ": "), code + " shows its own code");
        if (drill) {
          assertTrue(expected.startsWith(EXPORT), "the export example shows its command line");
          assertEquals(expected.substring(EXPORT.length()), exported(input));
        } else {
          assertEquals(expected, imported(input));
        }
      }));
    }
    assertTrue(tests.size() == 10, "found only " + tests.size() + " examples");
    return tests.stream();
  }

  private static String exported(String drill) {
    CompileResult compiled = DrillCompiler.compile(new SourceFile("cache-flush.drill", drill));
    return ChaosToolkit.exportPlan(compiled.plan().orElseThrow()).warnings().stream()
        .map(d -> DiagnosticRenderer.render(d, compiled.sourceOf(d.span().file()))).collect(Collectors.joining());
  }

  private String imported(String experiment) throws IOException {
    Path file = dir.resolve("experiment.json");
    Files.writeString(file, experiment);
    ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(file, "experiment.json", "staging");
    if (imported instanceof ChaosToolkit.Refused refused) {
      return refused.errors().stream().map(d -> DiagnosticRenderer.render(d, refused.source()))
          .collect(Collectors.joining());
    }
    if (imported instanceof ChaosToolkit.Written written) {
      return written.warnings().stream().map(d -> DiagnosticRenderer.render(d, Optional.of(written.experiment())))
          .collect(Collectors.joining());
    }
    throw new AssertionError("neither written nor refused");
  }
}
