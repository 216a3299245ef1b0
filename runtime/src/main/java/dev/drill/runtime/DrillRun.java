package dev.drill.runtime;

import dev.drill.plan.Action;
import dev.drill.plan.CommsDuty;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.plan.RunResult;
import dev.drill.runtime.action.ActionResult;
import dev.drill.runtime.action.ActionRunner;
import dev.drill.runtime.action.ActionVisitor;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.ProbeRole;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.journal.RunPhase;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import dev.drill.runtime.probe.ProbeVisitor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

/**
 * Runs one drill plan, DESIGN.md §6: setup, steady state, inject, detect, recover, steady
 * state again; abort conditions, the timebox, comms checkpoints and an interrupt watched
 * throughout; rollback and teardown always. Time comes from the {@link Clock}; the world
 * is reached only through the {@link ProbeRunner}, {@link ActionRunner} and
 * {@link Responder}; every moment goes to the {@link Journal}, redacted.
 *
 * <p>One thread runs the drill. Whenever it waits (for an action, a poll, a person, the
 * next look), it keeps servicing the watches: abort conditions, the timebox, comms.
 */
public final class DrillRun {

  /** What a run needs from the outside. {@code workers} runs actions and batches of probes. */
  public record Services(
      Clock clock, ProbeRunner probes, ActionRunner actions, Responder responder, Journal journal,
      ExecutorService workers) {}

  /**
   * How to run: the values of params and secrets; for the record, where commands run (an
   * absolute path: {@code drill rollback} runs the undo actions there) and where the journal
   * and results go.
   */
  public record Settings(
      Bindings bindings, Map<String, String> shownParams, boolean auto, String workdir, String journal,
      String results) {}

  private static final Duration ACTION_TIMEOUT = Duration.ofMinutes(10);
  /** The longest sleep while only a look's answer is awaited; the answer wakes the run sooner. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(1);
  /** How long past a deadline a look asked before it may still answer and count. */
  private static final Duration LATE_ANSWER = Duration.ofSeconds(1);

  private final Plan plan;
  private final Services services;
  private final Settings settings;
  private final Clock clock;
  private final Bindings bindings;
  private final Recorder recorder;

  private volatile String abortRequest;
  private volatile boolean stopped;
  private Instant start;
  private Instant faultAt;
  private Instant timeboxEnd;
  private final List<String> failures = new ArrayList<>();
  private final List<Phase.InjectStep> injected = new ArrayList<>();
  private final List<PollState> abortStates = new ArrayList<>();
  private final List<Checkpoint> checkpoints = new ArrayList<>();
  private Optional<Duration> timeToDetect = Optional.empty();
  private Optional<Duration> timeToRecover = Optional.empty();
  private boolean watching;
  /** During rollback nothing may stop the run: not an abort, not the timebox. */
  private volatile boolean rollingBack;

  public DrillRun(Plan plan, Services services, Settings settings) {
    this.plan = plan;
    this.services = services;
    this.settings = settings;
    this.clock = services.clock();
    this.bindings = settings.bindings();
    this.recorder = new Recorder(services.journal(), clock::now, bindings::redact);
  }

  /** Asks the run to stop and roll back (a second terminal, a test); safe from any thread. */
  public void requestAbort(String reason) {
    abortRequest = reason;
    clock.wake();
  }

  /**
   * A signal came (Ctrl-C, SIGTERM, SIGHUP): recorded at once, in every phase; the first
   * stops the run and starts the rollback, and nothing stops a rollback once it runs.
   * Safe from any thread.
   *
   * @param signal the signal's name, such as {@code SIGINT}
   * @param reason why the run stops, for the outcome: {@code interrupted (Ctrl-C)}
   */
  public synchronized void interrupt(String signal, String reason) {
    boolean first = !stopped;
    stopped = true;
    recorder.interrupt(signal, reason, rollingBack || !first);
    if (first) {
      requestAbort(reason);
    }
  }

  /** Signals that the run must stop now; caught by {@link #run()}, never escapes. */
  private static final class Abort extends Exception {
    Abort(String reason) {
      super(reason, null, false, false);
    }
  }

  public RunOutcome run() {
    start = clock.now();
    timeboxEnd = plan.timebox().map(start::plus).orElse(Instant.MAX);
    recorder.runStarted(plan, settings.auto(), settings.shownParams(), settings.workdir(), settings.journal(),
        settings.results(), ProcessHandle.current().pid(), RunHost.name());
    Optional<String> aborted = Optional.empty();
    Optional<String> internalError = Optional.empty();
    try {
      phase(RunPhase.SETUP, () -> actions(RunPhase.SETUP, "setup", plan.setup()));
      watching = true;
      plan.phase(Phase.Abort.class).ifPresent(a -> a.conditions().forEach(
          c -> abortStates.add(new PollState(c.polling(), clock.now()))));
      steady();
      inject();
      plan.phase(Phase.Comms.class).ifPresent(c -> c.duties().forEach(this::scheduleComms));
      Optional<Phase.Detect> detect = plan.phase(Phase.Detect.class);
      if (detect.isPresent()) {
        detect(detect.get());
      }
      Optional<Phase.Recover> recover = plan.phase(Phase.Recover.class);
      if (recover.isPresent()) {
        recover(recover.get());
      }
      awaitComms();
    } catch (Abort e) {
      aborted = Optional.of(e.getMessage());
      recorder.abort(e.getMessage());
    } catch (InterruptedException e) {
      aborted = Optional.of("interrupted");
      recorder.abort("interrupted");
    } catch (RuntimeException e) {
      // A bug in drill must not leave the fault in: the run stops here and rolls back.
      internalError = Optional.of(e.toString());
      aborted = Optional.of("internal error in drill: " + e);
      recorder.abort(aborted.get());
    } finally {
      watching = false;
      abortStates.forEach(PollState::stopLooking);
      rollingBack = true;
      // Rollback must run even when the run was interrupted: clear the flag for it.
      boolean interrupted = Thread.interrupted();
      rollback();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    RunOutcome outcome = new RunOutcome(
        aborted.isPresent() ? RunResult.Outcome.ABORTED
            : failures.isEmpty() ? RunResult.Outcome.PASSED : RunResult.Outcome.FAILED,
        aborted.map(List::of).orElse(failures), timeToDetect, timeToRecover, internalError);
    recorder.outcome(outcome.outcome(), outcome.reasons(), timeToDetect, timeToRecover);
    recorder.runEnded();
    return outcome;
  }

  // ---- phases ----

  private interface PhaseBody {
    Optional<String> run() throws Abort, InterruptedException;
  }

  /** Runs a phase between its journal lines; a failing setup or inject aborts the run. */
  private void phase(RunPhase phase, PhaseBody body) throws Abort, InterruptedException {
    recorder.phaseStarted(phase);
    Optional<String> problem = body.run();
    recorder.phaseEnded(phase, problem.isEmpty(), problem);
    if (problem.isPresent()) {
      throw new Abort(phase.wireName() + " failed: " + problem.get());
    }
  }

  private void steady() throws Abort, InterruptedException {
    Optional<Phase.Steady> steady = plan.phase(Phase.Steady.class);
    if (steady.isEmpty()) {
      return;
    }
    phase(RunPhase.STEADY, () -> {
      List<String> failing = new ArrayList<>();
      for (Phase.Check check : steady.get().checks()) {
        Observation seen = observeOnce(check.probe(), check.polling());
        recorder.check(RunPhase.STEADY, check.id(), seen.holds(), seen.detail());
        if (!seen.holds()) {
          failing.add("'" + check.id() + "' (" + seen.detail() + ")");
        }
      }
      return failing.isEmpty() ? Optional.empty()
          : Optional.of("the steady state does not hold: " + String.join(", ", failing));
    });
  }

  private void inject() throws Abort, InterruptedException {
    Optional<Phase.Inject> inject = plan.phase(Phase.Inject.class);
    phase(RunPhase.INJECT, () -> {
      for (Phase.InjectStep step : inject.map(Phase.Inject::steps).orElse(List.of())) {
        // Undo runs even for a step that failed halfway: part of the fault may be in.
        injected.add(step);
        Optional<String> problem = actions(RunPhase.INJECT, step.id(), step.actions());
        if (problem.isPresent()) {
          return Optional.of("step '" + step.id() + "': " + problem.get());
        }
      }
      return Optional.empty();
    });
    faultAt = clock.now();
    recorder.faultActive();
  }

  private void detect(Phase.Detect detect) throws Abort, InterruptedException {
    recorder.phaseStarted(RunPhase.DETECT);
    Instant deadline = min(faultAt.plus(detect.budget()), timeboxEnd);
    Map<String, PollState> automatic = new LinkedHashMap<>();
    Map<String, CompletableFuture<Given>> manual = new LinkedHashMap<>();
    Map<String, Instant> fired = new LinkedHashMap<>();
    for (Phase.Signal signal : detect.signals()) {
      Optional<String> question = question(signal.probe());
      if (question.isPresent()) {
        manual.put(signal.id(), ask(question.get()));
      } else {
        automatic.put(signal.id(), new PollState(signal.polling(), faultAt));
      }
    }
    BooleanSupplier met = () -> detect.mode() == Phase.DetectMode.ALL
        ? fired.size() == detect.signals().size()
        : !fired.isEmpty();
    while (true) {
      service();
      Instant now = clock.now();
      for (Phase.Signal signal : detect.signals()) {
        if (fired.containsKey(signal.id())) {
          continue;
        }
        CompletableFuture<Given> answer = manual.get(signal.id());
        if (answer != null && answer.isDone()) {
          Given given = given(answer);
          answered(question(signal.probe()).orElseThrow(), given.answer());
          if (given.answer().yes()) {
            fire(detect, signal, given.at(), fired);
          } else {
            manual.remove(signal.id());
          }
        }
      }
      pollDue(detect.signals().stream().filter(s -> automatic.containsKey(s.id()) && !fired.containsKey(s.id()))
          .map(s -> new Poll(ProbeRole.SIGNAL, s.id(), s.probe(), s.polling(), automatic.get(s.id())))
          .collect(java.util.stream.Collectors.toList()), deadline);
      for (Phase.Signal signal : detect.signals()) {
        PollState state = automatic.get(signal.id());
        if (state != null && state.metAt().isPresent() && !fired.containsKey(signal.id())) {
          fire(detect, signal, state.metAt().get(), fired);
        }
      }
      if (met.getAsBoolean()) {
        Instant at = detect.mode() == Phase.DetectMode.ALL
            ? Collections.max(fired.values()) : Collections.min(fired.values());
        timeToDetect = Optional.of(Duration.between(faultAt, at));
        recorder.detection(detect.mode(), true, timeToDetect, detect.budget(), new ArrayList<>(fired.keySet()),
            missing(detect, fired));
        break;
      }
      if (over(deadline, automatic.values())) {
        failures.add("detection missed: " + (detect.mode() == Phase.DetectMode.ALL ? "not all" : "none")
            + " of the signals fired within " + PlanText.duration(detect.budget())
            + " (missing: " + String.join(", ", missing(detect, fired)) + ")");
        recorder.detection(detect.mode(), false, Optional.empty(), detect.budget(), new ArrayList<>(fired.keySet()),
            missing(detect, fired));
        break;
      }
      Instant wake = deadline;
      for (PollState state : automatic.values()) {
        Optional<Instant> next = state.nextLook();
        if (next.isPresent()) {
          wake = min(wake, next.get());
        }
      }
      sleepForLooks(wake, deadline);
    }
    automatic.values().forEach(PollState::stopLooking);
    manual.values().forEach(f -> f.cancel(true));
    recorder.phaseEnded(RunPhase.DETECT, timeToDetect.isPresent(), Optional.empty());
  }

  private void fire(Phase.Detect detect, Phase.Signal signal, Instant at, Map<String, Instant> fired) {
    fired.put(signal.id(), at);
    Duration since = Duration.ofMillis(Duration.between(faultAt, at).toMillis());
    recorder.signalFired(signal.id(), signal.title(), since, detect.budget(),
        since.toMillis() <= detect.budget().toMillis());
  }

  private static List<String> missing(Phase.Detect detect, Map<String, Instant> fired) {
    List<String> missing = new ArrayList<>();
    detect.signals().forEach(s -> {
      if (!fired.containsKey(s.id())) {
        missing.add(s.id());
      }
    });
    return missing;
  }

  private void recover(Phase.Recover recover) throws Abort, InterruptedException {
    recorder.phaseStarted(RunPhase.RECOVER);
    Instant recoverStart = clock.now();
    Instant deadline = min(recover.budget().map(recoverStart::plus).orElse(timeboxEnd), timeboxEnd);
    Set<String> failed = new LinkedHashSet<>();
    for (Phase.RecoveryStep step : RecoveryOrder.of(recover.steps())) {
      List<String> blockedBy = new ArrayList<>(step.after());
      blockedBy.retainAll(failed);
      recorder.stepStarted(step.id(), step.title(), step.role());
      Instant stepStart = clock.now();
      Optional<String> problem;
      try {
        problem = blockedBy.isEmpty()
            ? actions(RunPhase.RECOVER, step.id(), step.actions())
            : Optional.of("skipped: it comes after " + String.join(", ", blockedBy) + ", which failed");
        if (problem.isEmpty() && step.verify().isPresent()) {
          problem = verify(step, stepStart, deadline);
        }
      } catch (Abort e) {
        recorder.stepEnded(step.id(), step.title(), step.role(), false, Optional.of("stopped: " + e.getMessage()),
            Duration.between(stepStart, clock.now()), step.budget(), Optional.empty());
        throw e;
      }
      Duration took = Duration.between(stepStart, clock.now());
      boolean inBudget = step.budget().map(b -> took.compareTo(b) <= 0).orElse(true);
      recorder.stepEnded(step.id(), step.title(), step.role(), problem.isEmpty(), problem, took, step.budget(),
          Optional.of(inBudget));
      if (problem.isPresent()) {
        failed.add(step.id());
        failures.add("step '" + step.id() + "' failed: " + problem.get());
      } else if (!inBudget) {
        failures.add("step '" + step.id() + "' took " + PlanText.duration(took) + ", over its budget of "
            + PlanText.duration(step.budget().get()));
      }
    }
    recorder.phaseEnded(RunPhase.RECOVER, failed.isEmpty(),
        failed.isEmpty() ? Optional.empty() : Optional.of("failed: " + String.join(", ", failed)));
    restored(recover, deadline);
  }

  private Optional<String> verify(Phase.RecoveryStep step, Instant stepStart, Instant recoverDeadline)
      throws Abort, InterruptedException {
    Phase.Verification verify = step.verify().get();
    Instant begin = clock.now();
    Instant deadline = recoverDeadline;
    if (verify.budget().isPresent()) {
      deadline = min(deadline, begin.plus(verify.budget().get()));
    } else if (step.budget().isPresent()) {
      deadline = min(deadline, stepStart.plus(step.budget().get()));
    }
    Optional<Observation> seen = pollUntilHolds(ProbeRole.VERIFY, step.id(), verify.probe(), verify.polling(), deadline);
    boolean held = seen.map(Observation::holds).orElse(false);
    recorder.verify(step.id(), held, seen.map(Observation::detail).orElse("not looked"),
        Duration.between(begin, clock.now()), verify.budget());
    return held ? Optional.empty()
        : Optional.of("verify did not hold within " + PlanText.duration(Duration.between(begin, deadline))
            + ": " + PlanText.probe(verify.probe()) + " (last seen: " + seen.map(Observation::detail).orElse("nothing") + ")");
  }

  /** The steady state must hold again; time-to-recover runs from the fault to that moment. */
  private void restored(Phase.Recover recover, Instant deadline) throws Abort, InterruptedException {
    Optional<Phase.Steady> steady = plan.phase(Phase.Steady.class);
    if (steady.isEmpty()) {
      timeToRecover = Optional.of(Duration.between(faultAt, clock.now()));
      recorder.recovered(true, timeToRecover, recover.budget());
      return;
    }
    recorder.phaseStarted(RunPhase.STEADY_AGAIN);
    List<String> failing = new ArrayList<>();
    for (Phase.Check check : steady.get().checks()) {
      Optional<Observation> seen = pollUntilHolds(ProbeRole.CHECK, check.id(), check.probe(), check.polling(), deadline);
      boolean holds = seen.map(Observation::holds).orElse(false);
      recorder.check(RunPhase.STEADY_AGAIN, check.id(), holds, seen.map(Observation::detail).orElse("not looked"));
      if (!holds) {
        failing.add(check.id());
      }
    }
    recorder.phaseEnded(RunPhase.STEADY_AGAIN, failing.isEmpty(), Optional.empty());
    if (failing.isEmpty()) {
      timeToRecover = Optional.of(Duration.between(faultAt, clock.now()));
      recorder.recovered(true, timeToRecover, recover.budget());
    } else {
      failures.add("the steady state did not return: " + String.join(", ", failing) + " still failing");
      recorder.recovered(false, Optional.empty(), recover.budget());
    }
  }

  /** Rollback: every undo of what was injected, in reverse order; then teardown. Always. */
  private void rollback() {
    List<Phase.InjectStep> reversed = new ArrayList<>(injected);
    Collections.reverse(reversed);
    List<Leftover.Undo> undo = new ArrayList<>();
    reversed.forEach(step -> undo.add(new Leftover.Undo(step, indexes(step.undo()))));
    List<String> problems = rollback(new Leftover(undo, indexes(plan.teardown()), false));
    if (!problems.isEmpty()) {
      failures.add("rollback was not clean: " + String.join("; ", problems));
    }
  }

  private static List<Integer> indexes(List<Action> actions) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      all.add(i);
    }
    return all;
  }

  /** The undo actions, then the teardown actions, each tried whatever happened before; the problems. */
  private List<String> rollback(Leftover left) {
    recorder.phaseStarted(RunPhase.ROLLBACK);
    List<String> problems = new ArrayList<>();
    for (Leftover.Undo undo : left.undo()) {
      bestEffort(RunPhase.ROLLBACK, undo.step().id(), undo.step().undo(), undo.indexes()).ifPresent(problems::add);
    }
    recorder.phaseEnded(RunPhase.ROLLBACK, problems.isEmpty(),
        problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    recorder.phaseStarted(RunPhase.TEARDOWN);
    Optional<String> teardown = bestEffort(RunPhase.TEARDOWN, "teardown", plan.teardown(), left.teardown());
    recorder.phaseEnded(RunPhase.TEARDOWN, teardown.isEmpty(), teardown);
    teardown.ifPresent(problems::add);
    return problems;
  }

  /**
   * Finishes the rollback of a run that was killed (SIGKILL, a crash) before it ended:
   * the undo actions and teardown its journal does not show done, recorded in that same
   * journal. When the run had no outcome yet, it gets one: aborted.
   */
  public RunOutcome finishRollback(Leftover left) {
    rollingBack = true;
    List<String> steps = new ArrayList<>();
    left.undo().forEach(u -> steps.add(u.step().id()));
    recorder.resumed("drill rollback", ProcessHandle.current().pid(), RunHost.name(), steps, left.teardown().size());
    List<String> problems = rollback(left);
    List<String> reasons = new ArrayList<>(List.of(
        "the run was killed before its end; drill rollback finished its rollback"));
    if (!problems.isEmpty()) {
      reasons.add("rollback was not clean: " + String.join("; ", problems));
    }
    RunOutcome outcome = new RunOutcome(RunResult.Outcome.ABORTED, reasons, Optional.empty(), Optional.empty(),
        Optional.empty());
    if (!left.ended()) {
      recorder.outcome(outcome.outcome(), outcome.reasons(), Optional.empty(), Optional.empty());
      recorder.runEnded();
    }
    return outcome;
  }

  /** Every action given is tried, whatever happened before: a rollback does all it can. */
  private Optional<String> bestEffort(RunPhase phase, String step, List<Action> actions, List<Integer> indexes) {
    List<String> problems = new ArrayList<>();
    for (int i : indexes) {
      try {
        action(phase, step, i, actions.get(i)).ifPresent(problems::add);
      } catch (Abort | InterruptedException e) {
        problems.add("action " + (i + 1) + " of " + step + " was interrupted");
        Thread.interrupted();
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  // ---- actions ----

  private Optional<String> actions(RunPhase phase, String step, List<Action> actions) throws Abort, InterruptedException {
    for (int i = 0; i < actions.size(); i++) {
      Optional<String> problem = action(phase, step, i, actions.get(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private Optional<String> action(RunPhase phase, String step, int index, Action action)
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

  /** How an action is done, once it is its turn. */
  private interface Performance {
    ActionResult perform() throws Abort, InterruptedException;
  }

  private ActionResult perform(Action action) throws Abort, InterruptedException {
    return ActionVisitor.visit(action, new ActionVisitor<Performance, RuntimeException>() {
      @Override
      public Performance run(Action.Run run) {
        return () -> await(onWorker(() -> services.actions().perform(run, run.timeout().orElse(ACTION_TIMEOUT))));
      }

      @Override
      public Performance http(Action.Http http) {
        return () -> await(onWorker(() -> services.actions().perform(http, ACTION_TIMEOUT)));
      }

      @Override
      public Performance manual(Action.Manual manual) {
        return () -> {
          String instruction = bindings.render(manual.instruction());
          Responder.Answer answer = await(ask(instruction)).answer();
          answered(instruction, answer);
          return new ActionResult(answer.yes(), answer.yes() ? "done" : "reported failed"
              + answer.note().map(n -> ": " + n).orElse(""), "");
        };
      }

      @Override
      public Performance waitFor(Action.Wait wait) {
        return () -> {
          sleepServicing(clock.now().plus(wait.duration()));
          return new ActionResult(true, "waited " + PlanText.duration(wait.duration()), "");
        };
      }
    }).perform();
  }

  // ---- polling ----

  private record Poll(ProbeRole role, String id, Probe probe, Polling polling, PollState state) {}

  /** Looks once (steady checks), through the workers so the timeout is honoured. */
  private Observation observeOnce(Probe probe, Polling polling) throws Abort, InterruptedException {
    Optional<String> asked = question(probe);
    if (asked.isPresent()) {
      String question = bindings.render(asked.get());
      Responder.Answer answer = await(ask(question)).answer();
      answered(question, answer);
      return new Observation(answer.yes(), answer.yes() ? "confirmed" : "denied");
    }
    return await(onWorker(() -> services.probes().observe(probe, polling.timeout())));
  }

  private Optional<Observation> pollUntilHolds(ProbeRole role, String id, Probe probe, Polling polling, Instant deadline)
      throws Abort, InterruptedException {
    if (question(probe).isPresent()) {
      return Optional.of(observeOnce(probe, polling));
    }
    PollState state = new PollState(polling, clock.now());
    try {
      while (true) {
        service();
        pollDue(List.of(new Poll(role, id, probe, polling, state)), deadline);
        if (state.metAt().isPresent() || over(deadline, List.of(state))) {
          return state.last();
        }
        sleepForLooks(state.nextLook().map(next -> min(deadline, next)).orElse(deadline), deadline);
      }
    } finally {
      state.stopLooking();
    }
  }

  /**
   * Sleeps until {@code wake}. Past it (a deadline reached while a look asked in time is
   * still out, which is let answer briefly), until that look answers and wakes the run, or
   * the grace for late answers ends.
   */
  private void sleepForLooks(Instant wake, Instant deadline) throws InterruptedException {
    Instant now = clock.now();
    if (!now.isBefore(deadline)) {
      sleepUntil(deadline.plus(LATE_ANSWER));
    } else {
      sleepUntil(wake.isAfter(now) ? wake : now.plus(ANSWER_WAIT));
    }
  }

  /**
   * Whether polling against {@code deadline} is over: the deadline has come and no look
   * asked before it is still out, or the grace for their answers has ended too. So a
   * phase ends at its budget whatever its probes' options: no look is sent after the
   * deadline, and none is waited for long past it.
   */
  private boolean over(Instant deadline, java.util.Collection<PollState> states) {
    Instant now = clock.now();
    return !now.isBefore(deadline)
        && (states.stream().noneMatch(PollState::looking) || !now.isBefore(deadline.plus(LATE_ANSWER)));
  }

  /**
   * Takes in the looks that have answered and sends out those that are due before the
   * deadline, each on a worker of its own: a slow probe never holds up the others' looks.
   * Never waits; a look that answers wakes the run (on a same-thread executor it has
   * answered at once).
   */
  private void pollDue(List<Poll> polls, Instant deadline) throws InterruptedException {
    for (Poll poll : polls) {
      takeInAnswer(poll);
      if (poll.state().due(clock.now()) && clock.now().isBefore(deadline)) {
        poll.state().lookingWith(onWorker(() -> {
          Instant asked = clock.now();
          Observation seen = services.probes().observe(poll.probe(), poll.polling().timeout());
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

  // ---- watches: abort conditions, the timebox, comms ----

  private final class Checkpoint {
    final CommsDuty duty;
    final Instant due;
    final Instant lateAfter;
    CompletableFuture<Given> answer;
    boolean recorded;

    Checkpoint(CommsDuty duty, Instant due, Instant lateAfter) {
      this.duty = duty;
      this.due = due;
      this.lateAfter = lateAfter;
    }
  }

  private void scheduleComms(CommsDuty duty) {
    if (duty instanceof CommsDuty.Notify notify) {
      checkpoints.add(new Checkpoint(duty, faultAt, faultAt.plus(notify.within())));
      return;
    }
    if (!(duty instanceof CommsDuty.Update update)) {
      throw new IllegalArgumentException("a kind of comms duty drill does not know: " + duty);
    }
    Duration every = update.every();
    Instant end = plan.phase(Phase.Recover.class).flatMap(Phase.Recover::budget)
        .map(b -> faultAt.plus(plan.phase(Phase.Detect.class).map(Phase.Detect::budget).orElse(Duration.ZERO)).plus(b))
        .orElse(timeboxEnd);
    for (Instant due = faultAt.plus(every); due.isBefore(end) && due.isBefore(timeboxEnd); due = due.plus(every)) {
      checkpoints.add(new Checkpoint(duty, due, due.plus(every)));
    }
  }

  /** The watches, serviced whenever the run waits: throws {@link Abort} when the run must stop. */
  private void service() throws Abort, InterruptedException {
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
    List<Phase.AbortCondition> conditions = plan.phase(Phase.Abort.class).map(Phase.Abort::conditions).orElse(List.of());
    List<Poll> polls = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      polls.add(new Poll(ProbeRole.ABORT, "abort-" + (i + 1), conditions.get(i).probe(), conditions.get(i).polling(),
          abortStates.get(i)));
    }
    pollDue(polls, Instant.MAX);
    for (int i = 0; i < conditions.size(); i++) {
      if (abortStates.get(i).metAt().isPresent()) {
        throw new Abort("abort condition held: " + PlanText.probe(conditions.get(i).probe())
            + conditions.get(i).polling().holdFor().map(f -> " for " + PlanText.duration(f)).orElse(""));
      }
    }
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.answer == null && !now.isBefore(checkpoint.due)) {
        checkpoint.answer = ask(commsQuestion(checkpoint.duty));
      }
      if (checkpoint.answer != null && checkpoint.answer.isDone() && !checkpoint.recorded) {
        Given given = given(checkpoint.answer);
        recordComms(checkpoint, given.answer(), given.at());
      }
    }
  }

  private void recordComms(Checkpoint checkpoint, Responder.Answer answer, Instant answeredAt) {
    checkpoint.recorded = true;
    boolean late = answeredAt.isAfter(checkpoint.lateAfter);
    CommsDuty duty = checkpoint.duty;
    recorder.comms(duty instanceof CommsDuty.Update ? "update" : "notify", bindings.render(duty.audience()),
        duty.role(), Duration.between(faultAt, checkpoint.due), answer.yes(), late, answer.note());
    if (!answer.yes() || late) {
      failures.add((duty instanceof CommsDuty.Update ? "update of " : "notification of ")
          + bindings.render(duty.audience()) + " by " + duty.role()
          + (answer.yes() ? " was late" : " was not done"));
    }
  }

  /** Checkpoints already asked are waited for (briefly) at the end; unasked ones are not due. */
  private void awaitComms() throws Abort, InterruptedException {
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.answer != null && !checkpoint.recorded) {
        Given given = await(checkpoint.answer);
        recordComms(checkpoint, given.answer(), given.at());
      }
    }
  }

  private String commsQuestion(CommsDuty duty) {
    String audience = bindings.render(duty.audience());
    return duty instanceof CommsDuty.Update
        ? duty.role() + ": has " + audience + " been updated?"
        : duty.role() + ": has " + audience + " been notified?";
  }

  // ---- waiting ----

  /** The question a probe asks a person, if it is one; other probes look at the world. */
  static Optional<String> question(Probe probe) {
    return ProbeVisitor.visit(probe, new ProbeVisitor<Optional<String>, RuntimeException>() {
      @Override
      public Optional<String> http(Probe.Http probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> command(Probe.Command probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> prometheusQuery(Probe.PrometheusQuery probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> prometheusAlert(Probe.PrometheusAlert probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> log(Probe.Log probe) {
        return Optional.empty();
      }

      @Override
      public Optional<String> manual(Probe.Manual probe) {
        return Optional.of(probe.question());
      }
    });
  }

  /** An answer and the moment it was given (not the moment the run noticed it). */
  private record Given(Responder.Answer answer, Instant at) {}

  private CompletableFuture<Given> ask(String question) {
    CompletableFuture<Given> given = services.responder().ask(bindings.redact(question))
        .thenApply(a -> new Given(a, clock.now()));
    given.whenComplete((a, e) -> clock.wake());
    return given;
  }

  /** An answer that is in; the run stops when nobody can answer any more. */
  private static Given given(CompletableFuture<Given> answer) throws Abort {
    try {
      return answer.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof Responder.NoOneToAnswer) {
        throw new Abort(e.getCause().getMessage());
      }
      throw e;
    }
  }

  private void answered(String question, Responder.Answer answer) {
    recorder.answer(question, answer.yes(), answer.note());
  }

  /**
   * Runs a task on the workers and wakes the run once its result is in (not before: the run
   * would find it not done and sleep on), so an action's end is noticed at once.
   */
  private <T> Future<T> onWorker(Callable<T> task) {
    FutureTask<T> future = new FutureTask<>(task) {
      @Override
      protected void done() {
        clock.wake();
      }
    };
    services.workers().execute(future);
    return future;
  }

  /** Waits for a future while servicing the watches; cancels it when the run must stop. */
  private <T> T await(Future<T> future) throws Abort, InterruptedException {
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

  private void sleepServicing(Instant until) throws Abort, InterruptedException {
    while (clock.now().isBefore(until)) {
      service();
      sleepUntil(min(until, nextWatch()));
    }
  }

  /** The next moment a watch needs a look: the soonest abort poll, comms checkpoint or the timebox. */
  private Instant nextWatch() {
    if (rollingBack) {
      return clock.now().plus(Duration.ofSeconds(1));
    }
    Instant next = timeboxEnd;
    if (watching) {
      for (PollState state : abortStates) {
        Optional<Instant> look = state.nextLook();
        if (look.isPresent()) {
          next = min(next, look.get());
        }
      }
      for (Checkpoint checkpoint : checkpoints) {
        if (checkpoint.answer == null) {
          next = min(next, checkpoint.due);
        }
      }
    }
    // Something a person or a worker finishes wakes the clock; this bound keeps waits short.
    return min(next, clock.now().plus(Duration.ofSeconds(1)));
  }

  private void sleepUntil(Instant instant) throws InterruptedException {
    Instant bounded = rollingBack ? instant : min(instant, timeboxEnd);
    if (bounded.isAfter(clock.now())) {
      clock.sleepUntil(bounded);
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
