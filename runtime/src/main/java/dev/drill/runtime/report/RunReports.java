package dev.drill.runtime.report;

import dev.drill.runtime.journal.JournalContents;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.journal.JournalReader;
import dev.drill.plan.ActionItems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The after-action report and the run result of a run, from its journal alone: for
 * {@code drill report} at any time (while the run goes, after it ended, after its runner was
 * killed), and at the end of a run and of {@code drill rollback}. The report is Markdown
 * (docs/journal.md, "What the report holds"), and the same as one HTML page with the timeline
 * drawn as a chart (docs/run-results.md); the result is the file {@code drill check}
 * reads (docs/run-results.md), written only for a run that has an outcome, never over one.
 */
public final class RunReports {

  private RunReports() {}

  /** A journal read and its report built, ready to be written. */
  public static final class Rebuilt {
    private final JournalContents journal;
    private final RunReport report;

    private Rebuilt(JournalContents journal, RunReport report) {
      this.journal = journal;
      this.report = report;
    }

    /** The drill's id. */
    public String drill() {
      return report.run().drill();
    }

    /** {@code passed}, {@code failed}, {@code aborted}, or {@code interrupted} for a journal without an outcome. */
    public String outcome() {
      return report.outcomeKeyword();
    }

    /** How many lines of the journal could not be read (they were skipped). */
    public int skippedLines() {
      return journal.skipped();
    }

    /** The skipped lines in words; empty when none. */
    public String describeSkipped() {
      return journal.describeSkipped();
    }

    /** The report in Markdown, ending in a newline. */
    public String markdown() {
      return new ReportRenderer().render(report);
    }

    /**
     * The report in Markdown to write over {@code existing}, the report file there now, if
     * any: regenerated, except its "Action items" section, which is the team's and is kept
     * byte for byte ({@link ActionItems#keep}). Refused when that section cannot be told, or the
     * file there is not UTF-8 text: the file must then be left as it is.
     */
    public String markdownOver(Optional<byte[]> existing) throws ActionItems.Unclear {
      String generated = markdown();
      if (existing.isEmpty()) {
        return generated;
      }
      try {
        String text = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(existing.get()))
            .toString();
        return ActionItems.keep(generated, text);
      } catch (CharacterCodingException e) {
        throw new ActionItems.Unclear("it is not UTF-8 text, so its action items cannot be kept");
      }
    }

    /** The report as one self-contained HTML page (no script, nothing from the network), ending in a newline. */
    public String html() {
      return new ReportRenderer().html(report);
    }

    /** The results directory the run recorded when it started, if it did. */
    public Optional<Path> recordedResults() {
      return ResultFiles.recordedDirectory(journal.events());
    }

    /**
     * Writes the run's result into {@code resultsDir} unless it is there already, or the run
     * has no outcome (it was interrupted).
     *
     * @return the file written
     * @throws IllegalArgumentException when the journal's drill, environment or fingerprint is out of form
     */
    public Optional<Path> writeResultIfMissing(Path resultsDir) throws IOException {
      return ResultFiles.writeIfMissing(report, resultsDir);
    }
  }

  /** What was written at the end of a run: the report (its HTML page beside it), and the result when one was written. */
  public record Written(Path report, Optional<Path> result) {}

  /**
   * Reads a journal and builds its report; lines that cannot be read are skipped and counted.
   *
   * @throws java.nio.file.NoSuchFileException when there is no such file
   * @throws JournalFormatException when it is not a drill journal (no {@code run-started} event)
   */
  public static Rebuilt rebuild(Path journal) throws IOException, JournalFormatException {
    JournalContents read = JournalReader.read(journal);
    return new Rebuilt(read, RunReport.of(read));
  }

  /** Where a run's report goes unless told otherwise: {@code report.md} beside its journal. */
  public static Path besideJournal(Path journal) {
    return journal.resolveSibling("report.md");
  }

  /** Where a run's HTML report goes unless told otherwise: {@code report.html} beside its journal. */
  public static Path htmlBesideJournal(Path journal) {
    return journal.resolveSibling("report.html");
  }

  /**
   * At the end of a run: the report beside the journal, in Markdown and in HTML, and the run result into
   * {@code resultsDir}.
   *
   * @throws java.nio.file.FileAlreadyExistsException when the result exists already: a result is never overwritten
   */
  public static Written afterRun(Path journal, Path resultsDir) throws IOException, JournalFormatException {
    Rebuilt rebuilt = rebuild(journal);
    Path report = writeReport(journal, rebuilt);
    return new Written(report, ResultFiles.write(rebuilt.report, resultsDir).map(r -> resultsDir.resolve(r.relativePath())));
  }

  /** At the end of {@code drill rollback}: the report rewritten, the result written if it is missing. */
  public static Written afterRollback(Path journal, Path resultsDir) throws IOException, JournalFormatException {
    Rebuilt rebuilt = rebuild(journal);
    // The result first: a report whose action items cannot be kept must not cost the run its result.
    Optional<Path> result = rebuilt.writeResultIfMissing(resultsDir);
    return new Written(writeReport(journal, rebuilt), result);
  }

  /** A report that exists and whose action items cannot be kept: it is left as it is. */
  public static final class KeptRefused extends IOException {
    KeptRefused(Path report, String why) {
      super("the report " + report + " was left as it is: " + why
          + "; put its '" + ActionItems.HEADING + "' heading back (one, above the team's task list), then run drill report again");
    }
  }

  /**
   * The report's Markdown over the file at {@code report}, keeping the team's action items.
   *
   * @throws KeptRefused when the file there holds action items that cannot be told apart
   */
  public static String markdownFor(Path report, Rebuilt rebuilt) throws IOException {
    Optional<byte[]> existing = Files.isRegularFile(report) ? Optional.of(Files.readAllBytes(report)) : Optional.empty();
    try {
      return rebuilt.markdownOver(existing);
    } catch (ActionItems.Unclear e) {
      throw new KeptRefused(report, e.getMessage());
    }
  }

  private static Path writeReport(Path journal, Rebuilt rebuilt) throws IOException {
    Path report = besideJournal(journal);
    Files.writeString(report, markdownFor(report, rebuilt), StandardCharsets.UTF_8);
    Files.writeString(htmlBesideJournal(journal), rebuilt.html(), StandardCharsets.UTF_8);
    return report;
  }
}
