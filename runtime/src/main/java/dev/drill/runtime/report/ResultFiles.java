package dev.drill.runtime.report;

import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The run-result file of a run (see docs/run-results.md): which drill, which version of its
 * procedure, how it ended, when, and time-to-detect and time-to-recover. An interrupted run
 * leaves no result: it neither passed, failed nor was aborted, and its journal says so.
 */
final class ResultFiles {

  private ResultFiles() {}

  /** The result of a run, unless it was interrupted (it has no outcome). */
  static Optional<RunResult> result(RunReport report) {
    RunReport.Run run = report.run();
    return report.outcome().map(outcome -> RunResult.of(run.drill(), run.fingerprint(), outcome, run.environment(),
        run.startedAt(), run.endedAt(), report.detection().flatMap(RunReport.Detection::timeToDetect),
        report.recovery().flatMap(RunReport.Recovery::timeToRecover))
        .withRoster(holders(run)));
  }

  private static Map<String, String> holders(RunReport.Run run) {
    Map<String, String> holders = new LinkedHashMap<>();
    run.who().forEach(h -> h.person().ifPresent(person -> holders.put(h.role(), person)));
    return holders;
  }

  /**
   * Writes the result of the report's run unless its file exists already (a run killed
   * after its end, before its result was written; {@code drill rollback} finishing a run).
   *
   * @return the file written, or empty when there was nothing to write or it was there
   * @throws IllegalArgumentException when the journal's drill, environment or fingerprint is out of form
   */
  static Optional<Path> writeIfMissing(RunReport report, Path resultsDir) throws IOException {
    Optional<RunResult> result = result(report);
    if (result.isEmpty() || Files.exists(resultsDir.resolve(result.get().relativePath()))) {
      return Optional.empty();
    }
    write(report, resultsDir);
    return Optional.of(resultsDir.resolve(result.get().relativePath()));
  }

  /** The results directory the run recorded in its {@code run-started} event, if it did. */
  static Optional<Path> recordedDirectory(List<JournalEvent> events) {
    return events.stream().findFirst().filter(e -> e.is(Event.RUN_STARTED))
        .flatMap(e -> e.text(Fact.RESULTS)).filter(text -> !text.isBlank()).map(Path::of);
  }

  /**
   * Writes the result of the report's run at {@code resultsDir.resolve(result.relativePath())},
   * creating directories. A result file is the record of one run and is never overwritten.
   *
   * @return the result written, or empty for an interrupted run (nothing written)
   * @throws java.nio.file.FileAlreadyExistsException when the file exists already
   * @throws IllegalArgumentException when the journal's drill, environment or fingerprint is out of form
   */
  static Optional<RunResult> write(RunReport report, Path resultsDir) throws IOException {
    Optional<RunResult> result = result(report);
    if (result.isPresent()) {
      Path file = resultsDir.resolve(result.get().relativePath());
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, RunResultJson.write(result.get()), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    return result;
  }
}
