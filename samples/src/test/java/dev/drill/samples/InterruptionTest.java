package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost and the fault never stays in, however the run is stopped: Ctrl-C at the
 * terminal (to the whole foreground process group, as a terminal sends it), a second
 * Ctrl-C during the rollback, SIGTERM, kill -9 (then drill rollback), a closed input.
 */
class InterruptionTest {

  @TempDir Path work;
  Path drill;
  Path marks;

  @BeforeEach
  void aDrillThatHangsInRecovery() throws Exception {
    marks = Files.createDirectories(work.resolve("marks"));
    drill = write("interrupt-me", "touch ${marks}/rolled-back", "sleep 120");
  }

  private Path write(String name, String undo, String step) throws Exception {
    Path file = work.resolve(name + ".drill");
    Files.writeString(file, String.join("\n",
        "drill " + name + " {",
        "  title \"Interrupted mid-recovery\"",
        "  owner \"sre\"",
        "  param marks = \"" + marks + "\"",
        "  inject mark { run \"touch ${marks}/injected\" undo \"" + undo + "\" }",
        "  detect any within 1m { signal always { command \"true\" } }",
        "  recover within 5m { step wait-long { run \"" + step + "\" } }",
        "  teardown { run \"touch ${marks}/torn-down\" }",
        "}", ""));
    return file;
  }

  private DrillProcess start(Path file) throws Exception {
    return DrillProcess.start(work, "run", file.toString(), "--auto",
        "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString());
  }

  private Path results() {
    return work.resolve("results").resolve("interrupt-me");
  }

  @Test
  void ctrlCAtTheTerminalStopsTheStepAndRollsBackWithoutTheStepSeeingIt() throws Exception {
    DrillProcess process = start(drill);
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    Thread.sleep(300);
    List<ProcessHandle> children = process.drill().descendants().collect(Collectors.toList());
    process.signalGroup("INT");
    int exit = process.waitFor(30);
    assertEquals(1, exit, process.output());
    assertTrue(Files.exists(marks.resolve("rolled-back")), "the undo ran:\n" + process.output());
    assertTrue(Files.exists(marks.resolve("torn-down")), "teardown ran");
    String events = Files.readString(journal);
    assertFalse(events.contains("exit 130"), "the step never got the Ctrl-C itself:\n" + events);
    assertTrue(events.contains("\"detail\":\"stopped: interrupted (Ctrl-C)\""), events);
    assertTrue(events.contains("\"event\":\"interrupt\",\"signal\":\"SIGINT\""), events);
    assertTrue(events.contains("\"reason\":\"interrupted (Ctrl-C)\""), events);
    assertTrue(events.contains("\"outcome\":\"aborted\""), events);
    assertTrue(events.contains("\"event\":\"run-ended\""), events);
    assertTrue(process.output().contains("a further Ctrl-C will not stop the rollback (only SIGKILL can)"),
        process.output());
    assertTrue(Files.readString(journal.resolveSibling("report.md")).contains("ABORTED"));
    assertTrue(Files.exists(results()), "a result was written");
    assertFalse(children.stream().anyMatch(InterruptionTest::running), "the hanging step was killed with its children");
  }

  @Test
  void aSecondCtrlCDuringTheUndoDoesNotStopIt() throws Exception {
    Path slowUndo = write("slow-undo", "sleep 2; touch ${marks}/rolled-back", "sleep 120");
    DrillProcess process = start(slowUndo);
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    Thread.sleep(300);
    process.signalGroup("INT");
    DrillProcess.awaitJournal(work.resolve("runs"), "\"phase\":\"rollback\",\"step\":\"mark\"", 30);
    Thread.sleep(300);
    process.signalGroup("INT");
    // Two signals sent back to back may reach drill as one: the kernel does not queue a pending signal twice.
    Thread.sleep(300);
    process.signalGroup("INT");
    assertEquals(1, process.waitFor(30), process.output());
    assertTrue(Files.exists(marks.resolve("rolled-back")), "the undo ran to its end:\n" + process.output());
    assertTrue(Files.exists(marks.resolve("torn-down")), "teardown ran");
    String events = Files.readString(journal);
    assertEquals(3, events.split("\"event\":\"interrupt\"", -1).length - 1, events);
    assertTrue(events.contains("\"rollingBack\":true"), events);
    assertTrue(process.output().contains("STOP ignored"), process.output());
  }

  @Test
  void sigtermIsRecordedAsSigterm() throws Exception {
    DrillProcess process = start(drill);
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    process.signal("TERM");
    assertEquals(1, process.waitFor(30), process.output());
    String events = Files.readString(journal);
    assertTrue(events.contains("\"reason\":\"terminated (SIGTERM)\""), events);
    assertFalse(events.contains("Ctrl-C"), events);
    assertTrue(Files.exists(marks.resolve("rolled-back")));
  }

  /**
   * After kill -9, the watchdog kills the step that was running, and drill rollback
   * finishes the rollback from the journal: the fault is undone, teardown runs, the journal
   * and report say so, the result is written; asked again, it refuses.
   */
  @Test
  void afterKillMinusNineTheStepDiesAndDrillRollbackUndoesTheFault() throws Exception {
    Path marker = write("interrupt-me", "touch ${marks}/rolled-back", "sleep 171");
    DrillProcess process = start(marker);
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    Thread.sleep(300);
    List<ProcessHandle> step = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").endsWith("sleep 171")).collect(Collectors.toList());
    assertFalse(step.isEmpty(), "the step runs");
    process.signal("KILL");
    process.waitFor(10);
    long end = System.nanoTime() + 10_000_000_000L;
    while (step.stream().anyMatch(InterruptionTest::running) && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertFalse(step.stream().anyMatch(InterruptionTest::running), "the watchdog killed the step drill was running");
    assertFalse(Files.exists(marks.resolve("rolled-back")), "nothing rolled back yet");

    DrillProcess rollback = DrillProcess.start(work, "rollback", journal.toString());
    assertEquals(1, rollback.waitFor(30), rollback.output());
    assertTrue(Files.exists(marks.resolve("rolled-back")), "the undo ran:\n" + rollback.output());
    assertTrue(Files.exists(marks.resolve("torn-down")), "teardown ran");
    String events = Files.readString(journal);
    assertTrue(events.contains("\"event\":\"resumed\",\"by\":\"drill rollback\""), events);
    assertTrue(events.contains("\"outcome\":\"aborted\""), events);
    assertTrue(events.trim().endsWith("\"event\":\"run-ended\"}"), events);
    assertTrue(Files.readString(journal.resolveSibling("report.md")).contains("ABORTED"));
    assertTrue(Files.exists(results()), "the result was written");

    DrillProcess again = DrillProcess.start(work, "rollback", journal.toString());
    assertEquals(2, again.waitFor(30), again.output());
    assertTrue(again.output().contains("nothing to roll back"), again.output());
  }

  @Test
  void drillRollbackRefusesARunThatStillGoes() throws Exception {
    DrillProcess process = start(drill);
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    DrillProcess rollback = DrillProcess.start(work, "rollback", journal.toString());
    assertEquals(2, rollback.waitFor(30), rollback.output());
    assertTrue(rollback.output().contains("the run is still going"), rollback.output());
    assertFalse(Files.exists(marks.resolve("rolled-back")));
    process.signalGroup("INT");
    assertEquals(1, process.waitFor(30));
  }

  @Test
  void drillReportWritesTheResultOfARunKilledAfterItsEnd() throws Exception {
    Path quick = write("interrupt-me", "touch ${marks}/rolled-back", "true");
    DrillProcess process = start(quick);
    assertEquals(0, process.waitFor(60), process.output());
    Path result;
    try (Stream<Path> files = Files.walk(results())) {
      result = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.delete(result);
    Path journal = DrillProcess.journal(work.resolve("runs")).orElseThrow();
    DrillProcess report = DrillProcess.start(work, "report", journal.toString());
    assertEquals(0, report.waitFor(30), report.output());
    assertTrue(Files.exists(result), "the missing result was written:\n" + report.output());
    assertTrue(report.output().contains("the run's result was missing"), report.output());
  }

  @Test
  void withoutAutoAndWithTheInputClosedTheRunRefusesBeforeAnythingRuns() throws Exception {
    Path manual = work.resolve("asks.drill");
    Files.writeString(manual, String.join("\n",
        "drill asks {",
        "  title \"Asks people\"",
        "  owner \"sre\"",
        "  param marks = \"" + marks + "\"",
        "  setup { run \"touch ${marks}/set-up\" }",
        "  inject mark { run \"touch ${marks}/injected\" }",
        "  detect any within 1m { signal paged { manual \"Was the on-call engineer paged?\" } }",
        "  recover within 5m { step fix { manual \"Restart it by hand\" } }",
        "}", ""));
    long start = System.nanoTime();
    DrillProcess process = DrillProcess.start(work, ProcessBuilder.Redirect.from(new File("/dev/null")), "run",
        manual.toString(), "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString());
    assertEquals(2, process.waitFor(30), process.output());
    assertTrue(process.output().contains("--auto"), process.output());
    assertTrue(System.nanoTime() - start < 20_000_000_000L, "no wait for the budgets");
    assertFalse(Files.exists(marks.resolve("set-up")), "nothing ran");
    assertFalse(Files.exists(marks.resolve("injected")));
  }

  /**
   * Alive and not a zombie: a killed child whose parent died first waits for init to reap
   * it (in a container, seconds later), and the JDK counts it alive until then.
   */
  private static boolean running(ProcessHandle process) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      return process.isAlive() && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
