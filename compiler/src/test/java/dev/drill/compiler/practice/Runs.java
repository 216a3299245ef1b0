package dev.drill.compiler.practice;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResult.Outcome;
import dev.drill.plan.RunResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Plans compiled from small drills, and run results of them, for the practice tests. */
final class Runs {

  static final String FILE = "drills/cache-node-loss.drill";
  static final String OLD_FINGERPRINT = "sha256:7f3a9c0e12b84d56";

  private Runs() {}

  /** The cache-node-loss drill with these extra attributes (such as {@code "cadence 30d"}). */
  static Plan plan(String... attributes) {
    StringBuilder text = new StringBuilder()
        .append("drill cache-node-loss {\n")
        .append("  title \"Loss of one cache node\"\n")
        .append("  owner \"platform\"\n")
        .append("  kind  ics\n");
    for (String attribute : attributes) {
      text.append("  ").append(attribute).append('\n');
    }
    text.append("}\n");
    CompileResult result = DrillCompiler.compile(FILE, text.toString().getBytes(StandardCharsets.UTF_8));
    return result.plan().orElseThrow(() -> new AssertionError("does not compile: " + result.diagnostics()));
  }

  /** A result of {@code plan} started at {@code start} (an instant, or a date meaning 09:00Z that day). */
  static RunResult result(Plan plan, Outcome outcome, String start) {
    return result(plan.id(), plan.fingerprint(), outcome, start);
  }

  static RunResult result(String drill, String fingerprint, Outcome outcome, String start) {
    Instant startedAt = start.contains("T") ? Instant.parse(start) : Instant.parse(start + "T09:00:00Z");
    boolean passed = outcome == Outcome.PASSED;
    return RunResult.of(drill, fingerprint, outcome, "staging", startedAt, startedAt.plus(Duration.ofMinutes(50)),
        outcome == Outcome.ABORTED ? Optional.empty() : Optional.of(Duration.ofMinutes(3)),
        passed ? Optional.of(Duration.ofMinutes(25)) : Optional.empty());
  }

  /** The result as ResultStore would load it from {@code drill-results/}. */
  static LoadedResult loaded(RunResult result) {
    return new LoadedResult("drill-results/" + result.relativePath().toString().replace('\\', '/'), result);
  }

  static LoadedResult loaded(Plan plan, Outcome outcome, String start) {
    return loaded(result(plan, outcome, start));
  }

  static LocalDate day(String date) {
    return LocalDate.parse(date);
  }

  /** Writes the result at its conventional path under {@code dir}. */
  static Path write(Path dir, RunResult result) throws IOException {
    return write(dir, result.relativePath().toString(), result);
  }

  static Path write(Path dir, String relative, RunResult result) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, RunResultJson.write(result));
    return file;
  }
}
