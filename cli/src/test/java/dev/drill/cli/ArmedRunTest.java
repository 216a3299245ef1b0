package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * drill run armed for an unannounced start, as a user runs it: the options and their usage
 * errors, the dry run, a real armed run of a drill of real commands, and Ctrl-C while armed.
 */
class ArmedRunTest {

  static final String DRILL = String.join("\n",
      "drill armed {",
      "  title \"Armed\"",
      "  owner \"sre\"",
      "  timebox 5m",
      "  setup { run \"touch setup.done\" }",
      "  teardown { run \"touch teardown.done\" }",
      "  steady {",
      "    check up { command \"test ! -f down\" every 1s }",
      "  }",
      "  inject down { run \"touch down\" undo \"rm -f down\" }",
      "  detect all within 1m {",
      "    signal gone { command \"test -f down\" every 1s }",
      "  }",
      "  recover within 1m {",
      "    step fix { run \"rm -f down\" }",
      "  }",
      "}",
      "");

  @TempDir Path dir;
  Path drill;

  @BeforeEach
  void aDrill() throws IOException {
    drill = dir.resolve("armed.drill");
    Files.writeString(drill, DRILL);
  }

  private Outcome run(String... args) {
    List<String> all = new ArrayList<>(List.of("run", drill.toString()));
    all.addAll(List.of(args));
    all.addAll(List.of("--journal", dir.resolve("runs").toString(), "--results", dir.resolve("results").toString()));
    return CompileCommandTest.drill(all.toArray(String[]::new));
  }

  @Test
  void invalidCombinationsAreUsageErrors() {
    Outcome both = run("--start-within", "2h", "--start-between", "10:00-11:00", "--dry-run");
    assertEquals(2, both.exit());
    assertEquals("drill run: --start-within and --start-between both give the start window; give one\n", both.err());
    Outcome seedAlone = run("--seed", "3", "--dry-run");
    assertEquals(2, seedAlone.exit());
    assertEquals("drill run: --seed is for an unannounced start; add --start-within DURATION or --start-between"
        + " HH:MM-HH:MM\n", seedAlone.err());
    Outcome badRange = run("--start-between", "10:00-25:00", "--not-during", "noon", "--dry-run");
    assertEquals(2, badRange.exit());
    assertTrue(badRange.err().contains("drill run: --not-during 'noon' is not a daily range of local time such as"
        + " 22:00-06:00\n"), badRange.err());
    assertTrue(badRange.err().contains("drill run: --start-between '10:00-25:00' is not a range of local time such"
        + " as 10:30-12:00\n"), badRange.err());
    Outcome badDuration = run("--start-within", "soon", "--dry-run");
    assertEquals("drill run: --start-within 'soon' is not a duration such as 2h or 45m\n", badDuration.err());
    assertFalse(Files.exists(dir.resolve("runs")));
  }

  @Test
  void aWindowAllBlackedOutIsAUsageErrorNamingItAndTheBlackouts() {
    Outcome o = run("--start-within", "1h", "--not-during", "00:00-12:00", "--not-during", "12:00-00:00", "--dry-run");
    assertEquals(2, o.exit());
    assertTrue(o.err().startsWith("drill run: no moment is left to start in: the blackouts cover the whole window"
        + " between "), o.err());
    assertTrue(o.err().endsWith(", not during 00:00-12:00, 12:00-00:00\n"), o.err());
  }

  @Test
  void aPlanWithoutAFaultCannotBeArmed() throws IOException {
    Files.writeString(drill, DRILL.replace("  inject down { run \"touch down\" undo \"rm -f down\" }\n", "")
        .replaceAll("(?s)  detect.*?\n  }\n  recover.*?\n  }\n  }\n", ""));
    Outcome o = run("--start-within", "1h", "--dry-run");
    assertTrue(o.err().contains("drill run: drill 'armed' has no inject step: there is no fault to start"
        + " unannounced\n"), o.err());
    assertEquals(2, o.exit());
  }

  @Test
  void theDryRunShowsTheWindowAndTheMomentOnlyWhenRevealed() {
    Outcome hidden = run("--start-between", "10:30-12:00", "--not-during", "11:00-11:15", "--seed", "5", "--dry-run");
    assertEquals(0, hidden.exit(), hidden.err());
    assertTrue(hidden.out().contains("unannounced start: armed for a moment between "), hidden.out());
    assertTrue(hidden.out().contains(" and 12:00 ("), hidden.out());
    assertTrue(hidden.out().contains("not during 11:00-11:15; the moment is not shown (--reveal shows it)"),
        hidden.out());
    Outcome shown = run("--start-between", "10:30-12:00", "--seed", "5", "--reveal", "--dry-run");
    assertTrue(shown.out().contains("; the fault starts at "), shown.out());
    assertTrue(shown.out().contains(" (seed 5)"), shown.out());
  }

  /** A real run: armed, then the fault within 3 seconds, as the seed decides; the report says it was unannounced. */
  @Test
  void anArmedRunStartsWithinItsWindow() throws Exception {
    Instant before = Instant.now();
    Process process = drillProcess("--start-within", "3s", "--seed", "1", "--auto");
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), console());
    assertEquals(0, process.exitValue(), console());
    String console = console();
    assertTrue(console.contains("ARMED: the fault starts unannounced between "), console);
    assertFalse(console.contains("the fault starts at"), "no moment without --reveal:\n" + console);
    String journal = Files.readString(journal());
    assertTrue(journal.contains("\"event\":\"armed\""), journal);
    assertTrue(journal.contains("\"event\":\"unannounced-start\""), journal);
    assertTrue(journal.contains("\"seed\":1"), journal);
    assertTrue(Files.exists(dir.resolve("teardown.done")));
    String report = Files.readString(journal().resolveSibling("report.md"));
    assertTrue(report.contains("| Unannounced start | armed for a moment between "), report);
    assertTrue(report.contains("the fault started unannounced at "), report);
    assertTrue(Duration.between(before, Instant.now()).compareTo(Duration.ofSeconds(2)) > 0);
  }

  /** Ctrl-C or SIGTERM while armed: disarmed, nothing injected, teardown ran, the outcome says why. */
  @ParameterizedTest
  @CsvSource({"INT, interrupted (Ctrl-C)", "TERM, terminated (SIGTERM)"})
  void aStopSignalWhileArmedDisarms(String signal, String reason) throws Exception {
    Process process = drillProcess("--start-within", "1h", "--auto");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!console().contains("ARMED") && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(1500);
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), console());
    assertEquals(1, process.exitValue(), console());
    String console = console();
    assertTrue(console.contains("DISARMED: " + reason + "; nothing was injected"), console);
    assertTrue(console.endsWith("aborted\n"), console);
    assertFalse(Files.exists(dir.resolve("down")));
    assertTrue(Files.exists(dir.resolve("teardown.done")));
    String journal = Files.readString(journal());
    assertTrue(journal.contains("\"event\":\"disarmed\""), journal);
    assertFalse(journal.contains("unannounced-start"), journal);
    assertFalse(journal.contains("\"event\":\"phase-started\",\"phase\":\"inject\""), journal);
    assertFalse(journal.contains("\"event\":\"fault-active\""), journal);
  }

  private Process drillProcess(String... args) throws IOException {
    // SIGINT restored to its default: a background job of a non-interactive shell (a CI step) starts with it ignored.
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main", "run", drill.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--journal", dir.resolve("runs").toString(), "--results", dir.resolve("results").toString()));
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("console.out").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
  }

  private String console() throws IOException {
    Path out = dir.resolve("console.out");
    return Files.exists(out) ? Files.readString(out) : "";
  }

  private Path journal() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
      List<Path> found = files.filter(f -> f.getFileName().toString().equals("journal.jsonl"))
          .collect(Collectors.toList());
      assertEquals(1, found.size(), found.toString());
      return found.get(0);
    }
  }
}
