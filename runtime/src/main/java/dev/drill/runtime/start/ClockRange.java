package dev.drill.runtime.start;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily stretch of local time, {@code HH:MM-HH:MM}, such as a start window's hours or a
 * blackout; one whose end is before its start crosses midnight ({@code 22:00-06:00}).
 */
public record ClockRange(LocalTime from, LocalTime to) {

  private static final Pattern SHAPE = Pattern.compile("(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("H:mm");

  public ClockRange {
    if (from.equals(to)) {
      throw new IllegalArgumentException("an empty range: " + from);
    }
  }

  /** The range written {@code HH:MM-HH:MM}; empty when it is not one, or starts and ends at once. */
  public static Optional<ClockRange> parse(String text) {
    Matcher m = SHAPE.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalTime from = LocalTime.parse(m.group(1), HH_MM);
      LocalTime to = LocalTime.parse(m.group(2), HH_MM);
      return from.equals(to) ? Optional.empty() : Optional.of(new ClockRange(from, to));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether it crosses midnight. */
  public boolean crossesMidnight() {
    return to.isBefore(from);
  }

  /** The end of the occurrence that begins on that day (the next day's time, if it crosses midnight). */
  ZonedDateTime endOn(LocalDate day, ZoneId zone) {
    return ZonedDateTime.of(crossesMidnight() ? day.plusDays(1) : day, to, zone).withLaterOffsetAtOverlap();
  }

  /** Whether a local time falls in the range. */
  public boolean contains(LocalTime time) {
    return crossesMidnight() ? !time.isBefore(from) || time.isBefore(to) : !time.isBefore(from) && time.isBefore(to);
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
