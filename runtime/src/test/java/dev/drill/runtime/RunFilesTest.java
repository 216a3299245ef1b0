package dev.drill.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a run writes: never outside the journals directory, whatever the drill's id. */
class RunFilesTest {

  @Test
  void aRunDirectoryNeverLeavesTheJournals() {
    Path journals = Path.of("/tmp/journals");
    assertEquals(Path.of("/tmp/journals/x/2026"), RunFiles.directory(journals, "x", "2026"));
    for (String id : List.of("../../x", "/abs/dir", "a/b", "..", ".", "")) {
      assertThrows(IllegalArgumentException.class, () -> RunFiles.directory(journals, id, "2026"), id);
    }
  }
}
