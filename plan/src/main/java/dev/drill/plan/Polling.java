package dev.drill.plan;

import java.time.Duration;
import java.util.Optional;

/**
 * How a probe is polled: every {@code every}, each attempt cut off after {@code timeout};
 * with {@code holdFor}, the probe must hold continuously that long to count.
 */
public record Polling(Duration every, Duration timeout, Optional<Duration> holdFor) {

  public static final Duration DEFAULT_EVERY = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
}
