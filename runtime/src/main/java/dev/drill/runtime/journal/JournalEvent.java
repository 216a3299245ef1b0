package dev.drill.runtime.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of the journal as it is written and read: when, the event's name, and its facts
 * by name, in order. The journal is JSON Lines, one event per line: {@code {"at":
 * "2026-11-24T10:00:03.120Z", "event": "step-ended", "id": "restart", "ok": true, ...}}.
 * Every text in it has been redacted.
 *
 * <p>The events and their facts are {@link Event} and {@link Fact}; {@link Recorder} writes
 * them. A journal read back may hold events and facts this version does not know: the name
 * and the facts stay as read, {@link #kind()} is empty for such an event, and a fact of
 * another type reads as absent.
 */
public record JournalEvent(Instant at, String event, Map<String, Object> facts) {

  public JournalEvent {
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /**
   * An event given as it would be read from a file: facts as name, value, name, value, ...
   * in the order they are written (a fact whose value is null is left out). For journals
   * written by hand in tests, and for whatever a version of drill may have written.
   */
  public static JournalEvent of(Instant at, String event, Object... facts) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < facts.length; i += 2) {
      if (facts[i + 1] != null) {
        map.put((String) facts[i], facts[i + 1]);
      }
    }
    return new JournalEvent(at, event, map);
  }

  /** Which event this is; empty for one this version of drill does not know. */
  public Optional<Event> kind() {
    return Event.named(event);
  }

  public boolean is(Event kind) {
    return event.equals(kind.wireName());
  }

  /** The fact, when the event has it with a value of its type. */
  public <T> Optional<T> get(Fact<T> fact) {
    return fact.read(facts.get(fact.wireName()));
  }

  /** The fact shown as text, whatever its type: a text, a number or {@code true}/{@code false}. */
  public Optional<String> text(Fact<?> fact) {
    Object value = facts.get(fact.wireName());
    return value instanceof String || value instanceof Number || value instanceof Boolean
        ? Optional.of(value.toString()) : Optional.empty();
  }
}
