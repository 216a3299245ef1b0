package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drills written from a representative set of real experiments, with their warnings,
 * and the experiments written from the sample drills: golden files under
 * src/test/resources/golden/ ({@code -Dgolden.update=true} rewrites them).
 */
class GoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Arguments> experiments() {
    return Stream.of(
        Arguments.of("Lawouach__", "process-and-pauses"),
        Arguments.of("bpbpublications__Chaos-Engineering-with-Python__Chapter_04", "http-and-process"),
        Arguments.of("chaostoolkit__walkthrough__lab2", "background-jsonpath-env-python"),
        Arguments.of("chaostoolkit__walkthrough__lab5", "probe-tolerance-controls"),
        Arguments.of("chaostoolkit__chaostoolkit-documentation-code__tutorials__a-simple-walkthrough__experiment.yaml",
            "yaml-refs-verify-tls"),
        Arguments.of("chaostoolkit__chaostoolkit-samples__service-killed", "secrets-and-refs"),
        Arguments.of("chaostoolkit-incubator__community-playground__from-local", "controls-secrets-contributions"),
        Arguments.of("chaostoolkit-incubator__community-playground__interactive-controls__samples__yorn",
            "activity-controls"),
        Arguments.of("chaostoolkit__chaostoolkit__tests__fixtures__override", "runtime-strategy"),
        Arguments.of("chaostoolkit__chaostoolkit__tests__fixtures__well-formed", "refused-legacy-format"),
        Arguments.of("bpbpublications__Chaos-Engineering-with-Python__Chapter_08", "refused-tolerance-types"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("experiments")
  void importedDrill(String file, String golden) throws IOException {
    Path experiment = Corpus.named(file);
    String shown = "corpus/" + experiment.getFileName();
    ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(experiment, shown, "staging");
    if (imported instanceof ChaosToolkit.Written drill) {
      String warnings = drill.warnings().stream()
          .map(d -> DiagnosticRenderer.render(d, Optional.of(drill.experiment()))).collect(Collectors.joining());
      Golden.assertMatches(GOLDEN.resolve("import/" + golden + ".drill"), drill.text());
      Golden.assertMatches(GOLDEN.resolve("import/" + golden + ".warnings.txt"), warnings);
    } else if (imported instanceof ChaosToolkit.Refused refused) {
      String errors = refused.errors().stream()
          .map(d -> DiagnosticRenderer.render(d, refused.source())).collect(Collectors.joining());
      Golden.assertMatches(GOLDEN.resolve("import/" + golden + ".errors.txt"), errors);
    }
  }

  static Stream<Path> sampleDrills() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../samples/drills"))) {
      return files.filter(f -> f.toString().endsWith(".drill")).sorted().collect(Collectors.toList()).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleDrills")
  void exportedSample(Path drill) throws IOException {
    CompileResult compiled = DrillCompiler.compile(drill, "samples/drills/" + drill.getFileName());
    assertTrue(compiled.plan().isPresent(), compiled.diagnostics().toString());
    ChaosToolkit.Exported exported = ChaosToolkit.exportPlan(compiled.plan().get().withDirectory(Optional.empty()));
    String warnings = exported.warnings().stream()
        .map(d -> DiagnosticRenderer.render(d, compiled.sourceOf(d.span().file()))).collect(Collectors.joining());
    String name = drill.getFileName().toString().replace(".drill", "");
    Golden.assertMatches(GOLDEN.resolve("export/" + name + ".json"), exported.json());
    Golden.assertMatches(GOLDEN.resolve("export/" + name + ".warnings.txt"), warnings);
  }
}
