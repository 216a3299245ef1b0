package dev.drill.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Run results built by hand for the tests. */
final class RunResults {

  private RunResults() {}

  /** A passed run with both times. */
  static RunResult passed() {
    return RunResult.of("matching-engine-crash", "sha256:0123456789abcdef", RunResult.Outcome.PASSED,
        "staging", Instant.parse("2026-11-20T14:03:00Z"), Instant.parse("2026-11-20T14:51:27Z"),
        Optional.of(Duration.ofSeconds(252)), Optional.of(Duration.ofMinutes(31).plusSeconds(5)));
  }

  /** An aborted run that never got to detection: no times. */
  static RunResult aborted() {
    return RunResult.of("matching-engine-crash", "sha256:0123456789abcdef", RunResult.Outcome.ABORTED,
        "staging", Instant.parse("2026-11-21T09:00:00.250Z"), Instant.parse("2026-11-21T09:01:00Z"),
        Optional.empty(), Optional.empty());
  }
}
