package dev.drill.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, seeded fuzz campaign in every test run: 3,000 inputs (generated, token soup and
 * mutated samples) through compile, fmt, guide, guide --update and check, and not one promise
 * broken. {@code bench/fuzz 100000} runs the long campaign (docs/robustness.md).
 */
class FuzzSmokeTest {

  @Test
  void threeThousandSeededInputsBreakNoPromise(@TempDir Path failures) throws Exception {
    Fuzz.Report report = Fuzz.run(3000, 20261201L, Fuzz.seeds(Path.of("..").toAbsolutePath().normalize()),
        failures, progress -> { });
    assertEquals(Map.of(), report.signatures(), report.describe());
    // The campaign reaches every command: it is not a run of inputs that all fail to parse.
    assertTrue(report.compiled() > 100 && report.guided() > 100 && report.updated() > 50, report.describe());
  }
}
