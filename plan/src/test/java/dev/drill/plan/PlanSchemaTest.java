package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonNode SCHEMA_NODE = schemaNode();
  private static final JsonSchema SCHEMA = FACTORY.getSchema(SCHEMA_NODE);

  private static JsonNode schemaNode() {
    try (InputStream in = PlanJson.class.getResourceAsStream(PlanJson.SCHEMA_RESOURCE)) {
      assertNotNull(in, "schema resource " + PlanJson.SCHEMA_RESOURCE);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<ValidationMessage> validate(JsonNode plan) {
    return SCHEMA.validate(plan);
  }

  static JsonNode tree(Plan plan) {
    try {
      return JSON.readTree(PlanJson.write(plan));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertValid(JsonNode plan) {
    Set<ValidationMessage> errors = validate(plan);
    assertTrue(errors.isEmpty(), () -> "schema errors: " + errors);
  }

  /** Asserts the edited full plan is invalid, and that one of the errors says {@code expected}. */
  private static void assertInvalid(Consumer<ObjectNode> edit, String expected) {
    ObjectNode plan = (ObjectNode) tree(Plans.full());
    edit.accept(plan);
    Set<ValidationMessage> errors = validate(plan);
    assertFalse(errors.isEmpty(), () -> "expected the schema to reject " + plan);
    String messages = errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
    assertTrue(messages.contains(expected), () -> "no error mentions '" + expected + "':\n" + messages);
  }

  private static ObjectNode phase(ObjectNode plan, String name) {
    for (JsonNode phase : plan.get("phases")) {
      if (phase.get("phase").asText().equals(name)) {
        return (ObjectNode) phase;
      }
    }
    throw new AssertionError("no phase " + name);
  }

  private static ObjectNode firstSetupAction(ObjectNode plan) {
    return (ObjectNode) plan.get("setup").get(0);
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    Set<ValidationMessage> errors = meta.validate(SCHEMA_NODE);
    assertTrue(errors.isEmpty(), () -> "meta-schema errors: " + errors);
    assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA_NODE.get("$schema").asText());
    assertTrue(SCHEMA_NODE.has("$id") && SCHEMA_NODE.has("title") && SCHEMA_NODE.has("description"));
  }

  @Test
  void everyObjectInTheSchemaIsClosed() {
    // Each object schema (one with "properties") must forbid unknown properties, unless it
    // only narrows a referenced schema (a "$ref" sibling) or only dispatches on a discriminator
    // to variants that are closed themselves.
    SCHEMA_NODE.get("$defs").properties().forEach(def -> {
      JsonNode schema = def.getValue();
      if (schema.has("allOf")) {
        assertEquals(1, schema.get("properties").size(), def.getKey());
        schema.get("allOf").forEach(branch ->
            assertTrue(branch.has("if") && branch.get("then").has("$ref"), def.getKey()));
      } else if (schema.has("properties") && !schema.has("$ref")) {
        assertEquals(false, schema.path("additionalProperties").asBoolean(true), def.getKey());
      }
    });
    assertFalse(SCHEMA_NODE.get("additionalProperties").asBoolean(true));
  }

  @Test
  void fullPlanIsValid() {
    assertValid(tree(Plans.full()));
  }

  @Test
  void minimalPlanIsValid() {
    assertValid(tree(Plans.minimal()));
  }

  @Test
  void rejectsMissingRequiredField() {
    assertInvalid(plan -> plan.remove("owner"), "owner");
  }

  @Test
  void rejectsMissingRequiredListOrNestedField() {
    assertInvalid(plan -> plan.remove("tags"), "tags");
    assertInvalid(plan -> phase(plan, "detect").remove("budget"), "budget");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "detect").get("signals").get(0)).remove("polling"),
        "polling");
  }

  @Test
  void rejectsUnknownProperty() {
    assertInvalid(plan -> plan.put("priority", "high"), "priority");
    assertInvalid(plan -> firstSetupAction(plan).put("shell", "bash"), "shell");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0).get("polling"))
        .put("retries", 3), "retries");
  }

  @Test
  void rejectsNull() {
    assertInvalid(plan -> plan.putNull("summary"), "summary");
    assertInvalid(plan -> ((ObjectNode) plan.get("params").get(0)).put("pattern", 1), "pattern");
    assertInvalid(plan -> ((ObjectNode) plan.get("secrets").get(0)).putNull("pattern"), "pattern");
  }

  @ParameterizedTest
  @ValueSource(strings = {"5m", "P14D", "PT", "PT0S", "PT-5M", "PT5m", "pt5m", "PT5M30", "PT1.5M", "300000"})
  void rejectsBadDuration(String duration) {
    assertInvalid(plan -> plan.put("rerun", duration), "rerun");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT5M", "PT1H30M", "PT336H", "PT0.5S", "PT0.001S", "PT1H0.5S", "PT2M30S"})
  void acceptsJavaDurations(String duration) {
    ObjectNode plan = (ObjectNode) tree(Plans.full());
    plan.put("rerun", duration);
    assertValid(plan);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.drill:3", "a.drill:3:5", "a.drill:3:5-3", "a.drill:0:1-0:1",
      "a.drill:1:0-1:1", ":1:1-1:1", "a.drill:3:5 - 3:9", "3:5-3:9"})
  void rejectsBadSpan(String span) {
    assertInvalid(plan -> plan.put("source", span), "source");
  }

  @Test
  void acceptsEmptySpanAndWindowsPath() {
    ObjectNode plan = (ObjectNode) tree(Plans.full());
    plan.put("source", "C:\\drills\\a.drill:1:1-1:0");
    assertValid(plan);
  }

  @Test
  void rejectsWrongTypeDiscriminator() {
    assertInvalid(plan -> firstSetupAction(plan).put("type", "shell"),
        "$.setup[0].type: does not have a value in the enumeration");
    // a probe's type on an action: "command" is not an action
    assertInvalid(plan -> firstSetupAction(plan).put("type", "command"),
        "$.setup[0].type: does not have a value in the enumeration");
    // a valid discriminator with the other variant's fields
    assertInvalid(plan -> firstSetupAction(plan).put("type", "manual"), "property 'command' is not defined");
    assertInvalid(plan -> phase(plan, "debrief").put("phase", "review"),
        "$.phases[6].phase: does not have a value in the enumeration");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "comms").get("duties").get(0)).put("type", "notify"),
        "within");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0).get("probe"))
        .remove("type"), "required property 'type' not found");
  }

  @Test
  void rejectsOtherPlanVersions() {
    assertInvalid(plan -> plan.put("planVersion", 2), "planVersion");
    assertInvalid(plan -> plan.put("planVersion", "1"), "planVersion");
    assertInvalid(plan -> plan.remove("planVersion"), "planVersion");
  }

  @Test
  void rejectsBadIdsAndReferences() {
    assertInvalid(plan -> plan.put("id", "Matching_Engine"), "id");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0)).put("id", "engine-"),
        "id");
    assertInvalid(plan -> ((ArrayNode) phase(plan, "recover").get("steps").get(2).get("after"))
        .set(0, JSON.getNodeFactory().textNode("2nd")), "after");
    assertInvalid(plan -> ((ObjectNode) plan.get("params").get(0)).put("name", "base_url"), "name");
  }

  @Test
  void rejectsBadFingerprint() {
    assertInvalid(plan -> plan.put("fingerprint", "sha256:ABCDEF0123456789"), "fingerprint");
    assertInvalid(plan -> plan.put("fingerprint", "sha256:0123"), "fingerprint");
    assertInvalid(plan -> plan.remove("fingerprint"), "fingerprint");
  }

  @Test
  void rejectsBadEnumsAndNumbers() {
    assertInvalid(plan -> plan.put("kind", "TECHNICAL"), "kind");
    assertInvalid(plan -> phase(plan, "detect").put("mode", "some"), "mode");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0).get("probe")
        .get("expectStatus")).put("op", "="), "op");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0).get("probe")
        .get("expectStatus")).put("value", 700), "value");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0).get("probe")
        .get("expectStatus")).put("value", "200"), "value");
    assertInvalid(plan -> ((ObjectNode) phase(plan, "steady").get("checks").get(0).get("probe"))
        .put("method", "get"), "method");
  }

  @Test
  void rejectsAPhaseGivenTwice() {
    assertInvalid(plan -> ((ArrayNode) plan.get("phases")).add(phase(plan, "debrief").deepCopy()),
        "phases");
  }
}
