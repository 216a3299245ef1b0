package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanFingerprintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void hasTheDocumentedForm() {
    assertTrue(PlanFingerprint.of(Plans.full()).matches("sha256:[0-9a-f]{16}"));
  }

  @Test
  void isStableForEqualPlans() throws PlanFormatException {
    Plan one = Plans.full();
    Plan two = Plans.full();
    assertEquals(one, two);
    assertEquals(PlanFingerprint.of(one), PlanFingerprint.of(two));
    assertEquals(one.fingerprint(), PlanFingerprint.of(PlanJson.read(PlanJson.write(one))));
  }

  @Test
  void ignoresTheRecordedFingerprint() {
    Plan plan = Plans.full();
    assertEquals(PlanFingerprint.of(plan), PlanFingerprint.of(plan.withFingerprint("sha256:0000000000000000")));
  }

  @Test
  void isUnaffectedBySourceSpans() {
    Plan here = Plans.full();
    Plan moved = Plans.full("elsewhere/renamed.drill", 17);
    assertNotEquals(here, moved);
    assertNotEquals(PlanJson.write(here), PlanJson.write(moved));
    assertEquals(here.fingerprint(), moved.fingerprint());
  }

  /** The drill's directory is a place, like the spans: the same procedure compiled anywhere has one fingerprint. */
  @Test
  void isUnaffectedByTheDrillsDirectory() throws PlanFormatException {
    Plan here = Plans.full();
    Plan placed = here.withDirectory(java.util.Optional.of("samples/sandbox"));
    assertTrue(PlanJson.write(placed).contains("\n  \"directory\": \"samples/sandbox\",\n  \"roles\""),
        PlanJson.write(placed));
    assertEquals(here.fingerprint(), PlanFingerprint.of(placed));
    assertEquals(placed, PlanJson.read(PlanJson.write(placed)));
    assertTrue(PlanSchemaTest.validate(PlanSchemaTest.tree(placed)).isEmpty());
    assertFalse(PlanSchemaTest.validate(PlanSchemaTest.tree(here.withDirectory(java.util.Optional.of("../x"))))
        .isEmpty(), "the schema refuses a directory out of the project");
  }

  @ParameterizedTest
  @ValueSource(strings = {"command", "budget", "signal", "step", "step-order", "poll", "param-default",
      "param-pattern", "expectation", "undo", "title"})
  void changesWithTheProcedure(String edit) throws IOException, PlanFormatException {
    Plan original = Plans.full();
    Plan edited = PlanJson.read(edited(original, edit));
    assertNotEquals(original.fingerprint(), PlanFingerprint.of(edited), edit);
  }

  @Test
  void matchesDetectsAHandEditedPlan() throws IOException, PlanFormatException {
    Plan plan = Plans.full();
    assertTrue(PlanFingerprint.matches(plan));
    assertTrue(PlanFingerprint.matches(PlanJson.read(PlanJson.write(plan))));

    String edited = PlanJson.write(plan).replace("\"PT5M\"", "\"PT50M\"");
    assertNotEquals(PlanJson.write(plan), edited);
    Plan read = PlanJson.read(edited);
    assertFalse(PlanFingerprint.matches(read));
    assertEquals(plan.fingerprint(), read.fingerprint());

    // moving lines around (only spans change) is no edit of the procedure
    String moved = PlanJson.write(plan).replace(":40:5-40:60\"", ":41:5-41:60\"");
    assertNotEquals(PlanJson.write(plan), moved);
    assertTrue(PlanFingerprint.matches(PlanJson.read(moved)));
  }

  @Test
  void aPlanWithoutFingerprintDoesNotMatch() {
    Plan plan = Plans.full().withFingerprint("sha256:0000000000000000");
    assertFalse(PlanFingerprint.matches(plan));
  }

  private static String edited(Plan plan, String edit) throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(PlanJson.write(plan));
    JsonNode phases = tree.get("phases");
    ObjectNode detect = (ObjectNode) phases.get(2);
    ObjectNode recover = (ObjectNode) phases.get(3);
    Consumer<ObjectNode> change;
    switch (edit) {
      case "command":
        change = t -> ((ObjectNode) t.get("setup").get(0)).put("command", "deployctl freeze prod");
        break;
      case "budget":
        change = t -> detect.put("budget", "PT6M");
        break;
      case "signal":
        change = t -> ((ObjectNode) detect.get("signals").get(1).get("probe")).put("alert", "EngineDown");
        break;
      case "step":
        change = t -> ((ObjectNode) recover.get("steps").get(0).get("actions").get(0))
            .put("instruction", "Open the incident channel");
        break;
      case "step-order":
        change = t -> {
          ArrayNode steps = (ArrayNode) recover.get("steps");
          steps.insert(0, steps.remove(1));
        };
        break;
      case "poll":
        change = t -> ((ObjectNode) detect.get("signals").get(0).get("polling")).put("every", "PT20S");
        break;
      case "param-default":
        change = t -> ((ObjectNode) t.get("params").get(0)).put("defaultValue", "me-2.staging.internal");
        break;
      case "param-pattern":
        change = t -> ((ObjectNode) t.get("params").get(0)).put("pattern", "^[a-z]+$");
        break;
      case "expectation":
        change = t -> ((ObjectNode) detect.get("signals").get(2).get("probe").get("expect")).put("value", 0.6);
        break;
      case "undo":
        change = t -> ((ArrayNode) phases.get(1).get("steps").get(0).get("undo")).removeAll();
        break;
      case "title":
        change = t -> ((ObjectNode) recover.get("steps").get(1)).put("title", "Restart the engine");
        break;
      default:
        throw new AssertionError(edit);
    }
    change.accept(tree);
    return JSON.writeValueAsString(tree);
  }
}
