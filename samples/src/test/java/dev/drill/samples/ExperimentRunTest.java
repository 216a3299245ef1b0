package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unattended experiments for real, as a Chaos Toolkit experiment runs: the steady state
 * checked before and after the inject steps, a step in the background, a value from the
 * environment; real processes, a real journal and report.
 */
class ExperimentRunTest {

  @TempDir Path work;

  /** The marker's name comes from the environment; the inject step removes it, or leaves it be. */
  private static String experiment(String injectCommand) {
    return """
        drill marker-experiment {
          title "The marker file survives the inject step"
          owner "platform"
          kind  experiment
          param marker = env "DRILL_TEST_MARKER" default "default-marker"

          setup {
            run "touch ${marker}"
          }

          steady {
            check marker-present "The marker file exists" {
              command "test -f ${marker}" expect exit == 0
            }
          }

          inject touch-other "Touch another file" {
            run "touch other"
          }

          inject change "Change the files" {
            run "%s"
          }

          teardown {
            run "touch ${marker} && echo done > teardown-ran"
          }
        }
        """.formatted(injectCommand);
  }

  private DrillProcess run(String drillText) throws IOException {
    Path drill = work.resolve("marker-experiment.drill");
    Files.writeString(drill, drillText);
    return DrillProcess.start(work, ProcessBuilder.Redirect.PIPE, Map.of("DRILL_TEST_MARKER", "marker-from-env"),
        "run", drill.toString(), "--journal", work.resolve("runs").toString(),
        "--results", work.resolve("results").toString());
  }

  private String journal() throws IOException {
    return Files.readString(DrillProcess.journal(work.resolve("runs")).orElseThrow());
  }

  private String report() throws IOException {
    return Files.readString(DrillProcess.journal(work.resolve("runs")).orElseThrow().resolveSibling("report.md"));
  }

  @Test
  void aDeviationAfterTheInjectStepsFailsTheRunAndTheTeardownStillRuns() throws Exception {
    DrillProcess process = run(experiment("rm ${marker}"));
    assertEquals(1, process.waitFor(60), process.output());
    assertTrue(process.output().contains("outcome: FAILED"), process.output());
    assertTrue(process.output().contains("the steady state deviated after the method: 'marker-present' ("),
        process.output());
    assertTrue(Files.exists(work.resolve("teardown-ran")), "teardown ran");
    assertTrue(Files.exists(work.resolve("marker-from-env")), "the marker, named by the environment, is restored");
    assertFalse(Files.exists(work.resolve("default-marker")), "the environment variable wins over the default");
    String journal = journal();
    assertTrue(journal.contains("\"event\":\"check\",\"phase\":\"steady-again\",\"id\":\"marker-present\",\"holds\":false"),
        journal);
    assertTrue(journal.contains("\"params\":{\"marker\":\"marker-from-env\"}"), journal);
    String report = report();
    assertTrue(report.contains("**FAILED**"), report);
    assertTrue(report.contains("| `marker-present` | after the inject steps | **does not hold**"), report);
    assertFalse(report.contains("Time to detect"), report);
    assertFalse(report.contains("Time to recover"), report);
  }

  @Test
  void anExperimentWhoseSteadyStateHoldsPasses() throws Exception {
    DrillProcess process = run(experiment("touch ${marker}-seen"));
    assertEquals(0, process.waitFor(60), process.output());
    assertTrue(process.output().contains("outcome: PASSED"), process.output());
    assertTrue(Files.exists(work.resolve("marker-from-env-seen")));
    assertTrue(Files.exists(work.resolve("teardown-ran")), "teardown ran");
    String report = report();
    assertTrue(report.contains("**Passed**: the steady state held before the inject steps and after them."), report);
    assertTrue(report.contains("| `marker-present` | before the fault | holds |"), report);
    assertTrue(report.contains("| `marker-present` | after the inject steps | holds |"), report);
  }

  /** A step in the background runs beside the next one; the fault is active once both are done. */
  @Test
  void aBackgroundStepOverlapsTheNextAndTheFaultIsActiveAfterBoth() throws Exception {
    Path drill = work.resolve("overlap.drill");
    Files.writeString(drill, """
        drill overlap {
          title "Two inject steps at once"
          owner "platform"
          kind  experiment

          inject slow "The slow one" background {
            run "date +%s%N > slow-start; sleep 1.5; date +%s%N > slow-end"
            run "date +%s%N > slow-second"
            undo "echo slow >> undone"
          }

          inject fast "The fast one" {
            run "date +%s%N > fast-start; sleep 0.3; date +%s%N > fast-end"
            undo "echo fast >> undone"
          }
        }
        """);
    DrillProcess process = DrillProcess.start(work, "run", drill.toString(),
        "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString());
    assertEquals(0, process.waitFor(60), process.output());
    Instant slowStart = nanos("slow-start");
    Instant slowEnd = nanos("slow-end");
    Instant fastStart = nanos("fast-start");
    assertTrue(fastStart.isBefore(slowEnd), "the fast step started while the slow one ran");
    assertTrue(Duration.between(slowStart, fastStart).toMillis() < 1000, "the fast step did not wait");
    Matcher fault = Pattern.compile("\\{\"at\":\"([^\"]+)\",\"event\":\"fault-active\"").matcher(journal());
    assertTrue(fault.find(), journal());
    Instant faultAt = Instant.parse(fault.group(1));
    assertFalse(faultAt.isBefore(nanos("slow-second").minusMillis(1)), "T0 comes after both steps: " + faultAt);
    assertEquals("fast\nslow\n", Files.readString(work.resolve("undone")), "undone in reverse order of start");
  }

  @Test
  void aFailingBackgroundStepAbortsTheRunAndRollsBack() throws Exception {
    Path drill = work.resolve("failing.drill");
    Files.writeString(drill, """
        drill failing {
          title "A background step fails"
          owner "platform"
          kind  experiment

          inject broken "Fails at once" background {
            run "exit 3"
            undo "echo broken >> undone"
          }

          inject long "Takes a while" {
            run "sleep 1"
            undo "echo long >> undone"
          }
        }
        """);
    DrillProcess process = DrillProcess.start(work, "run", drill.toString(),
        "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString());
    int exit = process.waitFor(60);
    assertTrue(process.output().contains("outcome: ABORTED"), process.output());
    assertTrue(process.output().contains("step 'broken'"), process.output());
    assertTrue(exit != 0, process.output());
    assertEquals("long\nbroken\n", Files.readString(work.resolve("undone")));
    assertFalse(journal().contains("\"event\":\"fault-active\""), journal());
  }

  private Instant nanos(String file) throws IOException {
    long nanos = Long.parseLong(Files.readString(work.resolve(file)).strip());
    return Instant.ofEpochSecond(0, nanos);
  }
}
