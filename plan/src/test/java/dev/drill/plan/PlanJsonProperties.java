package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
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

  @Provide
  Arbitrary<Plan> plans() {
    return new PlanValidatorProperties().plans();
  }
}
