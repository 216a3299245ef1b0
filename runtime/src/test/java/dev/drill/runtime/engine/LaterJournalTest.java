package dev.drill.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Plan;
import dev.drill.runtime.console.LiveLines;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalReader;
import dev.drill.runtime.report.RunReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by a later version of drill, with events and facts this one does not
 * know: every reader ignores them. The report, the live lines and what drill rollback
 * would undo are exactly those of the same journal without them.
 */
class LaterJournalTest {

  private static final Path RUNS = Path.of("src/test/resources/runs");

  @TempDir Path dir;

  /** Every line gets a fact of its own; after every line comes an event of its own, at the same time. */
  private static List<String> later(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String at = line.substring(0, line.indexOf(",\"event\""));
      out.add(line.substring(0, line.length() - 1) + ",\"severity\":{\"level\":3,\"tags\":[\"x\"]}}");
      out.add(at + ",\"event\":\"board-opened\",\"by\":\"someone\",\"phase\":\"setup\"}");
    }
    return out;
  }

  private static String live(List<JournalEvent> events, Plan plan) {
    StringWriter printed = new StringWriter();
    try (Journal live = new LiveLines(new Journal() {
      @Override
      public void record(JournalEvent event) {}

      @Override
      public void close() {}
    }, plan, new PrintWriter(printed, true))) {
      events.forEach(live::record);
    }
    return printed.toString();
  }

  @Test
  void unknownEventsAndFactsChangeNothingAnyReaderMakesOfAJournal() throws Exception {
    Plan plan = RunEngineTimingTest.timingPlan();
    for (String run : List.of("passed", "failed", "rolled-back")) {
      Path now = RUNS.resolve(run + ".journal.jsonl");
      Path later = dir.resolve(run + ".journal.jsonl");
      Files.write(later, later(Files.readAllLines(now, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
      List<JournalEvent> known = JournalReader.read(now).events();
      List<JournalEvent> unknown = JournalReader.read(later).events();
      assertEquals(2 * known.size(), unknown.size());

      assertEquals(RunReports.rebuild(now).markdown(), RunReports.rebuild(later).markdown(), run + ": the report");
      assertEquals(live(known, plan), live(unknown, plan), run + ": the live lines");
      Leftover left = Leftover.inJournal(known, plan);
      Leftover leftLater = Leftover.inJournal(unknown, plan);
      assertEquals(left.teardown(), leftLater.teardown(), run + ": the teardown left");
      assertEquals(left.undo().size(), leftLater.undo().size(), run + ": the undo left");
      assertEquals(left.ended(), leftLater.ended(), run);
    }
  }

  @Test
  void theReportOfAJournalCanBeReadBackWhateverItsFacts() throws IOException {
    Path file = dir.resolve("odd.jsonl");
    Files.writeString(file, "{\"at\":\"2026-11-20T10:00:00Z\",\"event\":\"run-started\",\"drill\":42,\"auto\":\"yes\","
        + "\"params\":[1,2],\"secrets\":\"token\",\"timeboxMs\":\"1h\",\"pid\":\"me\",\"plan\":7}\n"
        + "{\"at\":\"2026-11-20T10:00:01Z\",\"event\":\"outcome\",\"outcome\":\"cancelled\",\"reasons\":5}\n");
    RunReports.Rebuilt report = assertNoThrow(file);
    assertEquals("42", report.drill());
    assertEquals("interrupted", report.outcome(), "an outcome this version does not know is none");
  }

  private static RunReports.Rebuilt assertNoThrow(Path file) {
    try {
      RunReports.Rebuilt report = RunReports.rebuild(file);
      report.markdown();
      return report;
    } catch (Exception e) {
      throw new AssertionError("a journal with facts of unexpected types must still give a report", e);
    }
  }
}
