package dev.drill.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run ended, why, and its two headline times; {@code internalError} when a bug in
 * drill stopped it (it was rolled back all the same).
 */
public record RunOutcome(
    Outcome outcome, List<String> reasons, Optional<Duration> timeToDetect, Optional<Duration> timeToRecover,
    Optional<String> internalError) {

  public RunOutcome {
    reasons = List.copyOf(reasons);
  }

  public enum Outcome {
    PASSED,
    FAILED,
    ABORTED;

    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
