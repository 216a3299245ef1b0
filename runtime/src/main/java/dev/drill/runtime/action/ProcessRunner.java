package dev.drill.runtime.action;

import dev.drill.plan.Action;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.PlanText;
import dev.drill.plan.shell.ShellScript;
import dev.drill.runtime.Bindings;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code run} actions and command probes: {@code /bin/sh -c} with the command's
 * params as environment variables (see {@link ShellScript}), in the drill file's
 * directory, each in a process group of its own (see {@link ProcessGroups}). A command in
 * which a value fails the strict check where another shell parses it again is never started
 * (the run refuses such values before anything runs; this is the last line). Output (stdout
 * and stderr together) is kept to its last 64 KiB and redacted. At the timeout, or when the
 * calling thread is interrupted, the process is killed with everything it started.
 */
public final class ProcessRunner {

  static final Duration KILL_GRACE = Duration.ofSeconds(2);
  // A background process the command started may keep the output open; its output is not waited for.
  private static final Duration DRAIN_GRACE = Duration.ofMillis(200);

  private final Bindings bindings;
  private final Path directory;
  private final ProcessGroups groups;
  private final String shell;

  /**
   * @param directory where commands run: the drill file's directory
   * @param groups the groups the commands run in, watched while the run lives
   */
  public ProcessRunner(Bindings bindings, Path directory, ProcessGroups groups) {
    this(bindings, directory, groups, "/bin/sh");
  }

  /** Commands in groups of their own, unwatched. */
  ProcessRunner(Bindings bindings, Path directory) {
    this(bindings, directory, ProcessGroups.unwatched());
  }

  ProcessRunner(Bindings bindings, Path directory, ProcessGroups groups, String shell) {
    this.bindings = bindings;
    this.directory = directory;
    this.groups = groups;
    this.shell = shell;
  }

  /** Runs the action with its own timeout, or else the one given; ok when the exit status matches, by default 0. */
  ActionResult perform(Action.Run run, Duration timeout) throws InterruptedException {
    ProcessExit exit = execute(run.command(), run.timeout().orElse(timeout));
    if (run.expectExit().isEmpty() || exit.status().isEmpty()) {
      return new ActionResult(exit.ok(), exit.detail(), exit.output());
    }
    NumberExpectation expected = run.expectExit().get();
    boolean ok = expected.holds(BigDecimal.valueOf(exit.status().getAsInt()));
    return new ActionResult(ok, ok ? exit.detail() : exit.detail() + " (expected " + PlanText.expectation(expected) + ")",
        exit.output());
  }

  /**
   * Runs a command template to its end or its timeout.
   *
   * @throws InterruptedException when interrupted; the process tree is killed first
   */
  public ProcessExit execute(String command, Duration timeout) throws InterruptedException {
    ShellScript script = ShellScript.parse(command);
    List<ShellScript.Refusal> refusals = script.refusals(name -> bindings.value(name).orElse(null));
    if (!refusals.isEmpty()) {
      ShellScript.Refusal first = refusals.get(0);
      return new ProcessExit(OptionalInt.empty(), "not started: '" + first.name() + "' goes into "
          + first.place() + ", which another shell parses again, and its value " + first.reason(), "");
    }
    ProcessBuilder builder = new ProcessBuilder(groups.command(
        List.of(shell, "-c", script.script(name -> bindings.value(name).orElse(null)))))
        .directory(directory.toAbsolutePath().toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(bindings.environment());
    Process process;
    try {
      process = builder.start();
    } catch (IOException | RuntimeException e) {
      return new ProcessExit(OptionalInt.empty(), bindings.redact("could not start: " + e.getMessage()), "");
    }
    groups.started(process);
    closeQuietly(process);
    TailBuffer output = new TailBuffer();
    Thread reader = drain(process, output);
    boolean exited;
    try {
      exited = process.waitFor(millis(timeout), TimeUnit.MILLISECONDS);
      if (!exited) {
        groups.kill(process, KILL_GRACE);
      }
    } catch (InterruptedException e) {
      groups.kill(process, KILL_GRACE);
      throw e;
    } finally {
      groups.ended(process);
    }
    reader.join(DRAIN_GRACE.toMillis());
    String text = OutputText.tail(output.kept(), output.total(), bindings);
    return exited
        ? new ProcessExit(OptionalInt.of(process.exitValue()), "exit " + process.exitValue(), text)
        : new ProcessExit(OptionalInt.empty(), "timed out after " + PlanText.duration(timeout), text);
  }

  /** Reads the output to its end, even after the result is taken, so no writer ever blocks on a full pipe. */
  private static Thread drain(Process process, TailBuffer output) {
    Thread reader = new Thread(() -> {
      byte[] chunk = new byte[8192];
      try (InputStream in = process.getInputStream()) {
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
          output.write(chunk, n);
        }
      } catch (IOException e) {
        // The stream closed under us: the output so far is what there is.
      }
    }, "drill-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** Commands get no input: one that reads it sees its end instead of waiting forever. */
  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Nothing to close.
    }
  }

  static long millis(Duration duration) {
    try {
      return Math.max(0, duration.toMillis());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }
}
