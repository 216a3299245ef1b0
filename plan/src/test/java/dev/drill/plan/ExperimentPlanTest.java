package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The plan fields of experiments: background inject steps and params read from the environment. */
class ExperimentPlanTest {

  private static final SourceSpan SPAN = SourceSpan.at(Plans.FILE, 1, 1);

  private static Plan withBackground(Plan plan, boolean background) {
    return PlanEdit.phase(plan, Phase.Inject.class, inject -> new Phase.Inject(inject.steps().stream()
        .map(s -> new Phase.InjectStep(s.id(), s.title(), s.actions(), s.undo(), background, s.source()))
        .collect(Collectors.toList())));
  }

  private static Plan withEnvParam(Plan plan, String env) {
    return PlanEdit.of(plan, e -> e.params = List.of(
        new Plan.Param("host", Optional.of("localhost"), Optional.empty(), Optional.of(env), SPAN)));
  }

  @Test
  void aStepInTheForegroundAndAParamWithoutVariableWriteNothingNew() {
    Plan plan = withBackground(Plans.full(), false);
    String json = PlanJson.write(plan);
    assertFalse(json.contains("\"background\""), json);
    assertEquals(PlanJson.write(Plans.full()), json);
    assertEquals(Plans.full().fingerprint(), PlanFingerprint.of(plan));
  }

  @Test
  void aBackgroundStepIsWrittenReadAndFingerprinted() throws PlanFormatException {
    Plan plan = withBackground(Plans.full(), true).withFingerprint();
    String json = PlanJson.write(plan);
    assertTrue(json.contains("\"undo\": [\n"), json);
    assertTrue(json.contains("\"background\": true,\n"), json);
    Plan read = PlanJson.read(json);
    assertEquals(plan, read);
    assertTrue(PlanFingerprint.matches(read));
    assertNotEquals(Plans.full().fingerprint(), plan.fingerprint());
    assertTrue(PlanSchemaTest.validate(PlanSchemaTest.tree(plan)).isEmpty());
  }

  @Test
  void aParamReadFromTheEnvironmentIsWrittenReadAndFingerprinted() throws PlanFormatException {
    Plan plan = withEnvParam(Plans.full(), "ME_HOST").withFingerprint();
    String json = PlanJson.write(plan);
    assertTrue(json.contains("\"env\": \"ME_HOST\",\n"), json);
    assertEquals(plan, PlanJson.read(json));
    assertNotEquals(withEnvParam(Plans.full(), "OTHER").withFingerprint().fingerprint(), plan.fingerprint());
    assertTrue(PlanSchemaTest.validate(PlanSchemaTest.tree(plan)).isEmpty());
  }

  @Test
  void theValidatorRefusesAVariableThatIsNoEnvironmentVariableName() {
    List<String> problems = PlanValidator.problems(withEnvParam(Plans.full(), "me-host"));
    assertTrue(problems.contains("param 'host': 'me-host' is not an environment variable name"
        + " (upper-case letters, digits and '_')"), problems.toString());
  }

  @Test
  void theValidatorRefusesAManualActionInABackgroundStep() {
    Plan plan = PlanEdit.phase(Plans.full(), Phase.Inject.class, inject -> new Phase.Inject(List.of(
        new Phase.InjectStep("ask", "Ask", List.of(new Action.Manual("Pull the cable", SPAN),
            new Action.Wait(Duration.ofSeconds(1), SPAN)), List.of(), true, SPAN))));
    assertEquals(List.of("inject step 'ask': runs in the background but holds a manual action"
        + " (nobody answers two prompts at once)"), PlanValidator.problems(plan));
  }

  @Test
  void theValidatorRefusesAnExperimentWithResponderPhases() {
    Plan plan = PlanEdit.of(Plans.full(), e -> e.kind = DrillKind.EXPERIMENT);
    assertEquals(List.of(
        "drill: an experiment has no responders, but the plan has a 'detect' phase",
        "drill: an experiment has no responders, but the plan has a 'recover' phase",
        "drill: an experiment has no responders, but the plan has a 'comms' phase"), PlanValidator.problems(plan));
    Plan experiment = PlanEdit.of(Plans.full(), e -> {
      e.kind = DrillKind.EXPERIMENT;
      e.phases = e.phases.stream()
          .filter(p -> !(p instanceof Phase.Detect || p instanceof Phase.Recover || p instanceof Phase.Comms))
          .collect(Collectors.toList());
    });
    assertEquals(List.of(), PlanValidator.problems(experiment));
  }
}
