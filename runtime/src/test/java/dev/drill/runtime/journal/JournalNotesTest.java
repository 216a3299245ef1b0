package dev.drill.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalNotesTest {

  private static final Instant T = Instant.parse("2026-11-20T14:03:00Z");

  @TempDir Path dir;

  @Test
  void appendsANoteAfterTheRunnersEvents() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    try (JsonlJournal journal = JsonlJournal.create(file)) {
      journal.record(JournalEvent.of(T, "run-started", "drill", "x"));
      JournalNotes.append(file, "the alert went to the wrong channel", JournalNotes.BY_DRILL_NOTE, T.plusSeconds(30));
      journal.record(JournalEvent.of(T.plusSeconds(31), "fault-active"));
    }
    JournalContents read = JournalReader.read(file);
    assertEquals(0, read.skipped());
    assertEquals(3, read.events().size());
    JournalEvent note = read.events().get(1);
    assertEquals("note", note.event());
    assertEquals(T.plusSeconds(30), note.at());
    assertEquals("the alert went to the wrong channel", note.facts().get("text"));
    assertEquals("drill note", note.facts().get("by"));
  }

  @Test
  void refusesAMissingFileAndNeverCreatesIt() {
    Path file = dir.resolve("nope.jsonl");
    assertThrows(NoSuchFileException.class, () -> JournalNotes.append(file, "x", "drill note", T));
    assertFalse(Files.exists(file));
  }

  @Test
  void refusesAFileThatIsNotAJournal() throws IOException {
    Path file = dir.resolve("other.jsonl");
    Files.writeString(file, "{\"at\":\"2026-11-20T14:03:00Z\",\"event\":\"note\"}\n");
    JournalFormatException e = assertThrows(JournalFormatException.class,
        () -> JournalNotes.append(file, "x", "drill note", T));
    assertTrue(e.getMessage().contains("not a drill journal"), e.getMessage());
    Files.writeString(file, "");
    assertThrows(JournalFormatException.class, () -> JournalNotes.append(file, "x", "drill note", T));
    Files.writeString(file, "# a markdown file\n");
    assertThrows(JournalFormatException.class, () -> JournalNotes.append(file, "x", "drill note", T));
    assertEquals("# a markdown file\n", Files.readString(file));
  }
}
