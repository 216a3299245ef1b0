package dev.drill.runtime.engine;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.runtime.Responder;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.ProbeRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What the run keeps an eye on whenever it waits, DESIGN.md §6.7: a request to stop (a stop
 * signal, a second terminal), the timebox, the abort conditions and the comms checkpoints;
 * and the waiting itself. The run has one thread: whatever it waits for (an action, a look,
 * a person, the next moment), it waits here, servicing the watches, and an {@link Abort}
 * comes out when the run must stop. During the rollback nothing stops the run: the watches
 * are off.
 */
final class Watches {

  /** Something a person or a worker finishes wakes the clock; this bound keeps waits short. */
  private static final Duration LONGEST_SLEEP = Duration.ofSeconds(1);

  private final Plan plan;
  private final Clock clock;
  private final Poller poller;
  private final CommsCheckpoints comms;
  private final List<Poller.Poll> abortConditions = new ArrayList<>();
  private volatile String abortRequest;
  private volatile boolean rollingBack;
  private boolean watching;
  private Instant timeboxEnd = Instant.MAX;

  Watches(Plan plan, Clock clock, Poller poller, CommsCheckpoints comms) {
    this.plan = plan;
    this.clock = clock;
    this.poller = poller;
    this.comms = comms;
  }

  /** Asks the run to stop and roll back; safe from any thread. */
  void requestAbort(String reason) {
    abortRequest = reason;
    clock.wake();
  }

  /** The run starts: its timebox runs from now. */
  void start(Instant start) {
    timeboxEnd = plan.timebox().map(start::plus).orElse(Instant.MAX);
  }

  Instant timeboxEnd() {
    return timeboxEnd;
  }

  /** After setup: the abort conditions are polled from now, and comms checkpoints asked when due. */
  void watch() {
    watching = true;
    List<Phase.AbortCondition> conditions = plan.phase(Phase.Abort.class).map(Phase.Abort::conditions)
        .orElse(List.of());
    for (int i = 0; i < conditions.size(); i++) {
      Phase.AbortCondition condition = conditions.get(i);
      abortConditions.add(new Poller.Poll(ProbeRole.ABORT, "abort-" + (i + 1), condition.probe(), condition.polling(),
          new PollState(condition.polling(), clock.now())));
    }
  }

  /** The rollback begins: the watches are off, and nothing but a bug stops it any more. */
  void rollBack() {
    watching = false;
    abortConditions.forEach(poll -> poll.state().stopLooking());
    rollingBack = true;
  }

  boolean rollingBack() {
    return rollingBack;
  }

  /** The watches, serviced whenever the run waits: throws {@link Abort} when the run must stop. */
  void service() throws Abort, InterruptedException {
    if (rollingBack) {
      return;
    }
    if (abortRequest != null) {
      throw new Abort(abortRequest);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    Instant now = clock.now();
    if (!now.isBefore(timeboxEnd)) {
      throw new Abort("the timebox of " + PlanText.duration(plan.timebox().get()) + " ran out");
    }
    if (!watching) {
      return;
    }
    poller.pollDue(abortConditions, Instant.MAX);
    for (Poller.Poll condition : abortConditions) {
      if (condition.state().metAt().isPresent()) {
        throw new Abort("abort condition held: " + PlanText.probe(condition.probe())
            + condition.polling().holdFor().map(f -> " for " + PlanText.duration(f)).orElse(""));
      }
    }
    comms.service(now);
  }

  /** Waits for a future while servicing the watches; cancels it when the run must stop. */
  <T> T await(Future<T> future) throws Abort, InterruptedException {
    try {
      while (!future.isDone()) {
        service();
        sleepUntil(nextWatch());
      }
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Responder.NoOneToAnswer) {
        throw new Abort(e.getCause().getMessage());
      }
      throw new IllegalStateException("an action or probe failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      if (!future.isDone()) {
        future.cancel(true);
      }
    }
  }

  /** Waits until then, servicing the watches. */
  void sleepServicing(Instant until) throws Abort, InterruptedException {
    while (clock.now().isBefore(until)) {
      service();
      sleepUntil(min(until, nextWatch()));
    }
  }

  /** Sleeps until then, or until woken; never past the timebox, except in the rollback. */
  void sleepUntil(Instant instant) throws InterruptedException {
    Instant bounded = rollingBack ? instant : min(instant, timeboxEnd);
    if (bounded.isAfter(clock.now())) {
      clock.sleepUntil(bounded);
    }
  }

  /** The next moment a watch needs a look: the soonest abort poll, comms checkpoint or the timebox. */
  private Instant nextWatch() {
    if (rollingBack) {
      return clock.now().plus(LONGEST_SLEEP);
    }
    Instant next = timeboxEnd;
    if (watching) {
      next = Poller.nextLook(abortConditions.stream().map(Poller.Poll::state).toList(), next);
      next = comms.nextDue(next);
    }
    return min(next, clock.now().plus(LONGEST_SLEEP));
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
