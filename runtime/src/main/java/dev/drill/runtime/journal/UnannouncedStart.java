package dev.drill.runtime.journal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What a journal says of an unannounced start ({@code armed}, {@code unannounced-start},
 * {@code disarmed}): the window and blackouts it was armed for, and, once the moment came,
 * when it was and the seed that drew it; or why it was disarmed before.
 */
public record UnannouncedStart(
    Instant from, Instant until, String zone, List<String> blackouts, Optional<Instant> startedAt,
    Optional<Long> seed, Optional<String> disarmed) {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public UnannouncedStart {
    blackouts = List.copyOf(blackouts);
  }

  /** The unannounced start in a run's events; empty when the run was not armed. */
  public static Optional<UnannouncedStart> in(List<JournalEvent> events) {
    Optional<JournalEvent> armed = events.stream().filter(e -> e.is(Event.ARMED)).findFirst();
    if (armed.isEmpty() || armed.get().get(Fact.FROM).isEmpty() || armed.get().get(Fact.UNTIL).isEmpty()) {
      return Optional.empty();
    }
    Optional<JournalEvent> start = events.stream().filter(e -> e.is(Event.UNANNOUNCED_START)).findFirst();
    Optional<JournalEvent> disarmed = events.stream().filter(e -> e.is(Event.DISARMED)).findFirst();
    return Optional.of(new UnannouncedStart(armed.get().get(Fact.FROM).get(), armed.get().get(Fact.UNTIL).get(),
        armed.get().text(Fact.ZONE).orElse("UTC"), armed.get().get(Fact.BLACKOUTS).orElse(List.of()),
        start.map(JournalEvent::at), start.flatMap(e -> e.get(Fact.SEED)), disarmed.flatMap(e -> e.text(Fact.REASON))));
  }

  /** The window in local time, such as {@code between 2026-12-01 10:30 and 12:00 (Europe/Paris), not during 11:00-11:15}. */
  public String window() {
    return describe(from, until, blackouts, zoneId());
  }

  /** A window in words, in its local time zone. */
  public static String describe(Instant from, Instant until, List<String> blackouts, ZoneId zone) {
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = until.atZone(zone);
    String endShown = end.toLocalDate().equals(start.toLocalDate())
        ? end.toLocalTime().withSecond(0).withNano(0).toString() : SHOWN.format(end);
    return "between " + SHOWN.format(start) + " and " + endShown + " (" + zone.getId() + ")"
        + (blackouts.isEmpty() ? "" : ", not during " + String.join(", ", blackouts));
  }

  private ZoneId zoneId() {
    try {
      return ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
