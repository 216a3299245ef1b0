package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sets and ranges of statuses and exits, patterns, JSON paths, run exits and http timeouts in a plan. */
class ExpectationsPlanTest {

  private static final SourceSpan AT = SourceSpan.at("e.drill", 3, 5);
  private static final NumberExpectation OK = new NumberExpectation.OneOf(List.of(dec(200), dec(204)));
  private static final NumberExpectation TWO_XX = new NumberExpectation.Between(dec(200), dec(299));

  private static BigDecimal dec(int n) {
    return BigDecimal.valueOf(n);
  }

  static Plan plan(Probe probe, Action setup) {
    return PlanEdit.of(Plans.minimal(), e -> {
      e.setup = List.of(setup);
      e.phases = List.of(new Phase.Abort(List.of(new Phase.AbortCondition(probe,
          new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT, Optional.empty()), AT)), AT));
    }).withFingerprint();
  }

  private static Plan everything() {
    return plan(new Probe.Http("GET", "http://h/health", List.of(), Optional.empty(), Optional.of(OK),
            Optional.empty(), Optional.of("\"status\": *\"UP\""),
            Optional.of(new JsonExpectation("$.items[*]", Optional.of(0), Optional.empty()))),
        new Action.Http("POST", "http://h/x", List.of(), Optional.empty(), Optional.of(TWO_XX),
            Optional.of(Duration.ofSeconds(5)), AT));
  }

  @Test
  void writesSetsRangesAndJsonInTheirDocumentedShape() throws IOException {
    JsonNode tree = new ObjectMapper().readTree(PlanJson.write(everything()));
    JsonNode probe = tree.get("phases").get(0).get("conditions").get(0).get("probe");
    assertEquals("{\"op\":\"in\",\"values\":[200,204]}", probe.get("expectStatus").toString());
    assertEquals("{\"path\":\"$.items[*]\",\"count\":0}", probe.get("expectJson").toString());
    assertEquals("\"status\": *\"UP\"", probe.get("expectBodyMatches").asText());
    JsonNode action = tree.get("setup").get(0);
    assertEquals("{\"op\":\"between\",\"low\":200,\"high\":299}", action.get("expectStatus").toString());
    assertEquals("PT5S", action.get("timeout").asText());
  }

  @Test
  void roundTripsAndIsValidBySchemaAndValidator() throws PlanFormatException {
    Plan plan = plan(new Probe.Command("curl -s h", new NumberExpectation.Between(dec(0), dec(2)),
            Optional.empty(), Optional.of("ok|fine"),
            Optional.of(new JsonExpectation("$.greetings", Optional.empty(), Optional.of("[\"hello\", \"bonjour\"]")))),
        new Action.Run("ctk-probe", Optional.empty(), Optional.of(new Expectation(Comparator.GE, dec(0))), AT));
    for (Plan p : List.of(plan, everything())) {
      String json = PlanJson.write(p);
      assertEquals(p, PlanJson.read(json));
      assertEquals(json, PlanJson.write(PlanJson.read(json)));
      assertTrue(PlanFingerprint.matches(PlanJson.read(json)));
      assertEquals(List.of(), PlanValidator.problems(p));
      assertTrue(PlanSchemaTest.validate(PlanSchemaTest.tree(p)).isEmpty(),
          () -> PlanSchemaTest.validate(PlanSchemaTest.tree(p)).toString());
    }
  }

  @Test
  void aPlanWithoutThemKeepsItsBytes() {
    String json = PlanJson.write(Plans.full());
    for (String absent : List.of("expectBodyMatches", "expectOutputMatches", "expectJson", "\"in\"", "between")) {
      assertFalse(json.contains(absent), absent);
    }
    assertTrue(json.contains("\"expectStatus\": {\n"), json);
    assertTrue(json.contains("\"op\": \"==\",\n"), json);
  }

  @Test
  void theValidatorRefusesEmptyRangesBadStatusesPathsAndValues() {
    Plan plan = plan(new Probe.Command("x", new NumberExpectation.OneOf(List.of(dec(0), dec(256))),
            Optional.empty(), Optional.of("("),
            Optional.of(new JsonExpectation("$[", Optional.empty(), Optional.of("{not json")))),
        new Action.Http("GET", "http://h/", List.of(), Optional.empty(),
            Optional.of(new NumberExpectation.Between(dec(299), dec(200))), Optional.empty(), AT));
    List<String> problems = PlanValidator.problems(plan);
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("setup action 1: the expected status is the empty range 299 to 200"),
        problems.toString());
    assertTrue(problems.get(1).startsWith("abort condition 1: the expected exit status 256 is not an exit status"));
    assertTrue(problems.get(2).startsWith("abort condition 1: the expected pattern is not a regular expression"));
    assertTrue(problems.get(3).startsWith("abort condition 1: the JSON path '$[' is not a JSON path"),
        problems.toString());
    assertTrue(problems.get(4).startsWith("abort condition 1: the expected JSON value '{not json' is not JSON"),
        problems.toString());
  }

  @Test
  void aSetOrRangeHoldsByValue() {
    assertTrue(OK.holds(new BigDecimal("204.0")));
    assertFalse(OK.holds(dec(201)));
    assertTrue(TWO_XX.holds(dec(200)) && TWO_XX.holds(dec(299)));
    assertFalse(TWO_XX.holds(dec(300)) || TWO_XX.holds(dec(199)));
    assertEquals("in 200, 204", PlanText.expectation(OK));
    assertEquals("between 200 and 299", PlanText.expectation(TWO_XX));
  }
}
