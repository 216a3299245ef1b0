package dev.drill.runtime.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Action;
import dev.drill.plan.SourceSpan;
import dev.drill.runtime.Bindings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessRunnerTest {

  private static final Duration LONG = Duration.ofSeconds(30);
  private static final SourceSpan SPAN = SourceSpan.at("test.drill", 1, 1);

  @TempDir Path dir;

  private ProcessRunner runner(Map<String, String> params, Map<String, String> secrets) {
    return new ProcessRunner(new Bindings(params, secrets), dir);
  }

  private ProcessRunner runner() {
    return runner(Map.of(), Map.of());
  }

  private static Action.Run run(String command) {
    return new Action.Run(command, Optional.empty(), SPAN);
  }

  @Test
  void exitZeroIsOkWithItsOutput() throws Exception {
    ActionResult result = runner().perform(run("echo hello"), LONG);
    assertEquals(new ActionResult(true, "exit 0", "hello\n"), result);
  }

  @Test
  void nonZeroExitIsNotOk() throws Exception {
    ActionResult result = runner().perform(run("echo failing; exit 3"), LONG);
    assertEquals(new ActionResult(false, "exit 3", "failing\n"), result);
  }

  @Test
  void stdoutAndStderrAreCapturedTogetherInOrder() throws Exception {
    ActionResult result = runner().perform(run("echo out; echo err >&2; echo out again"), LONG);
    assertEquals("out\nerr\nout again\n", result.output());
  }

  @Test
  void runsInTheGivenDirectory() throws Exception {
    Files.writeString(dir.resolve("note.txt"), "beside the drill\n");
    assertEquals("beside the drill\n", runner().perform(run("cat note.txt"), LONG).output());
  }

  @Test
  void aCommandReadingInputSeesItsEnd() throws Exception {
    ActionResult result = runner().perform(run("cat; echo after"), Duration.ofSeconds(5));
    assertEquals(new ActionResult(true, "exit 0", "after\n"), result);
  }

  @Test
  void longOutputKeepsItsLastPartAndSaysSo() throws Exception {
    ActionResult result = runner().perform(run("head -c 200000 /dev/zero | tr '\\0' a; echo END"), LONG);
    String header = "[output cut: only the last 64 KiB of 200004 bytes kept]\n";
    assertTrue(result.output().startsWith(header), result.output().substring(0, 80));
    assertTrue(result.output().endsWith("aaaEND\n"));
    assertEquals(64 * 1024, result.output().length() - header.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "; touch MARKER",
      "$(touch MARKER)",
      "`touch MARKER`",
      "' ; touch MARKER ; echo '",
      "\" ; touch MARKER ; echo \"",
      "line one\nline two; touch MARKER",
      "$DRILL_OTHER ${HOME} \\ \\n * ?",
      "| touch MARKER && touch MARKER > MARKER",
      "-n",
      "",
  })
  void valuesReachTheCommandAsDataWhereverTheyStand(String value) throws Exception {
    ProcessRunner runner = runner(Map.of("value", value, "other", "x"), Map.of());
    for (String command : List.of(
        "printf '%s' ${value}", "printf '%s' \"${value}\"", "printf '%s' '${value}'", "printf '%s' x${value}y")) {
      ActionResult result = runner.perform(run(command), LONG);
      String expected = command.endsWith("x${value}y") ? "x" + value + "y" : value;
      assertEquals(new ActionResult(true, "exit 0", expected), result, command);
      assertFalse(Files.exists(dir.resolve("MARKER")), command);
    }
  }

  @Test
  void aCommandWithAValueThatAnotherShellWouldRunIsNeverStarted() throws Exception {
    ProcessRunner runner = runner(Map.of("value", "$(touch MARKER)"), Map.of());
    ActionResult result = runner.perform(run("touch STARTED; sh -c \"echo ${value}\""), LONG);
    assertFalse(result.ok());
    assertEquals("not started: 'value' goes into the script of 'sh -c', which another shell parses again, and its"
        + " value holds characters other than letters, digits and _ . / : @ + , = % -", result.detail());
    assertFalse(Files.exists(dir.resolve("STARTED")));
    assertFalse(Files.exists(dir.resolve("MARKER")));
  }

  @Test
  void valuesStayDataInSubstitutionsAfterCommentsAndInHereDocuments() throws Exception {
    String value = "a  *  $(touch MARKER) 'b' \"c\"";
    ProcessRunner runner = runner(Map.of("v", value), Map.of());
    assertEquals(value, runner.perform(run("printf '%s' \"$(printf '%s' ${v})\""), LONG).output());
    assertEquals(value, runner.perform(run("true # it's\nprintf '%s' ${v}"), LONG).output());
    assertEquals(value + "\n", runner.perform(run("cat <<EOF\n${v}\nEOF"), LONG).output());
    assertFalse(Files.exists(dir.resolve("MARKER")));
  }

  @Test
  void aSecretEchoedByTheCommandIsRedacted() throws Exception {
    ProcessRunner runner = runner(Map.of("user", "ops"), Map.of("token", "s3cr3t-T0KEN"));
    ActionResult result = runner.perform(run("echo ${user} uses ${token}; echo \"$DRILL_TOKEN\" >&2"), LONG);
    assertEquals("ops uses ********\n********\n", result.output());
  }

  @Test
  void aSecretCutInHalfByTheOutputLimitIsNotShownInPart() throws Exception {
    ProcessRunner runner = runner(Map.of(), Map.of("token", "s3cr3t-T0KEN"));
    // The buffer keeps 68 KiB: the secret is printed so that only its last 3 bytes are kept.
    String command = "printf '%s' ${token}; head -c " + (OutputText.KEPT - 3) + " /dev/zero | tr '\\0' a";
    ActionResult result = runner.perform(run(command), LONG);
    assertTrue(result.output().startsWith("[output cut"));
    assertFalse(result.output().contains("KEN"));
  }

  @Test
  void atItsTimeoutTheWholeTreeIsKilled() throws Exception {
    String command = "sh -c 'sleep 1000 & sleep 1000' & sleep 1000 & sh -c 'sleep 1000; true'";
    CompletableFuture<ActionResult> result = CompletableFuture.supplyAsync(() -> perform(run(command), Duration.ofSeconds(1)));
    // outer sh; inner sh (or what it exec'd) and its sleep; a sleep; inner sh and its sleep
    List<ProcessHandle> tree = ProcessTrees.awaitDescendants(6, Duration.ofSeconds(5));
    ActionResult ended = result.get(10, TimeUnit.SECONDS);
    assertFalse(ended.ok());
    assertEquals("timed out after 1s", ended.detail());
    assertEquals(List.of(), ProcessTrees.alive(tree), ProcessTrees.describe(tree));
  }

  @Test
  void processesIgnoringTheRequestToStopAreKilledAfterTheGrace() throws Exception {
    String command = "trap '' TERM; sh -c 'sleep 1000' & sleep 1000";
    long start = System.nanoTime();
    CompletableFuture<ActionResult> result = CompletableFuture.supplyAsync(() -> perform(run(command), Duration.ofMillis(500)));
    List<ProcessHandle> tree = ProcessTrees.awaitDescendants(3, Duration.ofSeconds(5));
    assertEquals("timed out after 500ms", result.get(10, TimeUnit.SECONDS).detail());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(ProcessRunner.KILL_GRACE) >= 0, took::toString);
    assertEquals(List.of(), ProcessTrees.alive(tree), ProcessTrees.describe(tree));
  }

  @Test
  void anInterruptKillsTheTreeAndIsRethrown() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        runner().perform(run("sh -c 'sleep 1000 & sleep 1000' & sleep 1000"), LONG);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    thread.start();
    List<ProcessHandle> tree = ProcessTrees.awaitDescendants(4, Duration.ofSeconds(5));
    thread.interrupt();
    thread.join(10_000);
    assertFalse(thread.isAlive());
    assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    assertEquals(List.of(), ProcessTrees.alive(tree), ProcessTrees.describe(tree));
  }

  @Test
  void theActionsOwnTimeoutWinsOverTheOneGiven() throws Exception {
    Action.Run run = new Action.Run("sleep 5", Optional.of(Duration.ofMillis(300)), SPAN);
    assertEquals("timed out after 300ms", runner().perform(run, LONG).detail());
  }

  @Test
  void aBackgroundProcessKeepingTheOutputOpenDoesNotHoldTheResult() throws Exception {
    long start = System.nanoTime();
    ActionResult result = runner().perform(run("sleep 2 & echo started"), LONG);
    assertEquals(new ActionResult(true, "exit 0", "started\n"), result);
    assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1500));
  }

  @Test
  void aShellThatCannotStartIsAResult() throws Exception {
    ProcessRunner runner = new ProcessRunner(Bindings.none(), dir, ProcessGroups.unwatched(), "/no/such/sh");
    ActionResult result = runner.perform(run("echo hello"), LONG);
    assertFalse(result.ok());
    assertTrue((result.detail() + result.output()).contains("/no/such/sh"), result.detail() + result.output());
  }

  @Test
  void eachCommandLeadsAProcessGroupOfItsOwnSoTheTerminalsCtrlCMissesIt() throws Exception {
    ActionResult result = runner().perform(run("echo $$$$ $(ps -o pgid= -p $$$$) $(ps -o sid= -p $$$$)"), LONG);
    String[] ids = result.output().trim().split("\\s+");
    assertEquals(3, ids.length, result.output());
    assertEquals(ids[0], ids[1], "the command's shell leads its process group");
    assertEquals(ids[0], ids[2], "and its session, away from the terminal's foreground group");
    long drillGroup = Long.parseLong(new String(new ProcessBuilder("ps", "-o", "pgid=", "-p",
        Long.toString(ProcessHandle.current().pid())).start().getInputStream().readAllBytes()).trim());
    assertFalse(Long.toString(drillGroup).equals(ids[1]), "not drill's own group");
  }

  @Test
  void aTimeoutKillsTheWholeGroupEvenWhatLeftTheTree() throws Exception {
    // The grandchild is reparented at once (its parent subshell exits), so only its group still ties it to the command.
    ActionResult result = runner().perform(run("(sleep 37 &) ; sleep 30"), Duration.ofMillis(500));
    assertFalse(result.ok());
    Thread.sleep(200);
    boolean left = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").endsWith("sleep 37")
        && ProcessTree.running(p));
    assertFalse(left, "the reparented grandchild was killed with its group");
  }

  @Test
  void aMissingDirectoryIsAResult() throws Exception {
    ProcessRunner runner = new ProcessRunner(Bindings.none(), dir.resolve("gone"));
    ProcessExit exit = runner.execute("echo hello", LONG);
    assertFalse(exit.ok());
    assertTrue(exit.detail().startsWith("could not start: "), exit.detail());
  }

  private ActionResult perform(Action.Run run, Duration timeout) {
    try {
      return runner().perform(run, timeout);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
