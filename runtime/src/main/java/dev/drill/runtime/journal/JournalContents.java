package dev.drill.runtime.journal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link JournalReader} found in a journal: its events in file order, and the lines
 * it could not read (blank lines are neither).
 */
public record JournalContents(List<JournalEvent> events, List<Unreadable> unreadable) {

  public JournalContents {
    events = List.copyOf(events);
    unreadable = List.copyOf(unreadable);
  }

  /** A line that is not an event, by its 1-based number, and why. */
  public record Unreadable(int line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  /** How many lines were skipped. */
  public int skipped() {
    return unreadable.size();
  }

  /** The skipped lines in words, such as {@code 1 unreadable line skipped (line 9: cut short ...)}; empty when none. */
  public String describeSkipped() {
    if (unreadable.isEmpty()) {
      return "";
    }
    String count = unreadable.size() == 1 ? "1 unreadable line skipped" : unreadable.size() + " unreadable lines skipped";
    return count + " (" + unreadable.stream().limit(5).map(Unreadable::toString).collect(Collectors.joining("; "))
        + (unreadable.size() > 5 ? "; ..." : "") + ")";
  }
}
