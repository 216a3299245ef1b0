package dev.drill.runtime.journal;

import dev.drill.runtime.Bindings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adds an observer's note to a journal from outside the run, such as {@code drill note} in
 * a second terminal. The note goes in as one whole line appended to the file, so it lands
 * between the runner's events, never inside one.
 */
public final class JournalNotes {

  /** The {@code by} of notes added this way. */
  public static final String BY_DRILL_NOTE = "drill note";

  private JournalNotes() {}

  /**
   * Appends a {@link Event#NOTE} event to the journal.
   *
   * @return the event written
   * @throws java.nio.file.NoSuchFileException when there is no such file (it is never created)
   * @throws JournalFormatException when the file does not start with a {@code run-started} event
   */
  public static JournalEvent append(Path journal, String text, String by, Instant at)
      throws IOException, JournalFormatException {
    return append(journal, text, by, at, name -> null);
  }

  /**
   * As {@link #append(Path, String, String, Instant)}, with the run's secrets read from
   * {@code environment} (as the run read them) and replaced in the note: a secret pasted into
   * a note is not written either.
   */
  public static JournalEvent append(Path journal, String text, String by, Instant at,
      Function<String, String> environment) throws IOException, JournalFormatException {
    Optional<JournalEvent> first = JournalReader.first(journal);
    if (first.isEmpty()) {
      throw new JournalFormatException(journal + " is empty: not a drill journal");
    }
    if (!first.get().is(Event.RUN_STARTED)) {
      throw new JournalFormatException(journal + " is not a drill journal: it starts with a '"
          + first.get().event() + "' event, not '" + Event.RUN_STARTED.wireName() + "'");
    }
    Map<String, String> secrets = new LinkedHashMap<>();
    JournalPlan.of(first.get()).ifPresent(plan -> plan.secrets().forEach(secret -> {
      String value = environment.apply(secret.env());
      if (value != null) {
        secrets.put(secret.name(), value);
      }
    }));
    Bindings bindings = new Bindings(Map.of(), secrets);
    try (JsonlJournal file = JsonlJournal.appendTo(journal, bindings::redact)) {
      return new Recorder(file, () -> at, bindings::redact).note(text, by);
    }
  }
}
