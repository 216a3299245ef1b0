package dev.drill.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file far larger than any journal is refused before it is read whole (it would fill the heap). */
class JournalReaderTest {

  @Test
  void aThreeGigabyteFileIsRefusedUnread(@TempDir Path dir) throws IOException {
    Path journal = dir.resolve("journal.jsonl");
    try (RandomAccessFile file = new RandomAccessFile(journal.toFile(), "rw")) {
      file.setLength(3L * 1024 * 1024 * 1024);
    }
    String expected = journal + " is larger than a journal can be (64 MiB)";
    assertEquals(expected, assertThrows(IOException.class, () -> JournalReader.read(journal)).getMessage());
    assertEquals(expected, assertThrows(IOException.class, () -> JournalReader.first(journal)).getMessage());
  }
}
