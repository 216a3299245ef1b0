package dev.drill.runtime.engine;

import dev.drill.plan.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended ({@link RunResult.Outcome}: passed, failed or aborted, the one outcome of
 * a run in drill: the journal's, the report's and the run result's), why, and its two
 * headline times; {@code internalError} when a bug in drill stopped it (it was rolled back
 * all the same).
 */
public record RunOutcome(
    RunResult.Outcome outcome, List<String> reasons, Optional<Duration> timeToDetect,
    Optional<Duration> timeToRecover, Optional<String> internalError) {

  public RunOutcome {
    reasons = List.copyOf(reasons);
  }
}
