package dev.drill.runtime.engine;

import dev.drill.plan.Action;
import dev.drill.plan.PlanText;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.Responder;
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

/**
 * The actions of a step (or of setup, teardown, an undo), each recorded when it starts and
 * when it ends: {@code run} and {@code http} on a worker, {@code manual} asked of a person,
 * {@code wait} slept while the watches are serviced. One cut short by a stop is recorded as
 * {@code stopped: <reason>}.
 */
final class StepActions {

  /** The longest a run or http action may take when it says nothing itself. */
  static final Duration ACTION_TIMEOUT = Duration.ofMinutes(10);

  /** How an action is done, once it is its turn. */
  private interface Performance {
    ActionResult perform() throws Abort, InterruptedException;
  }

  private final ActionRunner world;
  private final Workers workers;
  private final Watches watches;
  private final Questions questions;
  private final Recorder recorder;
  private final Clock clock;
  private final Bindings bindings;

  StepActions(ActionRunner world, Workers workers, Watches watches, Questions questions, Recorder recorder,
      Clock clock, Bindings bindings) {
    this.world = world;
    this.workers = workers;
    this.watches = watches;
    this.questions = questions;
    this.recorder = recorder;
    this.clock = clock;
    this.bindings = bindings;
  }

  /** The actions in order, up to the first that fails: what went wrong, if anything. */
  Optional<String> all(RunPhase phase, String step, List<Action> actions) throws Abort, InterruptedException {
    for (int i = 0; i < actions.size(); i++) {
      Optional<String> problem = one(phase, step, i, actions.get(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** Every action given is tried, whatever happened before: a rollback does all it can. */
  Optional<String> bestEffort(RunPhase phase, String step, List<Action> actions, List<Integer> indexes) {
    List<String> problems = new ArrayList<>();
    for (int i : indexes) {
      try {
        one(phase, step, i, actions.get(i)).ifPresent(problems::add);
      } catch (Abort | InterruptedException e) {
        problems.add("action " + (i + 1) + " of " + step + " was interrupted");
        Thread.interrupted();
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private Optional<String> one(RunPhase phase, String step, int index, Action action)
      throws Abort, InterruptedException {
    String kind = ActionVisitor.kind(action);
    recorder.actionStarted(phase, step, index + 1, kind, PlanText.action(action));
    Instant begin = clock.now();
    ActionResult result;
    try {
      result = perform(action);
    } catch (Abort e) {
      recorder.actionEnded(phase, step, index + 1, kind, false, "stopped: " + e.getMessage(), Optional.empty(),
          Duration.between(begin, clock.now()));
      throw e;
    }
    recorder.actionEnded(phase, step, index + 1, kind, result.ok(), result.detail(),
        Optional.of(result.output()).filter(o -> !o.isEmpty()), Duration.between(begin, clock.now()));
    return result.ok() ? Optional.empty() : Optional.of(PlanText.action(action) + ": " + result.detail());
  }

  private ActionResult perform(Action action) throws Abort, InterruptedException {
    return ActionVisitor.visit(action, new ActionVisitor<Performance, RuntimeException>() {
      @Override
      public Performance run(Action.Run run) {
        return () -> watches.await(workers.submit(() -> world.perform(run, run.timeout().orElse(ACTION_TIMEOUT))));
      }

      @Override
      public Performance http(Action.Http http) {
        return () -> watches.await(workers.submit(() -> world.perform(http, http.timeout().orElse(ACTION_TIMEOUT))));
      }

      @Override
      public Performance manual(Action.Manual manual) {
        return () -> {
          String instruction = bindings.render(manual.instruction());
          Responder.Answer answer = watches.await(questions.ask(instruction)).answer();
          questions.answered(instruction, answer);
          return new ActionResult(answer.yes(), answer.yes() ? "done" : "reported failed"
              + answer.note().map(n -> ": " + n).orElse(""), "");
        };
      }

      @Override
      public Performance waitFor(Action.Wait wait) {
        return () -> {
          watches.sleepServicing(clock.now().plus(wait.duration()));
          return new ActionResult(true, "waited " + PlanText.duration(wait.duration()), "");
        };
      }
    }).perform();
  }
}
