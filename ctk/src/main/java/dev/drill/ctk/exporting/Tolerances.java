package dev.drill.ctk.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.plan.Expectation;
import dev.drill.plan.JsonExpectation;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.Probe;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe's expectations as Chaos Toolkit tolerances, one per expectation (a CTK probe has
 * one tolerance, so a check with two becomes two probes): a status or exit status as a
 * number, a list or a range, a text as a regex on the body or stdout.
 */
final class Tolerances {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Tolerances() {}

  static List<JsonNode> of(Probe probe) {
    List<JsonNode> tolerances = new ArrayList<>();
    if (probe instanceof Probe.Http http) {
      // Without expectations the probe holds on a 2xx status; with others, the status is not judged.
      boolean others = http.expectBodyContains().isPresent() || http.expectBodyMatches().isPresent()
          || http.expectJson().isPresent();
      http.expectStatus().map(e -> number(e, 100, 599)).or(() -> others ? java.util.Optional.empty()
          : java.util.Optional.of(range(new BigDecimal(200), new BigDecimal(299)))).ifPresent(tolerances::add);
      http.expectBodyContains().ifPresent(text -> tolerances.add(regex(PythonRegex.quote(text), "body")));
      http.expectBodyMatches().ifPresent(pattern -> tolerances.add(regex(PythonRegex.fromJava(pattern), "body")));
      http.expectJson().ifPresent(json -> tolerances.add(jsonPath(json, "body")));
    } else if (probe instanceof Probe.Command command) {
      boolean others = command.expectOutputContains().isPresent() || command.expectOutputMatches().isPresent()
          || command.expectJson().isPresent();
      // Any exit status (CTK judges a process by its output alone then) needs no tolerance of its own.
      if (!others || !anyNumber(command.expectExit(), 0, 255)) {
        tolerances.add(number(command.expectExit(), 0, 255));
      }
      command.expectOutputContains().ifPresent(text -> tolerances.add(regex(PythonRegex.quote(text), "stdout")));
      command.expectOutputMatches().ifPresent(pattern -> tolerances.add(regex(PythonRegex.fromJava(pattern), "stdout")));
      command.expectJson().ifPresent(json -> tolerances.add(jsonPath(json, "stdout")));
    }
    return tolerances;
  }

  private static boolean anyNumber(NumberExpectation expectation, int low, int high) {
    for (int n = low; n <= high; n++) {
      if (!expectation.holds(BigDecimal.valueOf(n))) {
        return false;
      }
    }
    return true;
  }

  /** A set or a range as a list or a range; a comparison as the tolerance that holds for the same numbers. */
  static JsonNode number(NumberExpectation expectation, int low, int high) {
    if (expectation instanceof NumberExpectation.OneOf oneOf) {
      ArrayNode values = JSON.arrayNode();
      oneOf.values().forEach(v -> values.add(v.intValue()));
      return values;
    }
    if (expectation instanceof NumberExpectation.Between between) {
      return range(between.low(), between.high());
    }
    if (expectation instanceof Expectation comparison) {
      return comparison(comparison, low, high);
    }
    throw new IllegalStateException("an expectation of no known kind: " + expectation);
  }

  private static JsonNode comparison(Expectation expectation, int low, int high) {
    BigDecimal value = expectation.value();
    BigDecimal min = BigDecimal.valueOf(low);
    BigDecimal max = BigDecimal.valueOf(high);
    switch (expectation.op()) {
      case EQ:
        return JSON.numberNode(value.intValue());
      case NE: {
        ArrayNode all = JSON.arrayNode();
        for (int n = low; n <= high; n++) {
          if (BigDecimal.valueOf(n).compareTo(value) != 0) {
            all.add(n);
          }
        }
        return all;
      }
      case LT:
        return range(min, value.subtract(BigDecimal.ONE));
      case LE:
        return range(min, value);
      case GT:
        return range(value.add(BigDecimal.ONE), max);
      default:
        return range(value, max);
    }
  }

  static ObjectNode range(BigDecimal low, BigDecimal high) {
    ObjectNode range = JSON.objectNode();
    range.put("type", "range");
    range.putArray("range").add(low.intValue()).add(high.intValue());
    range.put("target", "status");
    return range;
  }

  /** The path and what it must find; CTK substitutes ${name} in both, as drill does. */
  static ObjectNode jsonPath(JsonExpectation json, String target) {
    ObjectNode tolerance = JSON.objectNode();
    tolerance.put("type", "jsonpath");
    tolerance.put("path", CtkText.substituted(json.path()));
    json.count().ifPresent(n -> tolerance.put("count", n));
    json.equals().ifPresent(text -> {
      try {
        tolerance.set("expect", new com.fasterxml.jackson.databind.ObjectMapper().readTree(text));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // The compiler checked the text (D510); one with a reference is kept as a string.
        tolerance.put("expect", CtkText.substituted(text));
      }
    });
    tolerance.put("target", target);
    return tolerance;
  }

  static ObjectNode regex(String pattern, String target) {
    ObjectNode regex = JSON.objectNode();
    regex.put("type", "regex");
    regex.put("pattern", pattern);
    regex.put("target", target);
    return regex;
  }

}
