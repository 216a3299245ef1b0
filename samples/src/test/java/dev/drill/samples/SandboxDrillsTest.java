package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox drills for real: a local service started, broken and repaired by the drill,
 * run with --auto as CI does. The deliberately broken one must fail, naming why.
 */
class SandboxDrillsTest {

  @TempDir Path work;

  private DrillProcess run(String drill, String... more) throws IOException {
    Path sandbox = Path.of("sandbox").toAbsolutePath();
    List<String> args = new ArrayList<>(List.of("run", sandbox.resolve(drill).toString(), "--auto",
        "--set", "port=" + DrillProcess.freePort(), "--set", "state=" + work.resolve("state"),
        "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString()));
    args.addAll(List.of(more));
    return DrillProcess.start(work, args.toArray(String[]::new));
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

  /** Who held which role goes into the journal, the report's Who table and the run result. */
  @Test
  void theRosterIsRecordedInTheJournalTheReportAndTheResult() throws Exception {
    DrillProcess process = run("sandbox-crash.drill", "--role", "commander=Alice Martin");
    int exit = process.waitFor(90);
    assertEquals(0, exit, process.output());
    assertTrue(process.output().contains("drill run: warning: nobody holds role 'operator', which a recovery step or"
        + " comms duty is for; name someone with --role operator=NAME"), process.output());
    Path journal = DrillProcess.journal(work.resolve("runs")).orElseThrow();
    List<String> events = Files.readAllLines(journal);
    assertTrue(events.get(1).contains("\"event\":\"roster\""), events.get(1));
    assertTrue(events.get(1).contains("\"holders\":{\"commander\":\"Alice Martin\"}"), events.get(1));
    assertTrue(events.get(1).contains("\"unheld\":[\"operator\"]"), events.get(1));
    assertTrue(report().contains("## Who\n\n| Role | Description | Person |\n|---|---|---|\n"
        + "| `commander` | Leads the response, tells the sandbox's users | Alice Martin |\n"
        + "| `operator` | Runs the recovery commands | — |\n"), report());
    String html = Files.readString(journal.resolveSibling("report.html"));
    assertTrue(html.contains("<tr><td><code>commander</code></td><td>Leads the response, tells the sandbox&#39;s users"
        + "</td><td>Alice Martin</td></tr>"), html);
    assertTrue(result().contains("  \"roster\": {\n    \"commander\": \"Alice Martin\"\n  }\n"), result());
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
