package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlanJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Plan> plans() {
    return Stream.of(Plans.full(), Plans.minimal());
  }

  @ParameterizedTest
  @MethodSource("plans")
  void roundTripsRecordsAndBytes(Plan plan) throws PlanFormatException {
    String json = PlanJson.write(plan);
    Plan read = PlanJson.read(json);
    assertEquals(plan, read);
    assertEquals(json, PlanJson.write(read));
  }

  @Test
  void roundTripsNumbersExactly() throws PlanFormatException {
    // Expectations hold BigDecimals: their scale and every digit must survive a round trip.
    for (String number : List.of("1.50", "0.1", "200", "-3", "0.12345678901234567890123",
        "123456789012345678901234567890", "2.000")) {
      Plan plan = withAbortProbe(new Probe.PrometheusQuery("q", Optional.empty(),
          Plans.expect(Comparator.LT, number)));
      String json = PlanJson.write(plan);
      Plan read = PlanJson.read(json);
      assertEquals(plan, read, number);
      assertEquals(json, PlanJson.write(read), number);
      assertTrue(json.contains("\"value\": " + number + "\n"), () -> number + " in\n" + json);
      assertTrue(PlanFingerprint.matches(read), number);
    }
  }

  @Test
  void writesDurationsAsIso8601() {
    String json = PlanJson.write(Plans.full());
    assertTrue(json.contains("\"rerun\": \"PT336H\""), json);
    assertTrue(json.contains("\"timebox\": \"PT1H30M\""), json);
    assertTrue(json.contains("\"duration\": \"PT0.5S\""), json);
    assertTrue(json.contains("\"timeout\": \"PT1.5S\""), json);
  }

  @Test
  void writesSpansAsCompactStrings() {
    String json = PlanJson.write(Plans.full());
    assertTrue(json.contains("\"source\": \"drills/matching-engine-crash.drill:1:1-88:1\""), json);
  }

  @Test
  void leavesOutAbsentOptionalsButKeepsEmptyLists() throws IOException {
    JsonNode tree = JSON.readTree(PlanJson.write(Plans.minimal()));
    for (String absent : List.of("summary", "timebox", "cadence")) {
      assertFalse(tree.has(absent), absent);
    }
    for (String list : List.of("tags", "roles", "params", "secrets", "setup", "teardown")) {
      assertTrue(tree.get(list).isArray() && tree.get(list).isEmpty(), list);
    }
    JsonNode step = tree.get("phases").get(0).get("steps").get(0);
    assertEquals(List.of("id", "title", "after", "actions", "source"), names(step));
    assertFalse(PlanJson.write(Plans.full()).contains("null"));
  }

  @Test
  void writingIsDeterministic() {
    String once = PlanJson.write(Plans.full());
    String twice = PlanJson.write(Plans.full());
    assertArrayEquals(once.getBytes(StandardCharsets.UTF_8), twice.getBytes(StandardCharsets.UTF_8));
    assertTrue(once.endsWith("}\n") && !once.endsWith("\n\n"));
    assertFalse(once.contains("\r"));
    assertTrue(once.startsWith("{\n  \"planVersion\": 1,\n  \"id\": "), once);
  }

  @Test
  void propertiesFollowRecordDeclarationOrder() throws IOException {
    Plan.Origin origin = new Plan.Origin(
        List.of(new Plan.Instantiation("web-crash", SourceSpan.parse("drills/web-a.drill:1:20-1:60"))),
        List.of("lib/web.drill"));
    JsonNode tree = JSON.readTree(PlanJson.write(Plans.full().withDirectory(java.util.Optional.of("drills"))
        .withOrigin(java.util.Optional.of(origin))));
    List<String> components = Arrays.stream(Plan.class.getRecordComponents())
        .map(c -> c.getName()).collect(Collectors.toList());
    assertEquals(components, names(tree));
    assertEquals("planVersion", names(tree).get(0));

    JsonNode recover = tree.get("phases").get(3);
    assertEquals(List.of("phase", "budget", "steps", "source"), names(recover));
    assertEquals(List.of("id", "title", "role", "budget", "after", "actions", "verify", "source"),
        names(recover.get("steps").get(1)));
    assertEquals(List.of("type", "method", "url", "headers", "body", "expectStatus", "source"),
        names(tree.get("phases").get(1).get("steps").get(1).get("actions").get(0)));
    assertEquals(List.of("type", "method", "url", "headers", "expectStatus", "expectBodyContains"),
        names(tree.get("phases").get(0).get("checks").get(0).get("probe")));
  }

  @Test
  void phasesAreWrittenInTheirOrder() throws IOException {
    JsonNode tree = JSON.readTree(PlanJson.write(Plans.full()));
    List<String> phases = new ArrayList<>();
    tree.get("phases").forEach(p -> phases.add(p.get("phase").asText()));
    assertEquals(List.of("steady", "inject", "detect", "recover", "comms", "abort", "debrief"), phases);
  }

  @Test
  void refusesPlanVersion2NamingIt() throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(PlanJson.write(Plans.full()));
    tree.put("planVersion", 2);
    PlanFormatException e = assertThrows(PlanFormatException.class,
        () -> PlanJson.read(JSON.writeValueAsString(tree)));
    assertTrue(e.getMessage().contains("plan version 2"), e.getMessage());
    assertTrue(e.getMessage().contains("version 1"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "nul", "{", "{\"planVersion\": 1,", "plan", "<plan/>", "\u0000"})
  void refusesNonJson(String text) {
    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanJson.read(text));
    assertTrue(e.getMessage().startsWith("not"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "[{\"planVersion\": 1}]", "42", "\"plan\"", "null", "true"})
  void refusesNonObjects(String text) {
    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanJson.read(text));
    assertTrue(e.getMessage().contains("not a drill plan"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"planVersion\": \"1\"}",
      "{\"planVersion\": 1.0}",
      "{\"planVersion\": 0}",
      "{\"planVersion\": -1}",
      "{\"planVersion\": 99999999999}",
      "{\"planVersion\": 1}",
      "{\"planVersion\": 1, \"id\": \"x\"}"})
  void refusesObjectsThatAreNoPlan(String text) {
    assertThrows(PlanFormatException.class, () -> PlanJson.read(text));
  }

  /** Each edit of a valid plan must end in a PlanFormatException, never in another exception. */
  @ParameterizedTest
  @ValueSource(strings = {
      "unknown-property", "missing-owner", "null-owner", "bad-span", "impossible-span", "bad-duration",
      "number-duration-string", "unknown-type", "missing-type", "unknown-phase", "null-in-list",
      "list-as-object", "bad-kind", "bad-comparator", "value-as-string", "trailing-content",
      "duplicate-key", "deep-nesting"})
  void refusesBrokenPlansWithPlanFormatExceptionOnly(String edit) throws IOException {
    String text = broken(edit);
    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanJson.read(text), edit);
    assertFalse(e.getMessage().matches("(?s).*(java\\.|dev\\.drill|\\$|`|[Cc]lass |Enum|ArrayList|Optional|Token).*"),
        edit + ": a message names no Java type: " + e.getMessage());
  }

  /** What is wrong, and where in the file, in the file's own words. */
  @Test
  void aBrokenPlanIsToldInThePlanFilesWords() throws IOException {
    assertEquals("not a valid drill plan: unknown property \"priority\"; the properties there are cadence,"
        + " directory, environment, fingerprint, guide, id, kind, origin, owner, params, phases, planVersion, rerun, roles,"
        + " secrets, setup, source, summary, tags, teardown, timebox, title", message("unknown-property"));
    assertEquals("not a valid drill plan: \"tags\" must be an array", message("list-as-object"));
    assertEquals("not a valid drill plan: \"kind\" must be one of security, ics, experiment, technical, not 'chaos'",
        message("bad-kind"));
    assertEquals("not a valid drill plan: unknown \"type\" 'shell' in \"setup[0]\"", message("unknown-type"));
  }

  private static String message(String edit) throws IOException {
    String text = broken(edit);
    return assertThrows(PlanFormatException.class, () -> PlanJson.read(text)).getMessage();
  }

  private static String broken(String edit) throws IOException {
    ObjectNode plan = (ObjectNode) JSON.readTree(PlanJson.write(Plans.full()));
    ObjectNode action = (ObjectNode) plan.get("setup").get(0);
    switch (edit) {
      case "unknown-property": plan.put("priority", 1); break;
      case "missing-owner": plan.remove("owner"); break;
      case "null-owner": plan.putNull("owner"); break;
      case "bad-span": plan.put("source", "here"); break;
      case "impossible-span": plan.put("source", "a.drill:5:1-2:1"); break;
      case "bad-duration": plan.put("rerun", "two weeks"); break;
      case "number-duration-string": plan.put("rerun", "14"); break;
      case "unknown-type": action.put("type", "shell"); break;
      case "missing-type": action.remove("type"); break;
      case "unknown-phase": ((ObjectNode) plan.get("phases").get(0)).put("phase", "warmup"); break;
      case "null-in-list": plan.withArray("tags").addNull(); break;
      case "list-as-object": plan.putObject("tags"); break;
      case "bad-kind": plan.put("kind", "chaos"); break;
      case "bad-comparator":
        ((ObjectNode) plan.get("phases").get(0).get("checks").get(0).get("probe").get("expectStatus"))
            .put("op", "=");
        break;
      case "value-as-string":
        ((ObjectNode) plan.get("phases").get(0).get("checks").get(0).get("probe").get("expectStatus"))
            .put("value", "two hundred");
        break;
      case "trailing-content": return JSON.writeValueAsString(plan) + " {}";
      case "duplicate-key": {
        String text = JSON.writeValueAsString(plan);
        return text.replaceFirst("\"id\":", "\"id\":\"other\",\"id\":");
      }
      case "deep-nesting": {
        plan.put("priority", 1);
        String text = JSON.writeValueAsString(plan);
        return text.replace("\"priority\":1", "\"priority\":" + "[".repeat(5000) + "]".repeat(5000));
      }
      default: throw new AssertionError(edit);
    }
    return JSON.writeValueAsString(plan);
  }

  @Test
  void readsReformattedJson() throws PlanFormatException {
    // a plan reformatted by a tool still reads as the same plan
    Plan plan = Plans.full();
    String compact = PlanJson.write(plan).replace("\n", "").replace("  ", "");
    assertEquals(plan, PlanJson.read(compact));
  }

  @Test
  void readsDurationsWrittenInOtherIso8601Forms() throws PlanFormatException, IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(PlanJson.write(Plans.full()));
    tree.put("rerun", "P14D");
    assertEquals(Duration.ofDays(14), PlanJson.read(JSON.writeValueAsString(tree)).rerun());
  }

  @Test
  void schemaResourceIsOnTheClasspath() {
    assertTrue(PlanJson.class.getResource(PlanJson.SCHEMA_RESOURCE) != null);
  }

  private static Plan withAbortProbe(Probe probe) {
    Plan base = Plans.minimal();
    SourceSpan span = SourceSpan.at("n.drill", 1, 1);
    return new Plan(base.planVersion(), base.id(), base.title(), base.summary(), base.owner(),
        base.kind(), base.tags(), base.environment(), base.timebox(), base.cadence(), base.rerun(),
        base.guide(), base.source(), base.roles(), base.params(), base.secrets(), base.setup(),
        base.teardown(),
        List.of(new Phase.Abort(List.of(new Phase.AbortCondition(probe,
            new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT, Optional.empty()), span)),
            span)),
        null).withFingerprint();
  }

  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }
}
