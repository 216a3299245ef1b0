package dev.drill.runtime.engine;

import dev.drill.plan.Action;
import dev.drill.plan.Phase;
import dev.drill.plan.PlanText;
import dev.drill.runtime.action.ActionResult;
import dev.drill.runtime.action.ActionRunner;
import dev.drill.runtime.action.ActionVisitor;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.journal.RunPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The inject steps that run in the background: each on a worker of its own, its actions in
 * order, each recorded when it starts and ends (the {@link Recorder} is safe from any
 * thread). The run's thread keeps starting the next steps and servicing the watches; the
 * inject phase ends when {@link #awaitAll} has seen every background step finish. A
 * background step holds no manual action: the compiler and the plan's validator refuse one.
 */
final class BackgroundSteps {

  /** How long a stopped step may take to record its end before the rollback goes ahead. */
  private static final Duration STOPPING = Duration.ofSeconds(10);
  private static final Duration WAIT_SLICE = Duration.ofMillis(50);

  private record Started(Phase.InjectStep step, Future<Optional<String>> problem, CompletableFuture<Void> ended) {}

  private final ActionRunner world;
  private final Workers workers;
  private final Watches watches;
  private final Recorder recorder;
  private final Clock clock;
  private final List<Started> started = new ArrayList<>();

  BackgroundSteps(ActionRunner world, Workers workers, Watches watches, Recorder recorder, Clock clock) {
    this.world = world;
    this.workers = workers;
    this.watches = watches;
    this.recorder = recorder;
    this.clock = clock;
  }

  void start(Phase.InjectStep step) {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    started.add(new Started(step, workers.submit(() -> {
      try {
        return actions(step);
      } finally {
        ended.complete(null);
      }
    }), ended));
  }

  /** The problem of a background step that has already failed, if any: the run need not wait to stop. */
  Optional<String> failedSoFar() throws InterruptedException {
    for (Started s : started) {
      if (s.problem().isDone()) {
        Optional<String> problem = problemOf(s);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /** Waits for every background step, servicing the watches: the first problem, if any. */
  Optional<String> awaitAll() throws Abort, InterruptedException {
    for (Started s : started) {
      watches.await(s.problem());
      Optional<String> problem = problemOf(s);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** Stops the steps still running (their processes are killed) and waits a while for them to record it. */
  void stop() {
    started.forEach(s -> s.problem().cancel(true));
    for (Started s : started) {
      try {
        s.ended().get(STOPPING.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // Not ended in time: the rollback must not wait for it any longer.
      }
    }
  }

  private static Optional<String> problemOf(Started s) throws InterruptedException {
    try {
      return s.problem().get().map(p -> "step '" + s.step().id() + "': " + p);
    } catch (ExecutionException e) {
      return Optional.of("step '" + s.step().id() + "': " + e.getCause());
    } catch (java.util.concurrent.CancellationException e) {
      return Optional.of("step '" + s.step().id() + "' was stopped");
    }
  }

  /** Runs on a worker: the step's actions in order, up to the first that fails. */
  private Optional<String> actions(Phase.InjectStep step) {
    for (int i = 0; i < step.actions().size(); i++) {
      Action action = step.actions().get(i);
      String kind = ActionVisitor.kind(action);
      recorder.actionStarted(RunPhase.INJECT, step.id(), i + 1, kind, PlanText.action(action));
      Instant begin = clock.now();
      ActionResult result;
      try {
        result = perform(action);
      } catch (InterruptedException e) {
        recorder.actionEnded(RunPhase.INJECT, step.id(), i + 1, kind, false, "stopped: the run stopped",
            Optional.empty(), Duration.between(begin, clock.now()));
        return Optional.of(PlanText.action(action) + ": stopped");
      }
      recorder.actionEnded(RunPhase.INJECT, step.id(), i + 1, kind, result.ok(), result.detail(),
          Optional.of(result.output()).filter(o -> !o.isEmpty()), Duration.between(begin, clock.now()));
      if (!result.ok()) {
        return Optional.of(PlanText.action(action) + ": " + result.detail());
      }
    }
    return Optional.empty();
  }

  private ActionResult perform(Action action) throws InterruptedException {
    if (action instanceof Action.Run run) {
      return world.perform(run, run.timeout().orElse(StepActions.ACTION_TIMEOUT));
    } else if (action instanceof Action.Http http) {
      return world.perform(http, StepActions.ACTION_TIMEOUT);
    } else if (action instanceof Action.Wait wait) {
      // Slept here, not on the clock: the run's thread alone sleeps there, so no wake is lost.
      Instant until = clock.now().plus(wait.duration());
      while (clock.now().isBefore(until)) {
        Duration left = Duration.between(clock.now(), until);
        Thread.sleep(Math.max(1, Math.min(left.toMillis(), WAIT_SLICE.toMillis())));
      }
      return new ActionResult(true, "waited " + PlanText.duration(wait.duration()), "");
    }
    return new ActionResult(false, "a step in the background cannot ask a person to act", "");
  }
}
