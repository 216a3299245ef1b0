package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.compiler.DrillCompiler;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JsonlJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  static final Instant T = Instant.parse("2026-11-20T14:03:00Z");

  @TempDir Path dir;

  record Outcome(int exit, String out, String err) {}

  static Outcome drill(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(exit, out.toString(), err.toString());
  }

  static Plan plan() {
    return DrillCompiler.compile("db.drill", CompileCommandTest.VALID.getBytes(StandardCharsets.UTF_8))
        .plan().orElseThrow();
  }

  /** The journal of a run that detected the fault and was then killed, without an outcome. */
  static Path killedRun(Path file) throws IOException {
    Plan plan = plan();
    try (JsonlJournal journal = JsonlJournal.create(file)) {
      journal.record(JournalEvent.of(T, "run-started", "drill", plan.id(), "title", plan.title(),
          "fingerprint", plan.fingerprint(), "source", "db.drill", "environment", "staging", "auto", true,
          "journal", file.toString(), "results", "drill-results",
          "plan", new ObjectMapper().readTree(PlanJson.write(plan))));
      journal.record(JournalEvent.of(T.plusSeconds(1), "phase-started", "phase", "inject"));
      journal.record(JournalEvent.of(T.plusSeconds(2), "phase-ended", "phase", "inject", "ok", true));
      journal.record(JournalEvent.of(T.plusSeconds(2), "fault-active"));
      journal.record(JournalEvent.of(T.plusSeconds(40), "signal-fired", "id", "down", "title", "down",
          "sinceFaultMs", 38_000L, "budgetMs", 300_000L, "inBudget", true));
      journal.record(JournalEvent.of(T.plusSeconds(40), "detection", "mode", "any", "met", true,
          "sinceFaultMs", 38_000L, "budgetMs", 300_000L, "fired", List.of("down"), "missing", List.of()));
      journal.record(JournalEvent.of(T.plusSeconds(41), "step-started", "id", "promote",
          "title", "Promote the replica", "role", "operator"));
    }
    return file;
  }

  @Test
  void aRebuiltReportKeepsTheTeamsActionItemsByteForByteAndRegeneratesTheRest() throws IOException {
    Path journal = killedRun(dir.resolve("runs/db/journal.jsonl"));
    assertEquals(0, drill("report", journal.toString()).exit());
    Path report = dir.resolve("runs/db/report.md");
    String generated = Files.readString(report);
    assertTrue(generated.endsWith("\n## Action items\n\n<!-- What the team will fix, one task a line: \"- [ ] Fix the stale"
        + " restart command @carol due 2026-12-15\", ticked \"- [x]\" when done. Edit this section and commit the report:"
        + " drill report keeps it when it rebuilds the report, drill check and drill list report open items past their"
        + " due date. -->\n"), generated);
    String team = "## Action items\r\n\r\n- [ ] Fix the stale restart command @carol due 2026-12-15\r\n"
        + "- [x] Page the right rotation @bob due 2026-11-30  \r\n\r\nNotes kept as written.\r\n";
    String retitled = generated.replace("# After-action report: Primary", "# Edited title: Primary");
    String edited = retitled.substring(0, retitled.indexOf("## Action items")) + team;
    Files.writeString(report, edited);
    Outcome o = drill("report", journal.toString());
    assertEquals(0, o.exit(), o.err());
    assertEquals(generated.substring(0, generated.indexOf("## Action items")) + team, Files.readString(report));
  }

  @Test
  void aReportWhoseActionItemsCannotBeToldIsLeftByteIdentical() throws IOException {
    Path journal = killedRun(dir.resolve("runs/db/journal.jsonl"));
    assertEquals(0, drill("report", journal.toString()).exit());
    Path report = dir.resolve("runs/db/report.md");
    String generated = Files.readString(report);
    byte[] edited = generated.replace("## Action items", "## Follow-ups")
        .concat("- [ ] Fix the stale restart command @carol due 2026-12-15\n").getBytes(StandardCharsets.UTF_8);
    Files.write(report, edited);
    Outcome o = drill("report", journal.toString());
    assertEquals(2, o.exit());
    assertEquals("drill report: the report " + report + " was left as it is: it has a task list but no '## Action items'"
        + " heading: was the heading renamed or removed?; put its '## Action items' heading back (one, above the team's"
        + " task list), then run drill report again\n", o.err());
    assertTrue(java.util.Arrays.equals(edited, Files.readAllBytes(report)));
  }

  @Test
  void writesTheReportBesideTheJournalAndPrintsItsPath() throws IOException {
    Path journal = killedRun(dir.resolve("runs/db/journal.jsonl"));
    Outcome o = drill("report", journal.toString());
    assertEquals(0, o.exit(), o.err());
    Path report = dir.resolve("runs/db/report.md");
    assertEquals(report.toString(), o.out().strip());
    String md = Files.readString(report);
    assertTrue(md.startsWith("# After-action report: Primary database fails over\n"), md);
    assertTrue(md.contains("| Outcome | **INTERRUPTED** |"), md);
    assertTrue(md.contains("| Time to detect | 38s | 5m | met |"), md);
    assertTrue(o.err().contains("db-failover, interrupted"), o.err());
  }

  @Test
  void writesWhereOutputSays() throws IOException {
    Path journal = killedRun(dir.resolve("journal.jsonl"));
    Path target = dir.resolve("out/aar.md");
    Outcome o = drill("report", journal.toString(), "-o", target.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(Files.exists(target));
    assertFalse(Files.exists(dir.resolve("report.md")));
  }

  @Test
  void htmlGoesBesideTheJournalAsReportHtml() throws IOException {
    Path journal = killedRun(dir.resolve("runs/db/journal.jsonl"));
    Outcome o = drill("report", journal.toString(), "--html");
    assertEquals(0, o.exit(), o.err());
    Path report = dir.resolve("runs/db/report.html");
    assertEquals(report.toString(), o.out().strip());
    assertFalse(Files.exists(dir.resolve("runs/db/report.md")), "only the page asked for");
    String html = Files.readString(report);
    assertTrue(html.startsWith("<!DOCTYPE html>\n"), html);
    assertTrue(html.contains("<h1>After-action report: Primary database fails over</h1>"), html);
    assertTrue(html.contains("<span class=\"outcome interrupted\">INTERRUPTED</span>"), html);
    assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\""), html);
    assertTrue(o.err().contains("db-failover, interrupted"), o.err());
  }

  @Test
  void htmlGoesWhereOutputSays() throws IOException {
    Path journal = killedRun(dir.resolve("runs/db/journal.jsonl"));
    Path target = dir.resolve("shared/aar/db.html");
    Outcome o = drill("report", journal.toString(), "--html", "-o", target.toString());
    assertEquals(0, o.exit(), o.err());
    assertEquals(target.toString(), o.out().strip());
    assertTrue(Files.readString(target).contains("<meta http-equiv=\"Content-Security-Policy\""));
    assertFalse(Files.exists(dir.resolve("runs/db/report.html")));
  }

  @Test
  void theHtmlReportNeverWritesOverItsJournal() throws IOException {
    Path journal = killedRun(dir.resolve("runs/db/journal.jsonl"));
    byte[] before = Files.readAllBytes(journal);
    Outcome o = drill("report", journal.toString(), "--html", "-o", journal.toString());
    assertEquals(Main.USAGE, o.exit());
    assertTrue(o.err().contains("the report would overwrite its journal"), o.err());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(journal)), "the journal is unchanged");
  }

  @Test
  void neverWritesOverItsJournal() throws IOException {
    Path journal = killedRun(dir.resolve("journal.jsonl"));
    String before = Files.readString(journal);
    Outcome o = drill("report", journal.toString(), "-o", journal.toString());
    assertEquals(2, o.exit());
    assertEquals(before, Files.readString(journal));
  }

  @Test
  void unreadableLinesAreSkippedAndCounted() throws IOException {
    Path journal = killedRun(dir.resolve("journal.jsonl"));
    Files.writeString(journal, "garbage\n{\"at\":\"2026-11-20T14:04:00Z\",\"ev", StandardOpenOption.APPEND);
    Outcome o = drill("report", journal.toString());
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().contains("2 unreadable lines skipped (line 8: not JSON"), o.err());
    assertTrue(o.err().contains("line 9: cut short"), o.err());
    assertTrue(Files.readString(dir.resolve("report.md")).contains("> The journal had 2 unreadable lines"));
  }

  @Test
  void aMissingJournalIsAUsageError() {
    Outcome o = drill("report", dir.resolve("nope.jsonl").toString());
    assertEquals(2, o.exit());
    assertTrue(o.err().startsWith("drill report: no such journal: "), o.err());
  }

  @Test
  void aFileThatIsNotAJournalIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    Outcome o = drill("report", file.toString());
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("is not a drill journal: no 'run-started' event"), o.err());
    Outcome empty = drill("report", Files.writeString(dir.resolve("empty.jsonl"), "").toString());
    assertEquals(2, empty.exit());
  }
}
