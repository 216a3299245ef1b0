package dev.drill.runtime.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start window as an armer sees it: the next occurrence of the hours, blackouts in local time. */
class StartWindowTest {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  // 09:00 in Paris.
  static final Instant NINE = Instant.parse("2026-12-01T08:00:00Z");

  static ClockRange range(String text) {
    return ClockRange.parse(text).orElseThrow();
  }

  @Test
  void hoursLaterTodayAreTodays() {
    StartWindow w = StartWindow.between(range("10:30-12:00"), NINE, List.of(), PARIS);
    assertEquals(Instant.parse("2026-12-01T09:30:00Z"), w.from());
    assertEquals(Instant.parse("2026-12-01T11:00:00Z"), w.to());
    assertEquals("between 2026-12-01 10:30 and 12:00 (Europe/Paris)", w.describe());
  }

  @Test
  void insideTheHoursTheWindowRunsFromNowToTheirEnd() {
    StartWindow w = StartWindow.between(range("08:30-10:00"), NINE, List.of(), PARIS);
    assertEquals(NINE, w.from());
    assertEquals(Instant.parse("2026-12-01T09:00:00Z"), w.to());
  }

  @Test
  void hoursGoneTodayAreTomorrows() {
    StartWindow w = StartWindow.between(range("07:00-08:00"), NINE, List.of(), PARIS);
    assertEquals(Instant.parse("2026-12-02T06:00:00Z"), w.from());
  }

  @Test
  void hoursAcrossMidnightStartedYesterdayAreUnderWay() {
    Instant oneAm = Instant.parse("2026-12-01T00:00:00Z");
    StartWindow w = StartWindow.between(range("23:00-02:00"), oneAm, List.of(), PARIS);
    assertEquals(oneAm, w.from());
    assertEquals(Instant.parse("2026-12-01T01:00:00Z"), w.to());
  }

  @Test
  void aBlackoutAcrossMidnightLeavesOnlyTheDay() {
    // 20:00 to 08:00 the next day, blacked out 22:00-07:00: 20:00-22:00 and 07:00-08:00 remain.
    Instant eight = Instant.parse("2026-12-01T19:00:00Z");
    StartWindow w = StartWindow.within(Duration.ofHours(12), eight, List.of(range("22:00-07:00")), PARIS);
    assertEquals(List.of(new StartWindow.Span(eight.toEpochMilli(), Instant.parse("2026-12-01T21:00:00Z").toEpochMilli()),
        new StartWindow.Span(Instant.parse("2026-12-02T06:00:00Z").toEpochMilli(),
            Instant.parse("2026-12-02T07:00:00Z").toEpochMilli())), w.allowed());
    for (long seed = 0; seed < 200; seed++) {
      LocalTime local = w.choose(seed).orElseThrow().atZone(PARIS).toLocalTime();
      assertTrue(!range("22:00-07:00").contains(local), local.toString());
    }
  }

  @Test
  void aWindowAllBlackedOutHasNoMoment() {
    StartWindow w = StartWindow.between(range("10:30-12:00"), NINE, List.of(range("10:00-11:00"),
        range("11:00-13:00")), PARIS);
    assertEquals(Optional.empty(), w.choose(1));
    assertEquals("between 2026-12-01 10:30 and 12:00 (Europe/Paris), not during 10:00-11:00, 11:00-13:00",
        w.describe());
  }

  @Test
  void rangesAreReadAsHoursAndMinutes() {
    assertEquals(Optional.of(new ClockRange(LocalTime.of(9, 5), LocalTime.of(17, 0))), ClockRange.parse("9:05-17:00"));
    assertEquals(Optional.empty(), ClockRange.parse("25:00-26:00"));
    assertEquals(Optional.empty(), ClockRange.parse("10:00-10:00"));
    assertEquals(Optional.empty(), ClockRange.parse("10-12"));
  }
}
