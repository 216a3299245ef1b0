package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run-result schema accepts what RunResultJson writes and refuses what it refuses. */
class RunResultSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonNode SCHEMA_NODE = schemaNode();
  private static final JsonSchema SCHEMA = FACTORY.getSchema(SCHEMA_NODE);

  private static JsonNode schemaNode() {
    try (InputStream in = RunResultJson.class.getResourceAsStream(RunResultJson.SCHEMA_RESOURCE)) {
      assertNotNull(in, "schema resource " + RunResultJson.SCHEMA_RESOURCE);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(RunResult result) {
    try {
      return JSON.readTree(RunResultJson.write(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertValid(JsonNode result) {
    Set<ValidationMessage> errors = SCHEMA.validate(result);
    assertTrue(errors.isEmpty(), () -> "schema errors: " + errors);
  }

  /** The edited result is refused by the schema (an error mentions {@code expected}) and by the reader. */
  private static void assertInvalid(Consumer<ObjectNode> edit, String expected) {
    ObjectNode result = assertSchemaRefuses(edit, expected);
    assertThrows(ResultFormatException.class, () -> RunResultJson.read(JSON.writeValueAsString(result)),
        () -> "the reader accepts what the schema refuses: " + result);
  }

  private static ObjectNode assertSchemaRefuses(Consumer<ObjectNode> edit, String expected) {
    ObjectNode result = (ObjectNode) tree(RunResults.passed());
    edit.accept(result);
    Set<ValidationMessage> errors = SCHEMA.validate(result);
    assertFalse(errors.isEmpty(), () -> "expected the schema to reject " + result);
    String messages = errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("\n"));
    assertTrue(messages.contains(expected), () -> "no error mentions '" + expected + "':\n" + messages);
    return result;
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    Set<ValidationMessage> errors = meta.validate(SCHEMA_NODE);
    assertTrue(errors.isEmpty(), () -> "meta-schema errors: " + errors);
    assertEquals("https://json-schema.org/draft/2020-12/schema", SCHEMA_NODE.get("$schema").asText());
    assertTrue(SCHEMA_NODE.has("$id") && SCHEMA_NODE.has("title") && SCHEMA_NODE.has("description"));
    assertFalse(SCHEMA_NODE.get("additionalProperties").asBoolean(true));
  }

  @Test
  void schemaDescribesExactlyTheRecordsProperties() {
    Iterator<String> names = SCHEMA_NODE.get("properties").fieldNames();
    java.util.List<String> properties = new java.util.ArrayList<>();
    names.forEachRemaining(properties::add);
    assertEquals(java.util.Arrays.stream(RunResult.class.getRecordComponents()).map(c -> c.getName())
        .collect(Collectors.toList()), properties);
    SCHEMA_NODE.get("properties").forEach(p -> assertTrue(p.has("description"), p.toString()));
  }

  @Test
  void writtenResultsAreValid() {
    assertValid(tree(RunResults.passed()));
    assertValid(tree(RunResults.aborted()));
    RunResult r = RunResults.passed();
    assertValid(tree(new RunResult(1, r.drill(), r.fingerprint(), RunResult.Outcome.FAILED, r.environment(),
        Instant.parse("2026-01-01T00:00:00.123456789Z"), Instant.parse("2026-01-01T00:00:01Z"),
        Optional.of(Duration.ZERO), Optional.of(Duration.ofMillis(500)), java.util.Map.of("commander", "alice"))));
  }

  @Test
  void rejectsMissingRequiredFields() {
    for (String field : new String[] {"resultVersion", "drill", "fingerprint", "outcome", "environment",
        "startedAt", "endedAt"}) {
      assertInvalid(r -> r.remove(field), field);
    }
  }

  @Test
  void rejectsUnknownPropertiesAndNulls() {
    assertInvalid(r -> r.put("operator", "ana"), "operator");
    assertInvalid(r -> r.putNull("timeToDetect"), "timeToDetect");
  }

  @Test
  void rejectsOtherVersions() {
    assertInvalid(r -> r.put("resultVersion", 2), "resultVersion");
    assertInvalid(r -> r.put("resultVersion", "1"), "resultVersion");
  }

  @Test
  void rejectsBadEnumsIdsAndFingerprints() {
    assertInvalid(r -> r.put("outcome", "PASSED"), "outcome");
    assertInvalid(r -> r.put("outcome", "ok"), "outcome");
    assertInvalid(r -> r.put("drill", "Matching_Engine"), "drill");
    assertInvalid(r -> r.put("environment", "Staging"), "environment");
    assertInvalid(r -> r.put("fingerprint", "sha256:ABCDEF0123456789"), "fingerprint");
    assertInvalid(r -> r.put("fingerprint", "0123456789abcdef"), "fingerprint");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-20T15:03:00+01:00", "2026-11-20T14:03:00", "2026-11-20", "2026-11-20 14:03:00Z",
      "2026-13-01T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T14:03:00.1234567890Z", "1795183380000",
      "+10000-01-01T00:00:00Z"})
  void rejectsTimesThatAreNotUtcInstants(String time) {
    assertInvalid(r -> r.put("startedAt", time), "startedAt");
  }

  @Test
  void rejectsTimesAsNumbers() {
    assertInvalid(r -> r.put("endedAt", 1795183380000L), "endedAt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4m12s", "PT", "PT-5M", "252", "PT1.5M"})
  void rejectsBadDurations(String duration) {
    assertInvalid(r -> r.put("timeToDetect", duration), "timeToDetect");
  }

  /** Like PlanJson, the reader takes any ISO-8601 duration (a result written by hand); the schema publishes one form. */
  @ParameterizedTest
  @ValueSource(strings = {"PT4m", "P1D", "P1DT2H"})
  void schemaPublishesOneDurationFormTheReaderAlsoReadsOthers(String duration) throws IOException {
    ObjectNode result = assertSchemaRefuses(r -> r.put("timeToDetect", duration), "timeToDetect");
    assertTrue(assertDoesNotThrow(() -> RunResultJson.read(JSON.writeValueAsString(result)))
        .timeToDetect().isPresent());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT45S", "PT4M12S", "PT1H2M", "PT0.5S", "PT336H"})
  void acceptsJavaDurations(String duration) throws ResultFormatException, IOException {
    ObjectNode result = (ObjectNode) tree(RunResults.passed());
    result.put("timeToRecover", duration);
    assertValid(result);
    assertEquals(Duration.parse(duration),
        RunResultJson.read(JSON.writeValueAsString(result)).timeToRecover().orElseThrow());
  }
}
