package dev.drill.runtime;

import dev.drill.plan.Polling;
import dev.drill.runtime.probe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One probe being polled: when to look next, whether it holds, since when, and whether it
 * has held long enough ({@code for}) to count. It counts from the first look that held.
 */
final class PollState {

  private final Polling polling;
  private Instant next;
  private Optional<Instant> holdingSince = Optional.empty();
  private Optional<Observation> last = Optional.empty();
  private Optional<Instant> metAt = Optional.empty();

  PollState(Polling polling, Instant first) {
    this.polling = polling;
    this.next = first;
  }

  Instant next() {
    return next;
  }

  boolean due(Instant now) {
    return metAt.isEmpty() && !now.isBefore(next);
  }

  /**
   * Takes a look asked at {@code asked} that answered at {@code answered}: the next look is
   * due a period after this one was asked; holding counts from the answer. Returns true when
   * the result differs from the last one (worth a journal line).
   */
  boolean update(Observation observation, Instant asked, Instant answered) {
    boolean changed = last.isEmpty() || last.get().holds() != observation.holds()
        || !last.get().detail().equals(observation.detail());
    last = Optional.of(observation);
    next = asked.plus(polling.every());
    if (observation.holds()) {
      Instant since = holdingSince.orElse(answered);
      holdingSince = Optional.of(since);
      Duration held = Duration.between(since, answered);
      if (polling.holdFor().map(f -> held.compareTo(f) >= 0).orElse(true)) {
        metAt = Optional.of(since);
      }
    } else {
      holdingSince = Optional.empty();
    }
    return changed;
  }

  /** When the condition began to hold, once it has held long enough. */
  Optional<Instant> metAt() {
    return metAt;
  }

  Optional<Observation> last() {
    return last;
  }
}
