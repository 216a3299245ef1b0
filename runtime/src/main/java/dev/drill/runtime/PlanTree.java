package dev.drill.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import java.io.UncheckedIOException;

/** The plan as a JSON tree, for the journal: a journal alone is enough to rebuild the report. */
final class PlanTree {

  // Exact decimals: an expectation of 1.50 stays 1.50 in the journal.
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private PlanTree() {}

  static JsonNode of(Plan plan) {
    try {
      return MAPPER.readTree(PlanJson.write(plan));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
