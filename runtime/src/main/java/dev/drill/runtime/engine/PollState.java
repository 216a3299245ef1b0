package dev.drill.runtime.engine;

import dev.drill.plan.Polling;
import dev.drill.runtime.probe.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * One probe being polled: when to look next, the look that is out (each probe is looked at
 * on its own, so a slow one holds up no other), whether it holds, since when, and whether
 * it has held long enough ({@code for}) to count. It counts from the first look that held.
 */
final class PollState {

  private final Polling polling;
  private Instant next;
  private Optional<Instant> holdingSince = Optional.empty();
  private Optional<Observation> last = Optional.empty();
  private Optional<Instant> metAt = Optional.empty();
  private Optional<Future<Look>> out = Optional.empty();

  PollState(Polling polling, Instant first) {
    this.polling = polling;
    this.next = first;
  }

  /** What one look saw, when it was asked, and when it answered. */
  record Look(Observation observation, Instant asked, Instant answered) {}

  /**
   * When this needs its next look: empty once the condition is met, and while a look is
   * out (its answer wakes the run).
   */
  Optional<Instant> nextLook() {
    return metAt.isEmpty() && out.isEmpty() ? Optional.of(next) : Optional.empty();
  }

  boolean due(Instant now) {
    return metAt.isEmpty() && out.isEmpty() && !now.isBefore(next);
  }

  boolean looking() {
    return out.isPresent();
  }

  void lookingWith(Future<Look> look) {
    out = Optional.of(look);
  }

  /** The look that was out, once it has answered; it is then no longer out. */
  Optional<Future<Look>> answered() {
    if (out.isEmpty() || !out.get().isDone()) {
      return Optional.empty();
    }
    Optional<Future<Look>> done = out;
    out = Optional.empty();
    return done;
  }

  /** Calls back a look that is out: nobody waits for its answer any more. */
  void stopLooking() {
    out.ifPresent(look -> look.cancel(true));
    out = Optional.empty();
  }

  /**
   * Takes a look asked at {@code asked} that answered at {@code answered}: the next look is
   * due a period after this one was due; holding counts from the answer. Returns true when
   * the result differs from the last one (worth a journal line).
   */
  boolean update(Observation observation, Instant asked, Instant answered) {
    boolean changed = last.isEmpty() || last.get().holds() != observation.holds()
        || !last.get().detail().equals(observation.detail());
    last = Optional.of(observation);
    // At a fixed rate: due a period after this look was due, so that signals of one period
    // stay in step and the rhythm never drifts; a look asked a period late or more is
    // followed a period after it was asked.
    Instant scheduled = next.plus(polling.every());
    next = scheduled.isAfter(asked) ? scheduled : asked.plus(polling.every());
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
