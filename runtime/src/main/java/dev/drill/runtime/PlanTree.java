package dev.drill.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import java.io.UncheckedIOException;

/** The plan as a JSON tree, for the journal: a journal alone is enough to rebuild the report. */
final class PlanTree {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanTree() {}

  static JsonNode of(Plan plan) {
    try {
      return MAPPER.readTree(PlanJson.write(plan));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
