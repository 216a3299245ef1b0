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
import static dev.drill.runtime.journal.Fact.HOLDERS;
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
import static dev.drill.runtime.journal.Fact.OK;
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
import static dev.drill.runtime.journal.Fact.UNHELD;
import static dev.drill.runtime.journal.Fact.WORKDIR;
import static dev.drill.runtime.journal.Fact.YES;
import static dev.drill.runtime.journal.Slot.maybe;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the journal records, in the order a run writes it: each event's name in the journal
 * and its facts, in the order they are written; {@code maybe} marks a fact an event leaves
 * out when it has none. This is the contract between the runner and everything that reads a
 * journal (the report, {@code drill rollback}, the live lines), documented in
 * docs/journal.md (a test holds the two together). Only {@link Recorder} writes events.
 *
 * <p>Readers ignore events and facts they do not know: a journal may come from a later version.
 */
public enum Event {
  RUN_STARTED("run-started", DRILL, TITLE, FINGERPRINT, SOURCE, ENVIRONMENT, AUTO, PARAMS, SECRETS, maybe(TIMEBOX),
      WORKDIR, JOURNAL, RESULTS, PID, HOST, PLAN),
  ROSTER("roster", HOLDERS, UNHELD),
  ARMED("armed", FROM, UNTIL, ZONE, BLACKOUTS),
  UNANNOUNCED_START("unannounced-start", SEED),
  DISARMED("disarmed", REASON),
  PHASE_STARTED("phase-started", PHASE),
  PHASE_ENDED("phase-ended", PHASE, OK, maybe(DETAIL)),
  ACTION_STARTED("action-started", PHASE, STEP, INDEX, KIND, TEXT),
  ACTION_ENDED("action-ended", PHASE, STEP, INDEX, KIND, OK, DETAIL, maybe(OUTPUT), DURATION),
  CHECK("check", PHASE, ID, HOLDS, DETAIL),
  PROBE("probe", PROBE_ROLE, ID, HOLDS, DETAIL),
  FAULT_ACTIVE("fault-active"),
  SIGNAL_FIRED("signal-fired", ID, TITLE, SINCE_FAULT, BUDGET, IN_BUDGET),
  DETECTION("detection", MODE, MET, maybe(SINCE_FAULT), BUDGET, FIRED, MISSING),
  STEP_STARTED("step-started", ID, TITLE, maybe(ROLE)),
  STEP_ENDED("step-ended", ID, TITLE, maybe(ROLE), OK, maybe(DETAIL), DURATION, maybe(BUDGET), maybe(IN_BUDGET)),
  VERIFY("verify", STEP, HELD, DETAIL, DURATION, maybe(BUDGET)),
  RECOVERED("recovered", MET, maybe(SINCE_FAULT), maybe(BUDGET), maybe(DETAIL)),
  COMMS("comms", DUTY, AUDIENCE, ROLE, DUE_SINCE_FAULT, DONE, LATE, maybe(Fact.NOTE)),
  ANSWER("answer", QUESTION, YES, maybe(Fact.NOTE)),
  NOTE("note", TEXT, BY),
  INTERRUPT("interrupt", SIGNAL, REASON, ROLLING_BACK),
  ABORT("abort", REASON),
  OUTCOME("outcome", Fact.OUTCOME, REASONS, maybe(TIME_TO_DETECT), maybe(TIME_TO_RECOVER)),
  RUN_ENDED("run-ended"),
  RESUMED("resumed", BY, PID, HOST, UNDO, TEARDOWN);

  private static final Map<String, Event> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(Event::wireName, Function.identity()));

  private final String wireName;
  private final List<Slot> slots;

  Event(String wireName, Slot... slots) {
    this.wireName = wireName;
    this.slots = List.of(slots);
  }

  /** The event's name in the journal, such as {@code run-started}. */
  public String wireName() {
    return wireName;
  }

  /** The event of that name; empty for one this version of drill does not know. */
  public static Optional<Event> named(String wireName) {
    return Optional.ofNullable(BY_NAME.get(wireName));
  }

  /** The facts, in the order they are written. */
  List<Slot> slots() {
    return slots;
  }

  /** Where the fact goes among the event's facts; -1 when the event has no such fact. */
  int indexOf(Fact<?> fact) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).fact() == fact) {
        return i;
      }
    }
    return -1;
  }
}
