package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox drills for real: a local service started, broken and repaired by the drill,
 * run with --auto as CI does. The deliberately broken one must fail, naming why.
 */
class SandboxDrillsTest {

  @TempDir Path work;

  private DrillProcess run(String drill) throws IOException {
    Path sandbox = Path.of("sandbox").toAbsolutePath();
    return DrillProcess.start(work, "run", sandbox.resolve(drill).toString(), "--auto",
        "--set", "port=" + DrillProcess.freePort(), "--set", "state=" + work.resolve("state"),
        "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString());
  }

  private String report() throws IOException {
    Path journal = DrillProcess.journal(work.resolve("runs")).orElseThrow();
    return Files.readString(journal.resolveSibling("report.md"));
  }

  private String result() throws IOException {
    try (Stream<Path> files = Files.walk(work.resolve("results"))) {
      return Files.readString(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sandbox-crash.drill", "sandbox-errors.drill", "sandbox-disk-full.drill"})
  void aSandboxDrillPassesEndToEnd(String drill) throws Exception {
    DrillProcess process = run(drill);
    int exit = process.waitFor(90);
    assertEquals(0, exit, process.output());
    assertTrue(process.output().contains("outcome: PASSED"), process.output());
    assertTrue(report().contains("**PASSED**"), report());
    assertTrue(result().contains("\"outcome\": \"passed\""), result());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sandbox-wrong-fix.drill"})
  void theOutdatedProcedureFailsAndTheReportNamesTheMissedVerification(String drill) throws Exception {
    DrillProcess process = run(drill);
    int exit = process.waitFor(120);
    assertEquals(1, exit, process.output());
    assertTrue(process.output().contains("outcome: FAILED"), process.output());
    String report = report();
    assertTrue(report.contains("**FAILED**"), report);
    assertTrue(report.contains("restart"), report);
    assertTrue(report.contains("verify did not hold"), report);
    assertTrue(result().contains("\"outcome\": \"failed\""), result());
  }
}
