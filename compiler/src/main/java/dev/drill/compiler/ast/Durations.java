package dev.drill.compiler.ast;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Duration literals: number-unit pairs such as {@code 90s}, {@code 1h30m}, {@code 14d}. */
public final class Durations {

  private static final Pattern PAIR = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  private Durations() {}

  /** The duration, or empty when the text is not one or does not fit in a Duration. */
  public static Optional<Duration> parse(String text) {
    Matcher m = PAIR.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    try {
      while (m.lookingAt()) {
        long amount = Long.parseLong(m.group(1));
        total = total.plus(unit(m.group(2)).multipliedBy(amount));
        end = m.end();
        m.region(end, text.length());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
    return end == text.length() && end > 0 ? Optional.of(total) : Optional.empty();
  }

  private static Duration unit(String unit) {
    switch (unit) {
      case "ms": return Duration.ofMillis(1);
      case "s": return Duration.ofSeconds(1);
      case "m": return Duration.ofMinutes(1);
      case "h": return Duration.ofHours(1);
      case "d": return Duration.ofDays(1);
      case "w": return Duration.ofDays(7);
      default: throw new IllegalArgumentException(unit);
    }
  }

  /** The shortest literal for a duration: {@code 1h30m}, {@code 14d}, {@code 500ms}. */
  public static String format(Duration duration) {
    return dev.drill.plan.PlanText.duration(duration);
  }
}
