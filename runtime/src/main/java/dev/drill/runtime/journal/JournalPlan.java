package dev.drill.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanFormatException;
import dev.drill.plan.PlanJson;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The plan a run ran, as its {@code run-started} event holds it (a JSON object, as
 * {@code drill compile} writes it): enough to rebuild its report or finish its rollback.
 */
public final class JournalPlan {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  // Exact decimals: an expectation of 1.50 stays 1.50 in the journal.
  private static final ObjectMapper EXACT = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private JournalPlan() {}

  /** The plan, or empty when the event holds none that reads (another version of drill, a hand edit). */
  public static Optional<Plan> of(JournalEvent runStarted) {
    return runStarted.get(Fact.PLAN);
  }

  static Optional<Plan> read(Object value) {
    if (value instanceof Plan plan) {
      return Optional.of(plan);
    }
    try {
      String json = value instanceof JsonNode tree ? tree.toString()
          : value instanceof Map<?, ?> map ? MAPPER.writeValueAsString(map)
          : value instanceof String text ? text : null;
      return json == null ? Optional.empty() : Optional.of(PlanJson.read(json));
    } catch (JsonProcessingException | PlanFormatException e) {
      return Optional.empty();
    }
  }

  /** The plan as a JSON tree, as the journal holds it. */
  static JsonNode tree(Plan plan) {
    try {
      return EXACT.readTree(PlanJson.write(plan));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
