package dev.drill.samples;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The drill command as a real process: what a user runs, signals and all. */
final class DrillProcess {

  final Process process;
  final Path output;

  private DrillProcess(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  static DrillProcess start(Path workdir, String... args) throws IOException {
    return start(workdir, ProcessBuilder.Redirect.PIPE, args);
  }

  /**
   * As a terminal starts a job: in a process group (and session) of its own, which
   * {@link #signalGroup} signals as a whole, as Ctrl-C does. ({@code setsid} execs the
   * command in place, so the process is drill's JVM itself.)
   */
  static DrillProcess start(Path workdir, ProcessBuilder.Redirect input, String... args) throws IOException {
    return start(workdir, input, java.util.Map.of(), args);
  }

  /** With these environment variables added to the test's own. */
  static DrillProcess start(Path workdir, ProcessBuilder.Redirect input, java.util.Map<String, String> environment,
      String... args) throws IOException {
    // A job started in the background of a non-interactive shell (a CI runner's) inherits SIGINT
    // ignored, and a JVM that starts with it ignored never sees Ctrl-C: reset it, as a terminal has it.
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", "setsid", "-w",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(workdir, "drill-", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(input);
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new DrillProcess(process, output);
  }

  int waitFor(int seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("drill did not end within " + seconds + "s:\n" + output());
    }
    return process.exitValue();
  }

  String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, String.valueOf(drill().pid())).inheritIO().start().waitFor();
  }

  /** Signals drill's whole process group, as the terminal does for Ctrl-C. */
  void signalGroup(String name) throws IOException, InterruptedException {
    String stat = Files.readString(Path.of("/proc", Long.toString(drill().pid()), "stat"));
    String group = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2];
    new ProcessBuilder("kill", "-s", name, "--", "-" + group).inheritIO().start().waitFor();
  }

  /** Drill's JVM: setsid runs it in place, or, when it had to fork to leave its group, as its one child. */
  ProcessHandle drill() {
    if (process.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
      return process.toHandle();
    }
    return process.children().findFirst().orElse(process.toHandle());
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The one journal under a journals directory, once it exists. */
  static Optional<Path> journal(Path journals) throws IOException {
    if (!Files.exists(journals)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(journals)) {
      return files.filter(f -> f.getFileName().toString().equals("journal.jsonl")).findFirst();
    }
  }

  /** Waits until the journal holds the text, up to a bound. */
  static Path awaitJournal(Path journals, String text, int seconds) throws IOException, InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      Optional<Path> journal = journal(journals);
      if (journal.isPresent() && Files.readString(journal.get()).contains(text)) {
        return journal.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the journal never showed " + text);
  }
}
