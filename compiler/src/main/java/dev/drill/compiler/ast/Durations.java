package dev.drill.compiler.ast;

import java.time.Duration;
import java.util.Optional;

/** Duration literals: number-unit pairs such as {@code 90s}, {@code 1h30m}, {@code 14d}. */
public final class Durations {

  private Durations() {}

  /** The duration, or empty when the text is not one or does not fit in a Duration. */
  public static Optional<Duration> parse(String text) {
    Duration total = Duration.ZERO;
    int i = 0;
    try {
      while (i < text.length()) {
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        if (i == digits || i == text.length()) {
          return Optional.empty();
        }
        long amount = Long.parseLong(text, digits, i, 10);
        // "ms" before "m": 5ms is five milliseconds, never five minutes and a stray s.
        String unit = text.startsWith("ms", i) ? "ms" : text.substring(i, i + 1);
        Optional<Duration> one = unit(unit);
        if (one.isEmpty()) {
          return Optional.empty();
        }
        total = total.plus(one.get().multipliedBy(amount));
        i += unit.length();
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
    return i > 0 ? Optional.of(total) : Optional.empty();
  }

  private static Optional<Duration> unit(String unit) {
    switch (unit) {
      case "ms": return Optional.of(Duration.ofMillis(1));
      case "s": return Optional.of(Duration.ofSeconds(1));
      case "m": return Optional.of(Duration.ofMinutes(1));
      case "h": return Optional.of(Duration.ofHours(1));
      case "d": return Optional.of(Duration.ofDays(1));
      case "w": return Optional.of(Duration.ofDays(7));
      default: return Optional.empty();
    }
  }

  /** The shortest literal for a duration: {@code 1h30m}, {@code 14d}, {@code 500ms}. */
  public static String format(Duration duration) {
    return dev.drill.plan.PlanText.duration(duration);
  }
}
