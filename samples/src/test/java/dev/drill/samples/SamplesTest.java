package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.Golden;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenario library: every sample compiles with zero diagnostics to its golden plan (what
 * {@code drill compile samples/drills/X.drill} prints), the plan is valid against the
 * published schema and survives a JSON round trip.
 */
class SamplesTest {

  private static final Path DRILLS = Path.of("drills");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theLibraryHoldsTheScenariosTeamsAskFor() throws IOException {
    assertEquals(
        List.of("ics-communication", "matching-engine-crash", "onboarding-new-hires",
            "payment-provider-outage", "pentest-breach", "shared-storage-failure"),
        samples().map(SamplesTest::name).collect(Collectors.toList()));
  }

  @TestFactory
  Stream<DynamicTest> everySampleCompilesCleanlyToItsGoldenPlan() throws IOException {
    JsonSchema schema = schema();
    return samples().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      // From the file itself, so that its imports (drills/lib/) resolve; shown as `drill compile` shows it.
      CompileResult result = DrillCompiler.compile(file, "samples/drills/" + file.getFileName());
      assertEquals(List.of(), result.diagnostics().stream()
          .map(d -> DiagnosticRenderer.render(d, result.source())).collect(Collectors.toList()));
      Plan plan = result.plan().orElseThrow();
      String json = PlanJson.write(plan);
      Golden.assertMatches(GOLDEN.resolve(name(file) + ".plan.json"), json);

      Set<ValidationMessage> problems = schema.validate(JSON.readTree(json));
      assertEquals(Set.of(), problems, "schema violations in the plan of " + file);
      assertEquals(plan, PlanJson.read(json), "the plan reads back equal");
      assertEquals(json, PlanJson.write(PlanJson.read(json)), "and writes back byte-identical");
    }));
  }

  @Test
  void theMatchingEngineSampleIsTheDesignExampleVerbatim() throws IOException {
    String design = Files.readString(Path.of("../../shared/DESIGN.md"), StandardCharsets.UTF_8);
    int start = design.indexOf("drill matching-engine-crash {");
    String example = design.substring(start, design.indexOf("```", start));
    assertEquals(example, Files.readString(DRILLS.resolve("matching-engine-crash.drill")));
    assertTrue(example.contains("detect all within 5m"));
  }

  private static JsonSchema schema() throws IOException {
    try (InputStream in = PlanJson.class.getResourceAsStream(PlanJson.SCHEMA_RESOURCE)) {
      JsonNode node = JSON.readTree(in);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }
  }

  private static Stream<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(DRILLS)) {
      return files.filter(f -> f.toString().endsWith(".drill")).sorted().collect(Collectors.toList()).stream();
    }
  }

  private static String name(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".drill".length());
  }
}
