package dev.drill.runtime;

import dev.drill.plan.Plan;
import dev.drill.plan.PlanFormatException;
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The test plan most runtime tests start from: plans/timing.drill, compiled. */
public final class TimingPlan {

  private TimingPlan() {}

  public static Plan load() {
    try (InputStream in = TimingPlan.class.getResourceAsStream("/plans/timing.plan.json")) {
      return PlanJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | PlanFormatException e) {
      throw new AssertionError(e);
    }
  }
}
