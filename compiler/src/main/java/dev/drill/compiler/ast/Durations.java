package dev.drill.compiler.ast;

import java.time.Duration;
import java.util.Optional;

/** Duration literals: number-unit pairs such as {@code 90s}, {@code 1h30m}, {@code 14d}. */
public final class Durations {

  private Durations() {}

  /** The duration, or empty when the text is not one or does not fit in a Duration. */
  public static Optional<Duration> parse(String text) {
    return dev.drill.plan.PlanText.parseDuration(text);
  }

  /** The shortest literal for a duration: {@code 1h30m}, {@code 14d}, {@code 500ms}. */
  public static String format(Duration duration) {
    return dev.drill.plan.PlanText.duration(duration);
  }
}
