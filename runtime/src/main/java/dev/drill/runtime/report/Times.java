package dev.drill.runtime.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Durations and times as the report shows them: {@code 1m12s}, {@code +4m05s}, {@code T+42s}. */
final class Times {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Times() {}

  /**
   * A duration in the largest units that fit: {@code 5m}, {@code 1h30m}, {@code 1m05s}, whole
   * days as {@code 14d}; below ten seconds to the tenth ({@code 4.2s}), since a drill's timings
   * are that precise, and below a second in milliseconds ({@code 420ms}): a part of a second is
   * never "0s".
   */
  static String duration(Duration duration) {
    if (duration.isNegative()) {
      String magnitude = duration(duration.negated());
      return magnitude.equals("0s") ? magnitude : "-" + magnitude;
    }
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis == 0 ? "0s" : millis + "ms";
    }
    if (millis < 10_000) {
      long tenths = millis / 100;
      return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
    }
    long seconds = millis / 1000;
    if (seconds % 86_400 == 0 && millis % 1000 == 0) {
      return seconds / 86_400 + "d";
    }
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0 || (h > 0 && s > 0)) {
      out.append(h > 0 ? String.format(Locale.ROOT, "%02d", m) : Long.toString(m)).append('m');
    }
    if (s > 0) {
      out.append(h > 0 || m > 0 ? String.format(Locale.ROOT, "%02d", s) : Long.toString(s)).append('s');
    }
    return out.toString();
  }

  /** Time since the start of the run: {@code +4m05s}. */
  static String sinceStart(Duration duration) {
    return signed(duration);
  }

  /** Time since the fault: {@code T+42s}, or {@code T-1m} before it. */
  static String sinceFault(Duration duration) {
    return "T" + signed(duration);
  }

  // A moment a few milliseconds before the reference shows as +0s, not as -0s.
  private static String signed(Duration duration) {
    String magnitude = duration(duration.abs());
    return (duration.isNegative() && !magnitude.equals("0s") ? "-" : "+") + magnitude;
  }

  static String utc(Instant instant) {
    return UTC.format(instant);
  }
}
