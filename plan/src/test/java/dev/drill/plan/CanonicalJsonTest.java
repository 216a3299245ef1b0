package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hashed form must be the plan file's own JSON with sorted keys, or fingerprints would
 * drift from what the plan says. Databind, which writes the plan file, is the reference:
 * every plan, phase, action, probe and comms variant, with optionals present and absent.
 */
class CanonicalJsonTest {

  static Stream<Object> plansAndTheirParts() {
    List<Object> all = new ArrayList<>();
    for (Plan plan : List.of(Plans.full(), Plans.minimal())) {
      all.add(plan);
      all.addAll(plan.setup());
      all.addAll(plan.teardown());
      for (Phase phase : plan.phases()) {
        all.add(phase);
        if (phase instanceof Phase.Recover) {
          for (Phase.RecoveryStep step : ((Phase.Recover) phase).steps()) {
            all.add(step);
            step.verify().ifPresent(all::add);
          }
        } else if (phase instanceof Phase.Detect) {
          all.addAll(((Phase.Detect) phase).signals());
        } else if (phase instanceof Phase.Steady) {
          all.addAll(((Phase.Steady) phase).checks());
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest
  @MethodSource("plansAndTheirParts")
  void isThePlanJsonWithSortedKeysAndNoPositions(Object value) throws IOException {
    assertEquals(viaDatabind(value), canonical(value));
  }

  private static String canonical(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CanonicalJson.write(value, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String viaDatabind(Object value) throws IOException {
    JsonNode tree = PlanJson.mapper().valueToTree(value);
    leaveOutPositions(tree);
    return PlanJson.mapper().writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED).writeValueAsString(tree);
  }

  private static void leaveOutPositions(JsonNode node) {
    if (node instanceof ObjectNode) {
      ((ObjectNode) node).remove(List.of("source", "fingerprint"));
    }
    node.forEach(CanonicalJsonTest::leaveOutPositions);
  }
}
