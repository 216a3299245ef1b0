package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The plan file is written straight from the records, without databind; databind, which
 * reads it back, stays the reference for every byte of it.
 */
class PlanJsonProperties {

  @Property(tries = 500)
  void aPlanIsWrittenByteForByteAsDatabindWritesIt(@ForAll("plans") Plan plan) throws JsonProcessingException {
    assertEquals(PlanJson.writer().writeValueAsString(plan) + "\n", PlanJson.write(plan));
  }

  @Property(tries = 1)
  void theRichestPlansToo() throws JsonProcessingException {
    for (Plan plan : new Plan[] {Plans.full(), Plans.minimal()}) {
      assertEquals(PlanJson.writer().writeValueAsString(plan) + "\n", PlanJson.write(plan));
    }
  }

  /** The fingerprint's form: databind's JSON with sorted keys, without places, written with no whitespace. */
  @Property(tries = 300)
  void theHashedFormIsDatabindsWithSortedKeysAndNoPlaces(@ForAll("plans") Plan plan) throws IOException {
    Plan placed = plan.withDirectory(Optional.of("drills")).withOrigin(Optional.of(new Plan.Origin(
        List.of(new Plan.Instantiation("base", SourceSpan.at("lib.drill", 1, 1))), List.of("lib.drill"))));
    ObjectNode tree = PlanJson.mapper().valueToTree(placed);
    tree.remove(List.of("directory", "origin"));
    leaveOutSources(tree);
    String expected = PlanJson.mapper().writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED).writeValueAsString(tree);
    ByteArrayOutputStream hashed = new ByteArrayOutputStream();
    CanonicalJson.write(placed, hashed);
    assertEquals(expected, hashed.toString(StandardCharsets.UTF_8));
  }

  private static void leaveOutSources(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("source", "fingerprint"));
    }
    node.forEach(PlanJsonProperties::leaveOutSources);
  }

  @Provide
  Arbitrary<Plan> plans() {
    return new PlanValidatorProperties().plans();
  }
}
