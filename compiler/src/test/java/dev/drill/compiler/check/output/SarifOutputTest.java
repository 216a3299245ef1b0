package dev.drill.compiler.check.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import dev.drill.compiler.diagnostic.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SarifOutputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode sarif(CheckFindings findings) throws Exception {
    return JSON.readTree(OutputFormat.SARIF.render(findings, SampleFindings.SOURCES, false));
  }

  private static JsonNode region(JsonNode location) {
    return location.get("physicalLocation").get("region");
  }

  private static String uri(JsonNode location) {
    return location.get("physicalLocation").get("artifactLocation").get("uri").asText();
  }

  @Test
  void oneRunOfDrill() throws Exception {
    JsonNode log = sarif(SampleFindings.MIXED);
    assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.get("$schema").asText());
    assertEquals("2.1.0", log.get("version").asText());
    assertEquals(1, log.get("runs").size());
    JsonNode run = log.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("drill", driver.get("name").asText());
    assertFalse(driver.has("informationUri"));
    assertEquals("unicodeCodePoints", run.get("columnKind").asText());
  }

  @Test
  void rulesAreTheCodesThatOccurInCodeOrder() throws Exception {
    JsonNode rules = sarif(SampleFindings.MIXED).get("runs").get(0).get("tool").get("driver").get("rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.get("id").asText()));
    assertEquals(List.of("D006", "D402", "D604", "D607", "D701"), ids);
    JsonNode section = rules.get(2);
    assertEquals(Code.D604.title(), section.get("shortDescription").get("text").asText());
    assertEquals("error", section.get("defaultConfiguration").get("level").asText());
    assertEquals("warning", rules.get(1).get("defaultConfiguration").get("level").asText());
    rules.forEach(r -> assertFalse(r.has("helpUri")));
  }

  @Test
  void resultsInTheOrderFoundWithLocations() throws Exception {
    JsonNode run = sarif(SampleFindings.MIXED).get("runs").get(0);
    JsonNode results = run.get("results");
    List<String> ruleIds = new ArrayList<>();
    results.forEach(r -> ruleIds.add(r.get("ruleId").asText()));
    assertEquals(List.of("D604", "D402", "D607", "D701", "D006"), ruleIds);

    JsonNode section = results.get(0);
    assertEquals("D604", run.get("tool").get("driver").get("rules").get(section.get("ruleIndex").asInt()).get("id").asText());
    assertEquals("error", section.get("level").asText());
    assertEquals("step 'restart' has no section in the guide\n"
            + "hint: add a section for it: drill guide --update\n"
            + "note: the step is declared here at samples/drills/matching-engine-crash.drill:3:3",
        section.get("message").get("text").asText());
    JsonNode location = section.get("locations").get(0);
    assertEquals(SampleFindings.GUIDE, uri(location));
    assertEquals(42, region(location).get("startLine").asInt());
    assertEquals(1, region(location).get("startColumn").asInt());
    assertEquals(42, region(location).get("endLine").asInt());
    assertEquals(13, region(location).get("endColumn").asInt(), "SARIF's end column is exclusive");
    JsonNode related = section.get("relatedLocations").get(0);
    assertEquals(1, related.get("id").asInt());
    assertEquals(SampleFindings.DRILL, uri(related));
    assertEquals(3, region(related).get("startLine").asInt());
    assertEquals("the step is declared here", related.get("message").get("text").asText());
    assertEquals(SampleFindings.DRILL, section.get("analysisTarget").get("uri").asText());

    assertEquals("warning", results.get(1).get("level").asText());
    assertFalse(results.get(1).has("relatedLocations"));
    JsonNode insertion = region(results.get(4).get("locations").get(0));
    assertEquals(1, insertion.get("startColumn").asInt());
    assertEquals(1, insertion.get("endColumn").asInt(), "an empty span is an insertion point");
  }

  @Test
  void nastyTextAndPathsSurvive() throws Exception {
    JsonNode nasty = sarif(SampleFindings.MIXED).get("runs").get(0).get("results").get(2);
    assertEquals(SampleFindings.NASTY + "\nhint: hint with <" + SampleFindings.NASTY + ">", nasty.get("message").get("text").asText());
    assertEquals("samples/drills/z%C3%BCrich%2C%20a%3Ab%20100%25.drill", uri(nasty.get("locations").get(0)));
    JsonNode region = region(nasty.get("locations").get(0));
    assertEquals(7, region.get("startLine").asInt());
    assertEquals(8, region.get("endLine").asInt());
    assertEquals(3, region.get("endColumn").asInt());
  }

  @Test
  void pathsBecomeUriReferences() {
    assertEquals("guides/x.md", SarifUri.of("guides/x.md"));
    assertEquals("guides/x.md", SarifUri.of("guides\\x.md"));
    assertEquals("file:///C:/work/x%20y.drill", SarifUri.of("C:\\work\\x y.drill"));
    assertEquals("file:///home/me/x.drill", SarifUri.of("/home/me/x.drill"));
    assertEquals("file://server/share/x.drill", SarifUri.of("\\\\server\\share\\x.drill"));
    assertEquals("a%3Ab/x.drill", SarifUri.of("a:b/x.drill"));
  }

  @Test
  void validAgainstTheSarifSchema() throws Exception {
    for (CheckFindings findings : List.of(SampleFindings.MIXED, new CheckFindings(List.of()), new CheckFindings(List.of(SampleFindings.CLEAN)))) {
      JsonNode log = sarif(findings);
      assertEquals(List.of(), SarifSchema.validate(log));
    }
  }

  @Test
  void theSchemaCheckCatchesBrokenLogs() throws Exception {
    assertRejected(log -> log.remove("version"), "missing required property 'version'");
    assertRejected(log -> log.put("version", "2.0.0"), "$.version: not one of");
    assertRejected(log -> run(log).remove("tool"), "missing required property 'tool'");
    assertRejected(log -> ((ObjectNode) run(log).get("tool").get("driver")).remove("name"),
        "missing required property 'name'");
    assertRejected(log -> result(log).remove("message"), "missing required property 'message'");
    assertRejected(log -> ((ObjectNode) result(log).get("message")).remove("text"), "needs text or id");
    assertRejected(log -> result(log).put("level", "fatal"), "level: not one of");
    assertRejected(log -> result(log).put("ruleIndex", 3), "ruleIndex does not point at rule");
    assertRejected(log -> result(log).put("severity", "error"), "property 'severity' not allowed");
    assertRejected(log -> region(result(log)).put("startLine", 0), "below the minimum 1");
    assertRejected(log -> region(result(log)).put("endColumn", "3"), "endColumn: not an integer");
    assertRejected(log -> ((ObjectNode) result(log).get("locations").get(0).get("physicalLocation")
        .get("artifactLocation")).put("uri", "guides/a b.md"), "not a URI");
    assertRejected(log -> ((ObjectNode) result(log).get("locations").get(0).get("physicalLocation")
        .get("artifactLocation")).put("uri", "guides/ü.md"), "unencoded characters");
    assertRejected(log -> ((ObjectNode) run(log).get("tool").get("driver")).put("informationUri", "drill"),
        "not an absolute URI");
  }

  private static ObjectNode run(ObjectNode log) {
    return (ObjectNode) log.get("runs").get(0);
  }

  private static ObjectNode result(ObjectNode log) {
    return (ObjectNode) run(log).get("results").get(0);
  }

  private static ObjectNode region(ObjectNode result) {
    return (ObjectNode) result.get("locations").get(0).get("physicalLocation").get("region");
  }

  private static void assertRejected(Consumer<ObjectNode> breakIt, String expected) throws Exception {
    ObjectNode log = (ObjectNode) sarif(new CheckFindings(List.of(SampleFindings.ENGINE)));
    assertEquals(List.of(), SarifSchema.validate(log));
    breakIt.accept(log);
    List<String> errors = SarifSchema.validate(log);
    assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), () -> expected + " not in " + errors);
  }

  @Test
  void relatedLocationsAreAnArrayOfLocations() throws Exception {
    JsonNode related = sarif(SampleFindings.MIXED).get("runs").get(0).get("results").get(0).get("relatedLocations");
    assertTrue(related instanceof ArrayNode);
    assertEquals(1, related.size());
  }
}
