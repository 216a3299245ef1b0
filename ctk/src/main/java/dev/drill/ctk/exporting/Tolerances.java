package dev.drill.ctk.exporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.plan.Expectation;
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
      tolerances.add(http.expectStatus().map(e -> number(e, 100, 599))
          .orElseGet(() -> range(new BigDecimal(200), new BigDecimal(299))));
      http.expectBodyContains().ifPresent(text -> tolerances.add(regex(PythonRegex.quote(text), "body")));
    } else if (probe instanceof Probe.Command command) {
      tolerances.add(number(command.expectExit(), 0, 255));
      command.expectOutputContains().ifPresent(text -> tolerances.add(regex(PythonRegex.quote(text), "stdout")));
    }
    return tolerances;
  }

  /** A comparison as the tolerance that holds for the same numbers in {@code [low, high]}. */
  static JsonNode number(Expectation expectation, int low, int high) {
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

  static ObjectNode regex(String pattern, String target) {
    ObjectNode regex = JSON.objectNode();
    regex.put("type", "regex");
    regex.put("pattern", pattern);
    regex.put("target", target);
    return regex;
  }

}
