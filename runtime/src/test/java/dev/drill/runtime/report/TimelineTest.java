package dev.drill.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.JournalEvent;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every event has its place on the timeline (or is left off on purpose); one of a later version is left off. */
class TimelineTest {

  private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void everyEventIsPlacedEvenWithoutItsFacts() {
    for (Event event : Event.values()) {
      Timeline.describe(JournalEvent.of(AT, event.wireName()));
    }
  }

  @Test
  void anEventOfALaterVersionIsLeftOff() {
    assertEquals(Optional.empty(), Timeline.describe(JournalEvent.of(AT, "board-opened", "by", "someone")));
  }
}
