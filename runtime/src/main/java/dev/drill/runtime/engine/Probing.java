package dev.drill.runtime.engine;

import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.Responder;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.ProbeRole;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Looking at one probe while the watches are serviced: once (the steady state before the
 * fault), or polled until it holds or its deadline comes (a step's verification, the steady
 * state again). A manual probe is a question for a person, asked once.
 */
final class Probing {

  private final ProbeRunner probes;
  private final Poller poller;
  private final Workers workers;
  private final Watches watches;
  private final Questions questions;
  private final Clock clock;
  private final Bindings bindings;

  Probing(ProbeRunner probes, Poller poller, Workers workers, Watches watches, Questions questions, Clock clock,
      Bindings bindings) {
    this.probes = probes;
    this.poller = poller;
    this.workers = workers;
    this.watches = watches;
    this.questions = questions;
    this.clock = clock;
    this.bindings = bindings;
  }

  /** Looks once, through the workers so the timeout is honoured. */
  Observation once(Probe probe, Polling polling) throws Abort, InterruptedException {
    Optional<String> asked = Questions.of(probe);
    if (asked.isPresent()) {
      String question = bindings.render(asked.get());
      Responder.Answer answer = watches.await(questions.ask(question)).answer();
      questions.answered(question, answer);
      return new Observation(answer.yes(), answer.yes() ? "confirmed" : "denied");
    }
    return watches.await(workers.submit(() -> probes.observe(probe, polling.timeout())));
  }

  /** Polls until the probe holds (for long enough), or the deadline: what was seen last, if anything. */
  Optional<Observation> untilHolds(ProbeRole role, String id, Probe probe, Polling polling, Instant deadline)
      throws Abort, InterruptedException {
    if (Questions.of(probe).isPresent()) {
      return Optional.of(once(probe, polling));
    }
    PollState state = new PollState(polling, clock.now());
    List<Poller.Poll> polls = List.of(new Poller.Poll(role, id, probe, polling, state));
    try {
      while (true) {
        watches.service();
        poller.pollDue(polls, deadline);
        if (state.metAt().isPresent() || poller.over(deadline, List.of(state))) {
          return state.last();
        }
        Instant next = state.nextLook().map(look -> Watches.min(deadline, look)).orElse(deadline);
        watches.sleepUntil(poller.wakeForLooks(next, deadline));
      }
    } finally {
      state.stopLooking();
    }
  }
}
