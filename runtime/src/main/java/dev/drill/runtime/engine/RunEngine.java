package dev.drill.runtime.engine;

import dev.drill.plan.DrillKind;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.DrillRunner;
import dev.drill.runtime.Responder;
import dev.drill.runtime.Roster;
import dev.drill.runtime.RunHost;
import dev.drill.runtime.action.ActionRunner;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.Recorder;
import dev.drill.runtime.journal.RunPhase;
import dev.drill.runtime.probe.Observation;
import dev.drill.runtime.probe.ProbeRunner;
import dev.drill.runtime.start.Arming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Runs one drill plan, DESIGN.md §6: setup, steady state, inject, detect, recover, steady
 * state again (for an experiment: right after the inject steps, each check looked at once); abort conditions, the timebox, comms checkpoints and stop signals watched
 * throughout; rollback and teardown always. Time comes from the {@link Clock}; the world is
 * reached only through the {@link ProbeRunner}, {@link ActionRunner} and {@link Responder};
 * every moment goes to the {@link Journal}, redacted.
 *
 * <p>The engine without what a real run puts around it (its files, the process groups, the
 * stop signals, the console, the report): {@link DrillRunner} does that. Public for
 * {@code bench/RuntimeOverhead.java}, which runs it with probes that cost nothing.
 *
 * <p>One thread runs the drill. Whenever it waits (for an action, a look, a person, the
 * next moment), it services the {@link Watches}.
 */
public final class RunEngine {

  /** What a run needs from the outside. {@code workers} runs actions and batches of probes. */
  public record Services(
      Clock clock, ProbeRunner probes, ActionRunner actions, Responder responder, Journal journal,
      ExecutorService workers) {}

  /**
   * How to run: the values of params and secrets; for the record, where commands run (an
   * absolute path: {@code drill rollback} runs the undo actions there) and where the journal
   * and results go; who holds which role.
   */
  public record Settings(
      Bindings bindings, Map<String, String> shownParams, boolean auto, String workdir, String journal,
      String results, Roster roster) {

    /** Settings of a run without a roster. */
    public Settings(Bindings bindings, Map<String, String> shownParams, boolean auto, String workdir, String journal,
        String results) {
      this(bindings, shownParams, auto, workdir, journal, results, Roster.nobody());
    }
  }

  private final Plan plan;
  private final Settings settings;
  private final Clock clock;
  private final Recorder recorder;
  private final Watches watches;
  private final Probing probing;
  private final StepActions actions;
  private final CommsCheckpoints comms;
  private final Poller poller;
  private final Questions questions;
  private final BackgroundSteps background;

  private boolean stopped;
  private final List<String> failures = new ArrayList<>();
  private final List<Phase.InjectStep> injected = new ArrayList<>();

  public RunEngine(Plan plan, Services services, Settings settings) {
    this.plan = plan;
    this.settings = settings;
    this.clock = services.clock();
    Bindings bindings = settings.bindings();
    this.recorder = new Recorder(services.journal(), clock::now, bindings::redact);
    Workers workers = new Workers(services.workers(), clock);
    this.questions = new Questions(services.responder(), clock, bindings, recorder);
    this.poller = new Poller(services.probes(), workers, clock, bindings, recorder);
    this.comms = new CommsCheckpoints(plan, bindings, questions, recorder, failures::add);
    this.watches = new Watches(plan, clock, poller, comms);
    this.probing = new Probing(services.probes(), poller, workers, watches, questions, clock, bindings);
    this.actions = new StepActions(services.actions(), workers, watches, questions, recorder, clock, bindings);
    this.background = new BackgroundSteps(services.actions(), workers, watches, recorder, clock);
  }

  /** Asks the run to stop and roll back (a second terminal, a test); safe from any thread. */
  public void requestAbort(String reason) {
    watches.requestAbort(reason);
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
    recorder.interrupt(signal, reason, watches.rollingBack() || !first);
    if (first) {
      requestAbort(reason);
    }
  }

  /** Runs the drill from now to its end: whatever happens, it is rolled back and its outcome recorded. */
  public RunOutcome run() {
    return run(clock.now());
  }

  /**
   * Runs the drill to its end, its start (its timebox, its {@code run-started} event) being
   * {@code started}: the moment that named the run's directory, so that its result is named
   * the same.
   */
  public RunOutcome run(Instant started) {
    return run(started, Optional.empty());
  }

  /**
   * As {@link #run(Instant)}; armed, the fault waits for the arming's moment: setup and the
   * steady checks run now, the watches and stop signals are serviced while armed (any stop
   * disarms it, nothing injected), the steady checks run again at the moment, and the
   * timebox starts then, with the inject steps.
   */
  public RunOutcome run(Instant started, Optional<Arming> arming) {
    if (arming.isEmpty()) {
      watches.start(started);
    }
    recorder.runStarted(started, plan, settings.auto(), settings.shownParams(), settings.workdir(), settings.journal(),
        settings.results(), ProcessHandle.current().pid(), RunHost.name());
    if (!settings.roster().holders().isEmpty()) {
      recorder.roster(settings.roster().holders(), settings.roster().unheld(plan));
    }
    arming.ifPresent(a -> recorder.armed(a.window().from(), a.window().to(), a.window().zone().getId(),
        a.window().blackouts().stream().map(Object::toString).toList()));
    Optional<String> aborted = Optional.empty();
    Optional<String> internalError = Optional.empty();
    Optional<Duration> timeToDetect = Optional.empty();
    Optional<Duration> timeToRecover = Optional.empty();
    try {
      phase(RunPhase.SETUP, () -> actions.all(RunPhase.SETUP, Leftover.SETUP_STEP, plan.setup()));
      watches.watch();
      steadyState();
      if (arming.isPresent()) {
        awaitTheMoment(arming.get());
      }
      Instant faultAt = inject();
      comms.schedule(faultAt, watches.timeboxEnd());
      if (plan.kind() == DrillKind.EXPERIMENT) {
        steadyStateAfterTheInjectSteps();
      }
      Optional<Phase.Detect> detect = plan.phase(Phase.Detect.class);
      if (detect.isPresent()) {
        timeToDetect = new DetectPhase(detect.get(), poller, watches, questions, recorder, clock, failures::add)
            .run(faultAt);
      }
      Optional<Phase.Recover> recover = plan.phase(Phase.Recover.class);
      if (recover.isPresent()) {
        timeToRecover = new RecoverPhase(plan, recover.get(), actions, probing, recorder, clock, failures::add)
            .run(faultAt, watches.timeboxEnd());
      }
      comms.awaitAnswers(watches);
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
      watches.rollBack();
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

  /**
   * Finishes the rollback of a run that was killed (SIGKILL, a crash) before it ended: the
   * undo actions and teardown its journal does not show done, recorded in that same journal.
   * When the run had no outcome yet, it gets one: aborted.
   */
  public RunOutcome finishRollback(Leftover left) {
    watches.rollBack();
    List<String> steps = new ArrayList<>();
    left.undo().forEach(u -> steps.add(u.step().id()));
    recorder.resumed("drill rollback", ProcessHandle.current().pid(), RunHost.name(), steps, left.teardown().size());
    List<String> problems = new RollbackPhase(plan, actions, recorder).run(left);
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

  // ---- the phases of §6 that are short enough to read here ----

  private interface PhaseBody {
    Optional<String> run() throws Abort, InterruptedException;
  }

  /** Runs a phase between its journal lines; a failing setup, steady state or inject aborts the run. */
  private void phase(RunPhase phase, PhaseBody body) throws Abort, InterruptedException {
    recorder.phaseStarted(phase);
    Optional<String> problem = body.run();
    recorder.phaseEnded(phase, problem.isEmpty(), problem);
    if (problem.isPresent()) {
      throw new Abort(phase.wireName() + " failed: " + problem.get());
    }
  }

  /** §6.2: every check must pass, or the run ends aborted having injected nothing. */
  private void steadyState() throws Abort, InterruptedException {
    Optional<Phase.Steady> steady = plan.phase(Phase.Steady.class);
    if (steady.isEmpty()) {
      return;
    }
    phase(RunPhase.STEADY, () -> {
      List<String> failing = new ArrayList<>();
      for (Phase.Check check : steady.get().checks()) {
        Observation seen = probing.once(check.probe(), check.polling());
        recorder.check(RunPhase.STEADY, check.id(), seen.holds(), seen.detail());
        if (!seen.holds()) {
          failing.add("'" + check.id() + "' (" + seen.detail() + ")");
        }
      }
      return failing.isEmpty() ? Optional.empty()
          : Optional.of("the steady state does not hold: " + String.join(", ", failing));
    });
  }

  /**
   * Armed: waits for the moment, watching; a stop before it disarms the drill. At the
   * moment the seed is recorded, the steady state must hold again, and the timebox starts.
   */
  private void awaitTheMoment(Arming arming) throws Abort, InterruptedException {
    try {
      watches.sleepServicing(arming.moment());
    } catch (Abort e) {
      recorder.disarmed(e.getMessage());
      throw new Abort("disarmed before the unannounced start (" + e.getMessage() + "); nothing was injected");
    } catch (InterruptedException e) {
      recorder.disarmed("interrupted");
      throw e;
    }
    recorder.unannouncedStart(arming.seed());
    steadyState();
    watches.start(clock.now());
  }

  /**
   * §6.3: the inject steps in order, a background step beside the ones after it; then, every
   * step finished, the fault is active, T0. A step that fails stops the ones in the background.
   */
  private Instant inject() throws Abort, InterruptedException {
    Optional<Phase.Inject> inject = plan.phase(Phase.Inject.class);
    phase(RunPhase.INJECT, () -> {
      try {
        for (Phase.InjectStep step : inject.map(Phase.Inject::steps).orElse(List.of())) {
          // Undo runs even for a step that failed halfway: part of the fault may be in.
          injected.add(step);
          if (step.background()) {
            background.start(step);
            continue;
          }
          Optional<String> problem = actions.all(RunPhase.INJECT, step.id(), step.actions());
          if (problem.isPresent()) {
            return Optional.of("step '" + step.id() + "': " + problem.get());
          }
          Optional<String> failed = background.failedSoFar();
          if (failed.isPresent()) {
            return failed;
          }
        }
        return background.awaitAll();
      } finally {
        background.stop();
      }
    });
    Instant faultAt = clock.now();
    recorder.faultActive();
    return faultAt;
  }

  /**
   * An experiment's hypothesis: each steady check, looked at once after the inject steps,
   * still holds. A deviation fails the run; the rollback runs as always.
   */
  private void steadyStateAfterTheInjectSteps() throws Abort, InterruptedException {
    Optional<Phase.Steady> steady = plan.phase(Phase.Steady.class);
    if (steady.isEmpty()) {
      return;
    }
    recorder.phaseStarted(RunPhase.STEADY_AGAIN);
    List<String> deviating = new ArrayList<>();
    for (Phase.Check check : steady.get().checks()) {
      Observation seen = probing.once(check.probe(), check.polling());
      recorder.check(RunPhase.STEADY_AGAIN, check.id(), seen.holds(), seen.detail());
      if (!seen.holds()) {
        deviating.add("'" + check.id() + "' (" + seen.detail() + ")");
      }
    }
    Optional<String> problem = deviating.isEmpty() ? Optional.empty()
        : Optional.of("the steady state deviated after the method: " + String.join(", ", deviating));
    recorder.phaseEnded(RunPhase.STEADY_AGAIN, problem.isEmpty(), problem);
    problem.ifPresent(failures::add);
  }

  /** §6.8: every undo of what was injected, in reverse order; then teardown. Always. */
  private void rollback() {
    List<String> problems = new RollbackPhase(plan, actions, recorder).run(Leftover.all(injected, plan));
    if (!problems.isEmpty()) {
      failures.add("rollback was not clean: " + String.join("; ", problems));
    }
  }
}
