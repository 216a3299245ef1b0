package dev.drill.runtime;

import dev.drill.runtime.engine.RunOutcome;
import dev.drill.runtime.report.RunReports;
import java.nio.file.Path;
import java.util.Optional;

/** Where a run writes: its directory under the journals, and at its end the report and the run result. */
final class RunFiles {

  private RunFiles() {}

  /**
   * The directory of a run, {@code journals/<drill>/<start>}. The drill's id was validated
   * with its plan (kebab-case); this holds the line anyway: a run writes under {@code journals}
   * or not at all.
   */
  static Path directory(Path journals, String drill, String start) {
    Path base = journals.toAbsolutePath().normalize();
    Path dir = base.resolve(drill).resolve(start).normalize();
    if (!dir.startsWith(base) || dir.getNameCount() != base.getNameCount() + 2) {
      throw new IllegalArgumentException("drill id '" + drill + "' would leave the journal directory " + journals);
    }
    return journals.resolve(drill).resolve(start);
  }

  /** The report beside the journal, and the run result in {@code results}; a problem instead when they cannot be written. */
  static DrillRunner.Finished writeReportAndResult(RunOutcome outcome, Path journalFile, Path results) {
    Path report = RunReports.besideJournal(journalFile);
    try {
      RunReports.Written written = RunReports.afterRun(journalFile, results);
      return new DrillRunner.Finished(outcome, journalFile, written.report(), written.result(), Optional.empty());
    } catch (Exception e) {
      return new DrillRunner.Finished(outcome, journalFile, report, Optional.empty(), Optional.of(
          "the run ended (" + outcome.outcome().keyword() + ") but its report or result could not be written: "
              + e.getMessage() + "; rebuild them with drill report " + display(journalFile)));
    }
  }

  /** As {@link #writeReportAndResult}, for a run whose result may have been written already. */
  static DrillRunner.Finished writeReportAndMissingResult(RunOutcome outcome, Path journalFile, Path results) {
    Path report = RunReports.besideJournal(journalFile);
    try {
      RunReports.Written written = RunReports.afterRollback(journalFile, results);
      return new DrillRunner.Finished(outcome, journalFile, written.report(), written.result(), Optional.empty());
    } catch (Exception e) {
      return new DrillRunner.Finished(outcome, journalFile, report, Optional.empty(), Optional.of(
          "the rollback ended but the report or result could not be written: " + e.getMessage()
              + "; rebuild them with drill report " + display(journalFile)));
    }
  }

  /** A path as the person at the terminal would write it: relative to the working directory when under it. */
  static String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }
}
