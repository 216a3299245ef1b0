package dev.drill.cli;

import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.journal.JournalNotes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "note",
    mixinStandardHelpOptions = true,
    description = {
      "Add an observer's note to a run's journal, from a second terminal while the drill"
          + " runs (or afterwards). The note is timed now and shows in the report's notes and"
          + " timeline.",
      "",
      "Example: drill note drill-runs/x/2026-11-20T140300Z/journal.jsonl \"the page went to the old rota\""
    })
final class NoteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "JOURNAL", description = "the journal of the run (journal.jsonl)")
  Path journal;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "the note (several words are joined)")
  List<String> words;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String text = String.join(" ", words).strip();
    if (text.isEmpty()) {
      err.println("drill note: the note is empty");
      return Main.USAGE;
    }
    try {
      JournalNotes.append(journal, text, JournalNotes.BY_DRILL_NOTE, Instant.now(), System::getenv);
    } catch (NoSuchFileException e) {
      err.println("drill note: no such journal: " + journal);
      return Main.USAGE;
    } catch (AccessDeniedException e) {
      err.println("drill note: permission denied: " + journal);
      return Main.USAGE;
    } catch (JournalFormatException e) {
      err.println("drill note: " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      err.println("drill note: cannot write to " + journal + ": " + e.getMessage());
      return Main.USAGE;
    }
    err.println("drill note: noted in " + journal);
    return Main.OK;
  }
}
