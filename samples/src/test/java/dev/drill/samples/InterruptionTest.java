package dev.drill.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost: Ctrl-C mid-recovery still rolls back and writes everything; kill -9 leaves a readable journal. */
class InterruptionTest {

  @TempDir Path work;
  Path drill;
  Path marks;

  @BeforeEach
  void aDrillThatHangsInRecovery() throws Exception {
    marks = Files.createDirectories(work.resolve("marks"));
    drill = work.resolve("interrupt-me.drill");
    Files.writeString(drill, String.join("\n",
        "drill interrupt-me {",
        "  title \"Interrupted mid-recovery\"",
        "  owner \"sre\"",
        "  param marks = \"" + marks + "\"",
        "  inject mark { run \"touch ${marks}/injected\" undo \"touch ${marks}/rolled-back\" }",
        "  detect any within 1m { signal always { command \"true\" } }",
        "  recover within 5m { step wait-long { run \"sleep 120\" } }",
        "  teardown { run \"touch ${marks}/torn-down\" }",
        "}", ""));
  }

  private DrillProcess start() throws Exception {
    return DrillProcess.start(work, "run", drill.toString(), "--auto",
        "--journal", work.resolve("runs").toString(), "--results", work.resolve("results").toString());
  }

  @Test
  void ctrlCMidRecoveryRollsBackAndWritesJournalReportAndResult() throws Exception {
    DrillProcess process = start();
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    Thread.sleep(300);
    List<ProcessHandle> children = process.process.descendants().collect(Collectors.toList());
    process.signal("INT");
    int exit = process.waitFor(30);
    assertEquals(1, exit, process.output());
    assertTrue(Files.exists(marks.resolve("rolled-back")), "the undo ran:\n" + process.output());
    assertTrue(Files.exists(marks.resolve("torn-down")), "teardown ran");
    String events = Files.readString(journal);
    assertTrue(events.contains("\"reason\":\"interrupted (Ctrl-C)\""), events);
    assertTrue(events.contains("\"outcome\":\"aborted\""), events);
    assertTrue(events.contains("\"event\":\"run-ended\""), events);
    assertTrue(Files.readString(journal.resolveSibling("report.md")).contains("ABORTED"));
    assertTrue(Files.exists(work.resolve("results").resolve("interrupt-me")), "a result was written");
    assertFalse(children.stream().anyMatch(InterruptionTest::running), "the hanging step was killed with its children");
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

  @Test
  void killMinusNineLeavesAJournalThatDrillReportTurnsIntoAnInterruptedReport() throws Exception {
    DrillProcess process = start();
    Path journal = DrillProcess.awaitJournal(work.resolve("runs"), "\"event\":\"step-started\"", 30);
    List<ProcessHandle> children = process.process.descendants().collect(Collectors.toList());
    process.signal("KILL");
    process.waitFor(10);
    children.forEach(ProcessHandle::destroyForcibly);
    DrillProcess report = DrillProcess.start(work, "report", journal.toString());
    assertEquals(0, report.waitFor(30), report.output());
    String text = Files.readString(journal.resolveSibling("report.md"));
    assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains("interrupted"), text);
  }
}
