package dev.drill.runtime.journal;

/** A place for a fact in an {@link Event}: the fact itself (always there), or one the event may leave out. */
sealed interface Slot permits Fact, Slot.Maybe {

  Fact<?> fact();

  boolean optional();

  /** A fact the event leaves out when it has no value (docs/journal.md shows it in italics). */
  static Slot maybe(Fact<?> fact) {
    return new Maybe(fact);
  }

  record Maybe(Fact<?> fact) implements Slot {
    @Override
    public boolean optional() {
      return true;
    }
  }
}
