package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalContents;
import dev.drill.runtime.journal.JournalReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoteCommandTest {

  @TempDir Path dir;

  @Test
  void addsANoteThatTheReportShows() throws IOException {
    Path journal = ReportCommandTest.killedRun(dir.resolve("journal.jsonl"));
    ReportCommandTest.Outcome o = ReportCommandTest.drill("note", journal.toString(), "the page went to the <old> rota");
    assertEquals(0, o.exit(), o.err());
    JournalContents read = JournalReader.read(journal);
    JournalEvent note = read.events().get(read.events().size() - 1);
    assertEquals("note", note.event());
    assertEquals("the page went to the <old> rota", note.facts().get("text"));
    assertEquals("drill note", note.facts().get("by"));
    ReportCommandTest.drill("report", journal.toString());
    assertTrue(Files.readString(dir.resolve("report.md")).contains("drill note: the page went to the \\<old\\> rota"));
  }

  @Test
  void severalWordsMakeOneNote() throws IOException {
    Path journal = ReportCommandTest.killedRun(dir.resolve("journal.jsonl"));
    assertEquals(0, ReportCommandTest.drill("note", journal.toString(), "slow", "to", "page").exit());
    JournalContents read = JournalReader.read(journal);
    assertEquals("slow to page", read.events().get(read.events().size() - 1).facts().get("text"));
  }

  @Test
  void refusesAMissingJournalWithoutCreatingIt() {
    Path journal = dir.resolve("nope.jsonl");
    ReportCommandTest.Outcome o = ReportCommandTest.drill("note", journal.toString(), "hello");
    assertEquals(2, o.exit());
    assertEquals("drill note: no such journal: " + journal + "\n", o.err());
    assertFalse(Files.exists(journal));
  }

  @Test
  void refusesAFileThatDoesNotStartWithRunStarted() throws IOException {
    Path file = Files.writeString(dir.resolve("x.jsonl"), "{\"at\":\"2026-11-20T14:03:00Z\",\"event\":\"note\"}\n");
    ReportCommandTest.Outcome o = ReportCommandTest.drill("note", file.toString(), "hello");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("is not a drill journal: it starts with a 'note' event, not 'run-started'"), o.err());
    assertEquals(1, Files.readAllLines(file).size());
  }

  @Test
  void refusesAnEmptyNote() throws IOException {
    Path journal = ReportCommandTest.killedRun(dir.resolve("journal.jsonl"));
    ReportCommandTest.Outcome o = ReportCommandTest.drill("note", journal.toString(), "  ");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("the note is empty"), o.err());
  }
}
