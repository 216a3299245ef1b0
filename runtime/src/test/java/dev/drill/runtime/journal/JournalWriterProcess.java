package dev.drill.runtime.journal;

import java.nio.file.Path;
import java.time.Instant;

/** A runner stand-in for {@link KilledRunnerTest}: writes events to the journal until it is killed. */
public final class JournalWriterProcess {

  private JournalWriterProcess() {}

  public static void main(String[] args) throws Exception {
    Instant t = Instant.parse("2026-11-20T14:03:00Z");
    String padding = "y".repeat(20_000);
    try (JsonlJournal journal = JsonlJournal.create(Path.of(args[0]))) {
      journal.record(JournalEvent.of(t, "run-started", "drill", "x", "environment", "staging"));
      for (long i = 1; ; i++) {
        journal.record(JournalEvent.of(t.plusMillis(i), "probe", "role", "signal", "id", "s" + i, "holds", false,
            "detail", padding));
      }
    }
  }
}
