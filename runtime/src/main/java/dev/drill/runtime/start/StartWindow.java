package dev.drill.runtime.start;

import dev.drill.runtime.journal.UnannouncedStart;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * When an unannounced drill may start: from {@code from} (inclusive) to {@code to}
 * (exclusive), outside the daily blackouts, which are local times in {@code zone}. The
 * moment is drawn uniformly over what is left, to the millisecond, from a seed, so that a
 * run can be replayed.
 */
public record StartWindow(Instant from, Instant to, List<ClockRange> blackouts, ZoneId zone) {

  public StartWindow {
    blackouts = List.copyOf(blackouts);
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a start window must end after it starts: " + from + " " + to);
    }
  }

  /** A stretch of time {@code [from, to)} in epoch milliseconds. */
  record Span(long from, long to) {
    long length() {
      return to - from;
    }
  }

  /** From now for that long ({@code --start-within}). */
  public static StartWindow within(Duration length, Instant now, List<ClockRange> blackouts, ZoneId zone) {
    return new StartWindow(now, now.plus(length), blackouts, zone);
  }

  /**
   * The next occurrence of the daily hours ({@code --start-between}): the one under way
   * from now to its end, else the next to begin.
   */
  public static StartWindow between(ClockRange hours, Instant now, List<ClockRange> blackouts, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    for (LocalDate day = today.minusDays(1); ; day = day.plusDays(1)) {
      Instant start = ZonedDateTime.of(day, hours.from(), zone).toInstant();
      Instant end = hours.endOn(day, zone).toInstant();
      if (now.isBefore(end)) {
        return new StartWindow(now.isAfter(start) ? now : start, end, blackouts, zone);
      }
    }
  }

  /** The moment the seed picks; empty when the blackouts cover the whole window. */
  public Optional<Instant> choose(long seed) {
    List<Span> allowed = allowed();
    long total = allowed.stream().mapToLong(Span::length).sum();
    if (total <= 0) {
      return Optional.empty();
    }
    long offset = new SplittableRandom(seed).nextLong(total);
    for (Span span : allowed) {
      if (offset < span.length()) {
        return Optional.of(Instant.ofEpochMilli(span.from() + offset));
      }
      offset -= span.length();
    }
    throw new IllegalStateException("an offset past the allowed time");
  }

  /** The window, in the local zone, and its blackouts, in words. */
  public String describe() {
    return UnannouncedStart.describe(from, to, blackouts.stream().map(ClockRange::toString).toList(), zone);
  }

  /** The window less the blackouts, in order. */
  List<Span> allowed() {
    List<Span> left = List.of(new Span(from.toEpochMilli(), to.toEpochMilli()));
    for (Span blackout : blackoutSpans()) {
      List<Span> next = new ArrayList<>();
      for (Span s : left) {
        if (blackout.to() <= s.from() || blackout.from() >= s.to()) {
          next.add(s);
          continue;
        }
        if (blackout.from() > s.from()) {
          next.add(new Span(s.from(), blackout.from()));
        }
        if (blackout.to() < s.to()) {
          next.add(new Span(blackout.to(), s.to()));
        }
      }
      left = next;
    }
    return left;
  }

  /** Every occurrence of every blackout that may touch the window (one from the day before, for midnight). */
  List<Span> blackoutSpans() {
    List<Span> spans = new ArrayList<>();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      for (ClockRange b : blackouts) {
        // A blackout in the hour a clock change repeats covers both: the earliest start, the latest end.
        ZonedDateTime start = ZonedDateTime.of(day, b.from(), zone).withEarlierOffsetAtOverlap();
        spans.add(new Span(start.toInstant().toEpochMilli(), b.endOn(day, zone).toInstant().toEpochMilli()));
      }
    }
    return spans;
  }
}
