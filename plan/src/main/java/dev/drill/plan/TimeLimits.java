package dev.drill.plan;

import java.time.Duration;

/**
 * The bounds of every duration in a drill, held by the compiler ({@code D307}, {@code D308})
 * and by {@link PlanValidator}, so a plan the runtime accepts never overflows a clock or
 * floods what it probes.
 */
public final class TimeLimits {

  /** The longest any duration may be: a year (of 366 days), enough for a yearly cadence. */
  public static final Duration MAX_DURATION = Duration.ofDays(366);

  /** The shortest a probe may be polled: its {@code every} and its {@code timeout}. */
  public static final Duration MIN_POLLING = Duration.ofMillis(100);

  private TimeLimits() {}
}
