package dev.drill.runtime.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The law of an unannounced start: the moment is in the window, outside every blackout, and the seed decides it. */
class StartWindowProperties {

  @Property(tries = 500)
  void theMomentIsInTheWindowAndOutsideEveryBlackout(
      @ForAll("instants") Instant now, @ForAll @IntRange(min = 1, max = 72 * 60) int minutes,
      @ForAll("blackouts") List<ClockRange> blackouts, @ForAll("zones") ZoneId zone,
      @ForAll long seed) {
    StartWindow window = StartWindow.within(Duration.ofMinutes(minutes), now, blackouts, zone);
    Optional<Instant> moment = window.choose(seed);
    assertEquals(moment, window.choose(seed), "the same seed, the same moment");
    if (moment.isEmpty()) {
      assertTrue(window.allowed().isEmpty(), "no moment only when nothing is left");
      return;
    }
    Instant at = moment.get();
    assertFalse(at.isBefore(now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)), at + " before " + now);
    assertTrue(at.isBefore(window.to()), at + " not before " + window.to());
    LocalTime local = at.atZone(zone).toLocalTime();
    for (ClockRange b : blackouts) {
      assertFalse(b.contains(local), at + " (" + local + " in " + zone + ") is in the blackout " + b);
    }
  }

  @Property(tries = 200)
  void theNextHoursAreNeverPastAndNeverLongerThanTheHours(
      @ForAll("instants") Instant now, @ForAll("ranges") ClockRange hours, @ForAll("zones") ZoneId zone) {
    StartWindow window = StartWindow.between(hours, now, List.of(), zone);
    assertFalse(window.from().isBefore(now));
    assertTrue(Duration.between(window.from(), window.to()).compareTo(Duration.ofHours(26)) < 0);
    // (A start in an hour a clock change skips moves past it: the law is for zones without one.)
    assertTrue(!zone.getRules().isFixedOffset() || hours.contains(window.from().atZone(zone).toLocalTime().withNano(0).withSecond(0)),
        window.from().atZone(zone) + " outside " + hours);
  }

  @Provide
  Arbitrary<Instant> instants() {
    // 2026 and 2027, clock changes included, to the millisecond and beyond.
    return Arbitraries.longs().between(1_767_225_600_000_000L, 1_830_297_600_000_000L)
        .map(micros -> Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000));
  }

  @Provide
  Arbitrary<ClockRange> ranges() {
    Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 4 - 1).map(q -> LocalTime.of(q / 4, q % 4 * 15));
    return Combinators.combine(times, times).as((a, b) -> a.equals(b) ? null : new ClockRange(a, b))
        .filter(r -> r != null);
  }

  @Provide
  Arbitrary<List<ClockRange>> blackouts() {
    return ranges().list().ofMaxSize(4);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZoneId.of("UTC"), ZoneId.of("Europe/Paris"), ZoneId.of("America/New_York"),
        ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("+05:30"));
  }
}
