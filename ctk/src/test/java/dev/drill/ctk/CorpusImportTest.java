package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every real experiment of the corpus imports without an exception; those Chaos Toolkit
 * accepts become drills that compile and get a guide; the two it refuses are refused with
 * the reason at its place. The outcome per file is written to target/ctk-corpus.md.
 */
class CorpusImportTest {

  /** The files Chaos Toolkit itself refuses, and why. */
  private static final Map<String, String> REFUSED = Map.of(
      "chaostoolkit__chaostoolkit__tests__fixtures__well-formed-experiment.json", "D902",
      "bpbpublications__Chaos-Engineering-with-Python__Chapter_08__chaos-experiment.json", "D905");

  @Test
  void everyExperimentImportsOrIsRefusedForCtksOwnReasons() throws Exception {
    List<Path> files = Corpus.experiments();
    assertEquals(23, files.size(), "the corpus has 23 experiments");
    Map<String, String> table = new TreeMap<>();
    int written = 0;
    for (Path file : files) {
      String name = file.getFileName().toString();
      ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(file, name, "staging");
      if (imported instanceof ChaosToolkit.Refused refused) {
        assertTrue(REFUSED.containsKey(name), name + " was refused: " + refused.errors());
        assertEquals(REFUSED.get(name), refused.errors().get(0).code().name(), name);
        table.put(name, "refused: " + refused.errors().get(0).code() + " " + refused.errors().get(0).message());
        continue;
      }
      if (!(imported instanceof ChaosToolkit.Written drill)) {
        throw new AssertionError(name + ": neither written nor refused");
      }
      CompileResult compiled = DrillCompiler.compile(new SourceFile(drill.id() + ".drill", drill.text()));
      assertEquals(List.of(), compiled.diagnostics(), name + " compiles without a finding:\n" + drill.text());
      assertTrue(GuideRenderer.builtIn().render(compiled.plan().orElseThrow()).contains(drill.id()), name);
      written++;
      table.put(name, drill.warnings().isEmpty() ? "imported"
          : "imported with " + drill.warnings().size() + (drill.warnings().size() == 1 ? " warning (" : " warnings (") + codes(drill.warnings()) + ")");
    }
    assertEquals(21, written, "experiments Chaos Toolkit accepts");
    StringBuilder report = new StringBuilder("| file | outcome |\n|---|---|\n");
    table.forEach((file, outcome) -> report.append("| `").append(file).append("` | ").append(outcome).append(" |\n"));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/ctk-corpus.md"), report.toString());
  }

  private static String codes(List<Diagnostic> warnings) {
    Map<String, Integer> counts = new TreeMap<>();
    warnings.forEach(w -> counts.merge(w.code().name(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((code, n) -> parts.add(n + " " + code));
    return String.join(", ", parts);
  }

  @Test
  void theCorpusIsReadWhereItIsNeverCopied() throws IOException {
    try (var files = Files.walk(Path.of("src"))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("__")), "corpus files copied into ctk/src");
    }
  }
}
