package dev.drill.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanFormatException;
import dev.drill.plan.PlanJson;
import java.util.Map;
import java.util.Optional;

/** The plan a run ran, as its {@code run-started} event holds it: enough to rebuild its report or finish its rollback. */
public final class JournalPlan {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalPlan() {}

  /** The plan, or empty when the event holds none that reads (another version of drill, a hand edit). */
  public static Optional<Plan> of(JournalEvent runStarted) {
    Object value = runStarted.facts().get("plan");
    if (value instanceof Plan plan) {
      return Optional.of(plan);
    }
    try {
      String json = value instanceof JsonNode ? value.toString()
          : value instanceof Map ? MAPPER.writeValueAsString(value)
          : value instanceof String text ? text : null;
      return json == null ? Optional.empty() : Optional.of(PlanJson.read(json));
    } catch (JsonProcessingException | PlanFormatException e) {
      return Optional.empty();
    }
  }
}
