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
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(workdir, "drill-", ".out");
    Process process = new ProcessBuilder(command).directory(workdir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile())
        .redirectInput(ProcessBuilder.Redirect.PIPE).start();
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
    new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
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
