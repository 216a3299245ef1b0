package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
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

final class NoteCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("note",
            "Add an observer's note to a run's journal, from a second terminal while the drill"
                + " runs (or afterwards). The note is timed now and shows in the report's notes and"
                + " timeline.",
            "",
            "Example: drill note drill-runs/x/2026-11-20T140300Z/journal.jsonl \"the page went to the old rota\"")
        .positional(Positional.one(Type.PATH, "JOURNAL", "the journal of the run (journal.jsonl)"))
        .positional(Positional.some(Type.STRING, "TEXT", "the note (several words are joined)"));
  }

  private final PrintWriter err;
  private final Path journal;
  private final List<String> words;

  NoteCommand(Values args, PrintWriter err) {
    this.err = err;
    journal = args.path("JOURNAL").orElseThrow();
    words = args.strings("TEXT");
  }

  @Override
  public Integer call() {
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
