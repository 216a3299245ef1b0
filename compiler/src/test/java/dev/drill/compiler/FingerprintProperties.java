package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.drill.plan.Plan;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fingerprint identifies a procedure: equal for the same drill (and for one only moved
 * around or commented), different whenever a command, a step, a budget or a signal changes.
 */
class FingerprintProperties {

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  private static Plan plan(String text) {
    CompileResult result = DrillCompiler.compile("g.drill", text.getBytes(StandardCharsets.UTF_8));
    return result.plan().orElseThrow(() -> new AssertionError(result.diagnostics() + "\n" + text));
  }

  @Property(tries = 300)
  void sameDrillSameFingerprintEvenWithCommentsAndBlankLines(@ForAll("drills") String drill) {
    assertEquals(plan(drill).fingerprint(), plan(drill).fingerprint());
    String commented = "# a comment that moves every line\n\n" + drill.replace("  recover within", "\n  // recovery\n  recover within");
    assertEquals(plan(drill).fingerprint(), plan(commented).fingerprint());
  }

  @Property(tries = 300)
  void aChangedCommandStepBudgetOrSignalChangesIt(@ForAll("drills") String drill) {
    String fingerprint = plan(drill).fingerprint();
    assertNotEquals(fingerprint, plan(drill.replace("detect any within 10m", "detect any within 9m")).fingerprint(), "budget");
    assertNotEquals(fingerprint, plan(drill.replace("signal-0", "signal-q")).fingerprint(), "signal");
    assertNotEquals(fingerprint, plan(drill.replace("step-0", "step-q")).fingerprint(), "step");
    assertNotEquals(fingerprint, plan(drill.replaceFirst("undo \"ssh \\$\\{host\\} undo-0\"",
        "undo \"ssh \\${host} undo-zero\"")).fingerprint(), "command");
  }
}
