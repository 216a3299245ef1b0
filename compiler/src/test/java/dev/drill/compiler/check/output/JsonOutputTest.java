package dev.drill.compiler.check.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(CheckFindings findings, boolean strict) throws Exception {
    return JSON.readTree(OutputFormat.JSON.render(findings, SampleFindings.SOURCES, strict));
  }

  @Test
  void summaryHasTheCounts() throws Exception {
    JsonNode summary = json(SampleFindings.MIXED, false).get("summary");
    assertEquals(5, summary.get("drills").asInt());
    assertEquals(3, summary.get("failedDrills").asInt());
    assertEquals(3, summary.get("errors").asInt());
    assertEquals(2, summary.get("warnings").asInt());
    assertFalse(summary.get("strict").asBoolean());
    assertTrue(summary.get("failed").asBoolean());
    JsonNode strict = json(new CheckFindings(List.of(SampleFindings.WARNED)), true).get("summary");
    assertTrue(strict.get("strict").asBoolean());
    assertTrue(strict.get("failed").asBoolean());
    assertFalse(json(new CheckFindings(List.of(SampleFindings.WARNED)), false).get("summary").get("failed").asBoolean());
  }

  @Test
  void drillsInOrderWithTheirDiagnostics() throws Exception {
    JsonNode drills = json(SampleFindings.MIXED, false).get("drills");
    List<String> names = new ArrayList<>();
    drills.forEach(d -> names.add(d.get("name").asText()));
    assertEquals(List.of("matching-engine-crash", "nasty <&>\n", "clean", "warned", "broken.drill"), names);

    JsonNode engine = drills.get(0);
    assertEquals(SampleFindings.DRILL, engine.get("file").asText());
    assertTrue(engine.get("failed").asBoolean());
    JsonNode section = engine.get("diagnostics").get(0);
    assertEquals(List.of("code", "severity", "file", "line", "column", "endLine", "endColumn", "message", "hints", "related"),
        fieldNames(section));
    assertEquals("D604", section.get("code").asText());
    assertEquals("error", section.get("severity").asText());
    assertEquals(SampleFindings.GUIDE, section.get("file").asText());
    assertEquals(42, section.get("line").asInt());
    assertEquals(1, section.get("column").asInt());
    assertEquals(42, section.get("endLine").asInt());
    assertEquals(12, section.get("endColumn").asInt());
    assertEquals("step 'restart' has no section in the guide", section.get("message").asText());
    assertEquals("add a section for it: drill guide --update", section.get("hints").get(0).asText());
    JsonNode related = section.get("related");
    assertEquals(SampleFindings.DRILL, related.get("file").asText());
    assertEquals(3, related.get("line").asInt());
    assertEquals(3, related.get("column").asInt());
    assertEquals(14, related.get("endColumn").asInt());
    assertEquals("the step is declared here", related.get("message").asText());

    JsonNode unused = engine.get("diagnostics").get(1);
    assertEquals("warning", unused.get("severity").asText());
    assertFalse(unused.has("related"));
    assertEquals(0, drills.get(2).get("diagnostics").size());
    assertFalse(drills.get(3).get("failed").asBoolean());
  }

  @Test
  void nastyTextRoundTrips() throws Exception {
    JsonNode nasty = json(SampleFindings.MIXED, false).get("drills").get(1);
    assertEquals(SampleFindings.NASTY_FILE, nasty.get("file").asText());
    assertEquals(SampleFindings.NASTY, nasty.get("diagnostics").get(0).get("message").asText());
    assertEquals("hint with <" + SampleFindings.NASTY + ">", nasty.get("diagnostics").get(0).get("hints").get(0).asText());
  }

  @Test
  void prettyPrintedLikePlans() {
    String out = OutputFormat.JSON.render(new CheckFindings(List.of(SampleFindings.CLEAN)), SampleFindings.SOURCES, false);
    assertEquals("{\n"
        + "  \"summary\": {\n"
        + "    \"drills\": 1,\n"
        + "    \"failedDrills\": 0,\n"
        + "    \"templateFiles\": 0,\n"
        + "    \"failedTemplateFiles\": 0,\n"
        + "    \"errors\": 0,\n"
        + "    \"warnings\": 0,\n"
        + "    \"strict\": false,\n"
        + "    \"failed\": false\n"
        + "  },\n"
        + "  \"drills\": [\n"
        + "    {\n"
        + "      \"name\": \"clean\",\n"
        + "      \"file\": \"samples/drills/clean.drill\",\n"
        + "      \"failed\": false,\n"
        + "      \"diagnostics\": []\n"
        + "    }\n"
        + "  ],\n"
        + "  \"templateFiles\": []\n"
        + "}\n", out);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
