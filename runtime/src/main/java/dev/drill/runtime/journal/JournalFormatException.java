package dev.drill.runtime.journal;

/** A file that is not a drill journal: empty, or not starting with a {@code run-started} event. */
public final class JournalFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  public JournalFormatException(String message) {
    super(message);
  }
}
