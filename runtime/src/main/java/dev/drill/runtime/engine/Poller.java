package dev.drill.runtime.engine;

import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.ProbeRole;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Polls probes: sends out the looks that are due, each on a worker of its own (a slow probe
 * never holds up the others' looks), takes in their answers, and records a probe's first
 * result and every change. Never waits; says when the run should wake for the next look, and
 * when polling against a deadline is over, with a short grace for a look asked in time.
 */
final class Poller {

  /** The longest sleep while only a look's answer is awaited; the answer wakes the run sooner. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(1);
  /** How long past a deadline a look asked before it may still answer and count. */
  private static final Duration LATE_ANSWER = Duration.ofSeconds(1);

  /** A probe being polled, as the journal names it, with its state. */
  record Poll(ProbeRole role, String id, Probe probe, Polling polling, PollState state) {}

  private final ProbeRunner probes;
  private final Workers workers;
  private final Clock clock;
  private final Bindings bindings;
  private final Recorder recorder;

  Poller(ProbeRunner probes, Workers workers, Clock clock, Bindings bindings, Recorder recorder) {
    this.probes = probes;
    this.workers = workers;
    this.clock = clock;
    this.bindings = bindings;
    this.recorder = recorder;
  }

  /**
   * Takes in the looks that have answered and sends out those that are due before the
   * deadline. A look that answers wakes the run (on a same-thread executor it has answered
   * at once).
   */
  void pollDue(List<Poll> polls, Instant deadline) throws InterruptedException {
    for (Poll poll : polls) {
      takeInAnswer(poll);
      if (poll.state().due(clock.now()) && clock.now().isBefore(deadline)) {
        poll.state().lookingWith(workers.submit(() -> {
          Instant asked = clock.now();
          Observation seen = probes.observe(poll.probe(), poll.polling().timeout());
          return new PollState.Look(seen, asked, clock.now());
        }));
        takeInAnswer(poll);
      }
    }
  }

  private void takeInAnswer(Poll poll) throws InterruptedException {
    Optional<Future<PollState.Look>> answered = poll.state().answered();
    if (answered.isEmpty()) {
      return;
    }
    PollState.Look look;
    try {
      look = answered.get().get();
    } catch (ExecutionException e) {
      Instant now = clock.now();
      look = new PollState.Look(new Observation(false, "probe failed: " + e.getCause()), now, now);
    }
    Observation seen = new Observation(look.observation().holds(), bindings.redact(look.observation().detail()));
    if (poll.state().update(seen, look.asked(), look.answered())) {
      recorder.probe(poll.role(), poll.id(), seen.holds(), seen.detail());
    }
  }

  /**
   * Whether polling against {@code deadline} is over: the deadline has come and no look
   * asked before it is still out, or the grace for their answers has ended too. So a
   * phase ends at its budget whatever its probes' options: no look is sent after the
   * deadline, and none is waited for long past it.
   */
  boolean over(Instant deadline, Collection<PollState> states) {
    Instant now = clock.now();
    return !now.isBefore(deadline)
        && (states.stream().noneMatch(PollState::looking) || !now.isBefore(deadline.plus(LATE_ANSWER)));
  }

  /**
   * When to wake for the next look: at {@code wake}. Past the deadline (reached while a
   * look asked in time is still out, which is let answer briefly), until that look answers
   * and wakes the run, or the grace for late answers ends.
   */
  Instant wakeForLooks(Instant wake, Instant deadline) {
    Instant now = clock.now();
    if (!now.isBefore(deadline)) {
      return deadline.plus(LATE_ANSWER);
    }
    return wake.isAfter(now) ? wake : now.plus(ANSWER_WAIT);
  }

  /** The soonest next look of these polls, or {@code bound} when none is sooner. */
  static Instant nextLook(Collection<PollState> states, Instant bound) {
    Instant next = bound;
    for (PollState state : states) {
      Optional<Instant> look = state.nextLook();
      if (look.isPresent() && look.get().isBefore(next)) {
        next = look.get();
      }
    }
    return next;
  }
}
