package dev.drill.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner killed with SIGKILL in the middle of writing leaves a journal readable up to its last event. */
class KilledRunnerTest {

  @TempDir Path dir;

  @Test
  void aJournalSurvivesKillNine() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), JournalWriterProcess.class.getName(), file.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("runner.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while ((!Files.exists(file) || Files.size(file) < 2_000_000) && System.nanoTime() < deadline) {
        assertTrue(runner.isAlive(), () -> "the writer stopped: " + read(dir.resolve("runner.log")));
        Thread.sleep(5);
      }
    } finally {
      runner.destroyForcibly();
      runner.waitFor(10, TimeUnit.SECONDS);
    }
    JournalContents read = JournalReader.read(file);
    assertTrue(read.events().size() > 50, "events: " + read.events().size());
    assertTrue(read.skipped() <= 1, read.describeSkipped());
    read.unreadable().forEach(u -> assertTrue(u.reason().startsWith("cut short"), u.toString()));
    List<JournalEvent> events = read.events();
    for (int i = 1; i < events.size(); i++) {
      assertEquals("s" + i, events.get(i).facts().get("id"), "no event lost before the last one");
    }

    JournalNotes.append(file, "after the kill", JournalNotes.BY_DRILL_NOTE, Instant.parse("2026-11-20T15:00:00Z"));
    JournalContents after = JournalReader.read(file);
    assertEquals("after the kill", after.events().get(after.events().size() - 1).facts().get("text"));
    assertEquals(events.size() + 1, after.events().size());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
