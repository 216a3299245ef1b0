package dev.drill.runtime.journal;

import static dev.drill.runtime.journal.Fact.AUDIENCE;
import static dev.drill.runtime.journal.Fact.SEED;
import static dev.drill.runtime.journal.Fact.BLACKOUTS;
import static dev.drill.runtime.journal.Fact.ZONE;
import static dev.drill.runtime.journal.Fact.UNTIL;
import static dev.drill.runtime.journal.Fact.FROM;
import static dev.drill.runtime.journal.Fact.AUTO;
import static dev.drill.runtime.journal.Fact.BUDGET;
import static dev.drill.runtime.journal.Fact.BY;
import static dev.drill.runtime.journal.Fact.DETAIL;
import static dev.drill.runtime.journal.Fact.DONE;
import static dev.drill.runtime.journal.Fact.DRILL;
import static dev.drill.runtime.journal.Fact.DUE_SINCE_FAULT;
import static dev.drill.runtime.journal.Fact.DURATION;
import static dev.drill.runtime.journal.Fact.DUTY;
import static dev.drill.runtime.journal.Fact.ENVIRONMENT;
import static dev.drill.runtime.journal.Fact.FINGERPRINT;
import static dev.drill.runtime.journal.Fact.FIRED;
import static dev.drill.runtime.journal.Fact.HELD;
import static dev.drill.runtime.journal.Fact.HOLDS;
import static dev.drill.runtime.journal.Fact.HOST;
import static dev.drill.runtime.journal.Fact.ID;
import static dev.drill.runtime.journal.Fact.INDEX;
import static dev.drill.runtime.journal.Fact.IN_BUDGET;
import static dev.drill.runtime.journal.Fact.JOURNAL;
import static dev.drill.runtime.journal.Fact.KIND;
import static dev.drill.runtime.journal.Fact.LATE;
import static dev.drill.runtime.journal.Fact.MET;
import static dev.drill.runtime.journal.Fact.MISSING;
import static dev.drill.runtime.journal.Fact.MODE;
import static dev.drill.runtime.journal.Fact.NOTE;
import static dev.drill.runtime.journal.Fact.OK;
import static dev.drill.runtime.journal.Fact.OUTCOME;
import static dev.drill.runtime.journal.Fact.OUTPUT;
import static dev.drill.runtime.journal.Fact.PARAMS;
import static dev.drill.runtime.journal.Fact.PHASE;
import static dev.drill.runtime.journal.Fact.PID;
import static dev.drill.runtime.journal.Fact.PLAN;
import static dev.drill.runtime.journal.Fact.PROBE_ROLE;
import static dev.drill.runtime.journal.Fact.QUESTION;
import static dev.drill.runtime.journal.Fact.REASON;
import static dev.drill.runtime.journal.Fact.REASONS;
import static dev.drill.runtime.journal.Fact.RESULTS;
import static dev.drill.runtime.journal.Fact.ROLE;
import static dev.drill.runtime.journal.Fact.ROLLING_BACK;
import static dev.drill.runtime.journal.Fact.SECRETS;
import static dev.drill.runtime.journal.Fact.SIGNAL;
import static dev.drill.runtime.journal.Fact.SINCE_FAULT;
import static dev.drill.runtime.journal.Fact.SOURCE;
import static dev.drill.runtime.journal.Fact.STEP;
import static dev.drill.runtime.journal.Fact.TEARDOWN;
import static dev.drill.runtime.journal.Fact.TEXT;
import static dev.drill.runtime.journal.Fact.TIMEBOX;
import static dev.drill.runtime.journal.Fact.TIME_TO_DETECT;
import static dev.drill.runtime.journal.Fact.TIME_TO_RECOVER;
import static dev.drill.runtime.journal.Fact.TITLE;
import static dev.drill.runtime.journal.Fact.UNDO;
import static dev.drill.runtime.journal.Fact.WORKDIR;
import static dev.drill.runtime.journal.Fact.YES;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Writes the journal's events, one method per {@link Event}, each timed now and with its
 * facts in the order {@link Event} gives. Every text fact passes the run's redaction first.
 * Safe from any thread: the journal orders the lines.
 */
public final class Recorder {

  private final Journal journal;
  private final Supplier<Instant> now;
  private final UnaryOperator<String> redact;

  /**
   * @param now the time of each event (the run's clock)
   * @param redact replaces secret values in every text fact
   */
  public Recorder(Journal journal, Supplier<Instant> now, UnaryOperator<String> redact) {
    this.journal = journal;
    this.now = now;
    this.redact = redact;
  }

  /**
   * The first line of every journal, timed {@code at}, the run's start (which names its
   * directory and its result file): the plan (whole, so the journal alone rebuilds the
   * report and finishes a rollback), the values, and where and by whom the run ran.
   */
  public void runStarted(Instant at, Plan plan, boolean auto, Map<String, String> shownParams, String workdir,
      String journalShown, String results, long pid, String host) {
    event(Event.RUN_STARTED).at(at).with(DRILL, plan.id()).with(TITLE, plan.title()).with(FINGERPRINT, plan.fingerprint())
        .with(SOURCE, plan.source().file()).with(ENVIRONMENT, plan.environment()).with(AUTO, auto)
        .with(PARAMS, shownParams).with(SECRETS, plan.secrets().stream().map(Plan.Secret::name).toList())
        .maybe(TIMEBOX, plan.timebox()).with(WORKDIR, workdir).with(JOURNAL, journalShown).with(RESULTS, results)
        .with(PID, pid).with(HOST, host).with(PLAN, plan).write();
  }

  /**
   * Who held which role (role id to person), and the roles a step or comms duty is for that
   * nobody held; right after {@code run-started}, when someone was named.
   */
  public void roster(Map<String, String> holders, List<String> unheld) {
    event(Event.ROSTER).with(Fact.HOLDERS, holders).with(Fact.UNHELD, unheld).write();
  }

  /**
   * An unannounced drill is armed: the window and blackouts it may start in, never the
   * moment (whoever reads the journal must not learn it early).
   */
  public void armed(Instant from, Instant until, String zone, List<String> blackouts) {
    event(Event.ARMED).with(FROM, from).with(UNTIL, until).with(ZONE, zone).with(BLACKOUTS, blackouts).write();
  }

  /** The unannounced moment has come: the seed it was drawn from is no secret any more. */
  public void unannouncedStart(long seed) {
    event(Event.UNANNOUNCED_START).with(SEED, seed).write();
  }

  /** An armed drill stopped before its moment: nothing was injected. */
  public void disarmed(String reason) {
    event(Event.DISARMED).with(REASON, reason).write();
  }

  public void phaseStarted(RunPhase phase) {
    event(Event.PHASE_STARTED).with(PHASE, phase.wireName()).write();
  }

  /** @param detail what went wrong, when something did */
  public void phaseEnded(RunPhase phase, boolean ok, Optional<String> detail) {
    event(Event.PHASE_ENDED).with(PHASE, phase.wireName()).with(OK, ok).maybe(DETAIL, detail).write();
  }

  /** @param index the action's place in its step, from 1 */
  public void actionStarted(RunPhase phase, String step, int index, String kind, String text) {
    event(Event.ACTION_STARTED).with(PHASE, phase.wireName()).with(STEP, step).with(INDEX, index).with(KIND, kind)
        .with(TEXT, text).write();
  }

  public void actionEnded(RunPhase phase, String step, int index, String kind, boolean ok, String detail,
      Optional<String> output, Duration took) {
    event(Event.ACTION_ENDED).with(PHASE, phase.wireName()).with(STEP, step).with(INDEX, index).with(KIND, kind)
        .with(OK, ok).with(DETAIL, detail).maybe(OUTPUT, output).with(DURATION, took).write();
  }

  public void check(RunPhase phase, String id, boolean holds, String detail) {
    event(Event.CHECK).with(PHASE, phase.wireName()).with(ID, id).with(HOLDS, holds).with(DETAIL, detail).write();
  }

  public void probe(ProbeRole role, String id, boolean holds, String detail) {
    event(Event.PROBE).with(PROBE_ROLE, role.wireName()).with(ID, id).with(HOLDS, holds).with(DETAIL, detail).write();
  }

  public void faultActive() {
    event(Event.FAULT_ACTIVE).write();
  }

  public void signalFired(String id, String title, Duration sinceFault, Duration budget, boolean inBudget) {
    event(Event.SIGNAL_FIRED).with(ID, id).with(TITLE, title).with(SINCE_FAULT, sinceFault).with(BUDGET, budget)
        .with(IN_BUDGET, inBudget).write();
  }

  /** @param sinceFault when detection was met, if it was */
  public void detection(Phase.DetectMode mode, boolean met, Optional<Duration> sinceFault, Duration budget,
      List<String> fired, List<String> missing) {
    event(Event.DETECTION).with(MODE, mode.keyword()).with(MET, met).maybe(SINCE_FAULT, sinceFault)
        .with(BUDGET, budget).with(FIRED, fired).with(MISSING, missing).write();
  }

  public void stepStarted(String id, String title, Optional<String> role) {
    event(Event.STEP_STARTED).with(ID, id).with(TITLE, title).maybe(ROLE, role).write();
  }

  /** @param inBudget empty for a step cut short */
  public void stepEnded(String id, String title, Optional<String> role, boolean ok, Optional<String> detail,
      Duration took, Optional<Duration> budget, Optional<Boolean> inBudget) {
    event(Event.STEP_ENDED).with(ID, id).with(TITLE, title).maybe(ROLE, role).with(OK, ok).maybe(DETAIL, detail)
        .with(DURATION, took).maybe(BUDGET, budget).maybe(IN_BUDGET, inBudget).write();
  }

  public void verify(String step, boolean held, String detail, Duration took, Optional<Duration> budget) {
    event(Event.VERIFY).with(STEP, step).with(HELD, held).with(DETAIL, detail).with(DURATION, took)
        .maybe(BUDGET, budget).write();
  }

  /** @param detail why recovery was not met, when it was not */
  public void recovered(boolean met, Optional<Duration> sinceFault, Optional<Duration> budget,
      Optional<String> detail) {
    event(Event.RECOVERED).with(MET, met).maybe(SINCE_FAULT, sinceFault).maybe(BUDGET, budget).maybe(DETAIL, detail)
        .write();
  }

  /** @param duty {@code update} or {@code notify} */
  public void comms(String duty, String audience, String role, Duration dueSinceFault, boolean done, boolean late,
      Optional<String> note) {
    event(Event.COMMS).with(DUTY, duty).with(AUDIENCE, audience).with(ROLE, role)
        .with(DUE_SINCE_FAULT, dueSinceFault).with(DONE, done).with(LATE, late).maybe(NOTE, note).write();
  }

  public void answer(String question, boolean yes, Optional<String> note) {
    event(Event.ANSWER).with(QUESTION, question).with(YES, yes).maybe(NOTE, note).write();
  }

  /**
   * @param by {@code terminal} or {@code drill note}
   * @return the event written
   */
  public JournalEvent note(String text, String by) {
    return event(Event.NOTE).with(TEXT, text).with(BY, by).write();
  }

  public void interrupt(String signal, String reason, boolean rollingBack) {
    event(Event.INTERRUPT).with(SIGNAL, signal).with(REASON, reason).with(ROLLING_BACK, rollingBack).write();
  }

  public void abort(String reason) {
    event(Event.ABORT).with(REASON, reason).write();
  }

  public void outcome(RunResult.Outcome outcome, List<String> reasons, Optional<Duration> timeToDetect,
      Optional<Duration> timeToRecover) {
    event(Event.OUTCOME).with(OUTCOME, outcome).with(REASONS, reasons).maybe(TIME_TO_DETECT, timeToDetect)
        .maybe(TIME_TO_RECOVER, timeToRecover).write();
  }

  public void runEnded() {
    event(Event.RUN_ENDED).write();
  }

  /** {@code drill rollback} took over the rollback of a killed run. */
  public void resumed(String by, long pid, String host, List<String> undo, int teardown) {
    event(Event.RESUMED).with(BY, by).with(PID, pid).with(HOST, host).with(UNDO, undo).with(TEARDOWN, teardown)
        .write();
  }

  private Line event(Event event) {
    return new Line(event);
  }

  /** An event being written: its facts go into the places {@link Event} gives them. */
  private final class Line {
    private final Event event;
    private final Object[] values;
    private Optional<Instant> at = Optional.empty();

    Line(Event event) {
      this.event = event;
      this.values = new Object[event.slots().size()];
    }

    <T> Line with(Fact<T> fact, T value) {
      int at = event.indexOf(fact);
      if (at < 0) {
        throw new IllegalArgumentException("event '" + event.wireName() + "' has no fact '" + fact + "'");
      }
      Object written = value == null ? null : fact.write(value);
      values[at] = written instanceof String text ? redact.apply(text) : written;
      return this;
    }

    /** The event's time, when it is not now. */
    Line at(Instant instant) {
      at = Optional.of(instant);
      return this;
    }

    <T> Line maybe(Fact<T> fact, Optional<T> value) {
      return with(fact, value.orElse(null));
    }

    JournalEvent write() {
      Map<String, Object> facts = new LinkedHashMap<>();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          facts.put(event.slots().get(i).fact().wireName(), values[i]);
        }
      }
      JournalEvent line = new JournalEvent(at.orElseGet(now), event.wireName(), facts);
      journal.record(line);
      return line;
    }
  }
}
