package dev.drill.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunInputsTest {

  private final Plan plan = DrillRunTimingTest.timingPlan();

  @Test
  void defaultsSetValuesAndSecretsFromTheEnvironment() {
    RunInputs.Bound bound = RunInputs.bind(plan, Map.of("host", "svc-2"), Map.of("SVC_TOKEN", "t0k3n")::get);
    assertEquals(List.of(), bound.problems());
    Bindings bindings = bound.bindings().orElseThrow();
    assertEquals("ssh svc-2 --token t0k3n", bindings.render("ssh ${host} --token ${token}"));
    assertEquals("token ********", bindings.redact("token t0k3n"));
  }

  @Test
  void everyProblemIsSaidAtOnce() {
    RunInputs.Bound bound = RunInputs.bind(plan, Map.of("hots", "x", "token", "y"), name -> null);
    assertTrue(bound.bindings().isEmpty());
    assertEquals(List.of(
        "--set hots: the drill has no param 'hots'",
        "--set token: the drill has no param 'token' (it is a secret: set its environment variable instead)",
        "secret 'token' comes from the environment variable SVC_TOKEN, which is not set"),
        bound.problems().stream().sorted().collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void theEnvironmentGuard() {
    assertEquals(Optional.empty(), RunInputs.guard(plan, "staging", false));
    assertTrue(RunInputs.guard(plan, "production", true).orElseThrow().contains("this run targets 'production'"));
  }
}
