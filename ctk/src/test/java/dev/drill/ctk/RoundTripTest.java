package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Import, export, import again: every drill on the way compiles, and the round trip reaches
 * a fixpoint (the same drill and the same experiment again) by the third round; from an
 * experiment of http and process providers only, by the second.
 */
class RoundTripTest {

  @TempDir Path dir;

  static Stream<Path> importable() {
    return Corpus.experiments().stream().filter(f -> !f.getFileName().toString().contains("well-formed-experiment")
        && !f.getFileName().toString().contains("Chapter_08"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("importable")
  void importExportImportReachesAFixpoint(Path experiment) throws IOException {
    List<String> drills = new ArrayList<>();
    List<String> experiments = new ArrayList<>();
    drills.add(imported(experiment));
    for (int round = 0; round < 4; round++) {
      String json = ChaosToolkit.exportPlan(compiled(drills.get(round))).json();
      experiments.add(json);
      Path file = dir.resolve("experiment.json");
      Files.writeString(file, json);
      drills.add(imported(file));
    }
    assertEquals(drills.get(3), drills.get(4), "the drill of the fourth round is the third's");
    assertEquals(experiments.get(2), experiments.get(3), "the experiment of the fourth round is the third's");
    if (Corpus.httpAndProcessOnly(experiment)) {
      assertEquals(drills.get(1), drills.get(2), "an executable experiment converges in one round");
    }
  }

  private static String imported(Path file) throws IOException {
    ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(file, file.getFileName().toString(), "staging");
    if (imported instanceof ChaosToolkit.Written drill) {
      return drill.text();
    }
    throw new AssertionError(file + " did not import: " + imported);
  }

  private static Plan compiled(String drill) {
    CompileResult compiled = DrillCompiler.compile(new SourceFile("x.drill", drill));
    assertTrue(compiled.plan().isPresent(), compiled.diagnostics() + "\n" + drill);
    return compiled.plan().get();
  }
}
