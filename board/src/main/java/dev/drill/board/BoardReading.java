package dev.drill.board;

import dev.drill.plan.CommsDuty;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalPlan;
import dev.drill.runtime.journal.ProbeRole;
import dev.drill.runtime.journal.RunPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a journal's events into what the board shows: the plan from {@code run-started}
 * gives the rows (signals, steps, duties, abort conditions) and their budgets, the events
 * that follow give their states. The same events the console and the report read.
 */
final class BoardReading {

  private BoardReading() {}

  static BoardState of(List<JournalEvent> events, Instant now) {
    Optional<JournalEvent> started = events.stream().findFirst().filter(e -> e.is(Event.RUN_STARTED));
    Optional<Plan> plan = started.flatMap(JournalPlan::of);
    Optional<Long> faultAt = first(events, Event.FAULT_ACTIVE).map(e -> e.at().toEpochMilli());
    Optional<Long> endedAt = first(events, Event.RUN_ENDED).map(e -> e.at().toEpochMilli());
    return new BoardState(
        started.isEmpty() ? "waiting" : endedAt.isPresent() ? "ended" : "running",
        started.flatMap(e -> e.get(Fact.DRILL)).orElse(""),
        started.flatMap(e -> e.get(Fact.TITLE)).orElse(""),
        started.flatMap(e -> e.get(Fact.ENVIRONMENT)).orElse(""),
        started.map(e -> e.at().toEpochMilli()),
        faultAt,
        endedAt,
        started.flatMap(e -> e.get(Fact.TIMEBOX)).map(Duration::toMillis),
        currentPhase(events),
        phases(events),
        plan.flatMap(p -> p.phase(Phase.Detect.class)).map(d -> d.budget().toMillis()),
        signals(plan, events, faultAt.isPresent()),
        steps(plan, events),
        comms(plan, events),
        aborts(plan, events),
        first(events, Event.OUTCOME).flatMap(e -> e.text(Fact.OUTCOME)),
        first(events, Event.OUTCOME).flatMap(e -> e.get(Fact.REASONS)).orElse(List.of()),
        BoardTimeline.of(events),
        now.toEpochMilli());
  }

  private static Optional<JournalEvent> first(List<JournalEvent> events, Event kind) {
    return events.stream().filter(e -> e.is(kind)).findFirst();
  }

  private static String currentPhase(List<JournalEvent> events) {
    String phase = "";
    for (JournalEvent e : events) {
      if (e.is(Event.PHASE_STARTED)) {
        phase = e.get(Fact.PHASE).orElse("");
      } else if (e.is(Event.PHASE_ENDED) && e.get(Fact.PHASE).orElse("").equals(phase)) {
        phase = "";
      }
    }
    return phase;
  }

  /** Every phase a run goes through, in order, and how far it got. */
  private static List<BoardState.PhaseRow> phases(List<JournalEvent> events) {
    Map<String, String> states = new LinkedHashMap<>();
    for (RunPhase phase : RunPhase.values()) {
      states.put(phase.wireName(), "waiting");
    }
    for (JournalEvent e : events) {
      String phase = e.get(Fact.PHASE).orElse("");
      if (e.is(Event.PHASE_STARTED)) {
        states.put(phase, "running");
      } else if (e.is(Event.PHASE_ENDED)) {
        states.put(phase, e.get(Fact.OK).orElse(false) ? "done" : "failed");
      }
    }
    List<BoardState.PhaseRow> rows = new ArrayList<>();
    states.forEach((name, state) -> rows.add(new BoardState.PhaseRow(name, state)));
    return rows;
  }

  private static List<BoardState.SignalRow> signals(Optional<Plan> plan, List<JournalEvent> events, boolean faulted) {
    Optional<JournalEvent> detection = first(events, Event.DETECTION);
    List<String> missing = detection.flatMap(e -> e.get(Fact.MISSING)).orElse(List.of());
    List<BoardState.SignalRow> rows = new ArrayList<>();
    for (Phase.Signal signal : plan.flatMap(p -> p.phase(Phase.Detect.class)).map(Phase.Detect::signals)
        .orElse(List.of())) {
      Optional<JournalEvent> fired = events.stream()
          .filter(e -> e.is(Event.SIGNAL_FIRED) && e.get(Fact.ID).equals(Optional.of(signal.id()))).findFirst();
      String state = fired.isPresent() ? "fired"
          : missing.contains(signal.id()) || detection.isPresent() ? "missed"
          : faulted ? "watching" : "waiting";
      rows.add(new BoardState.SignalRow(signal.id(), signal.title(), state,
          fired.flatMap(e -> e.get(Fact.SINCE_FAULT)).map(Duration::toMillis),
          fired.flatMap(e -> e.get(Fact.IN_BUDGET)).orElse(true)));
    }
    return rows;
  }

  private static List<BoardState.StepRow> steps(Optional<Plan> plan, List<JournalEvent> events) {
    List<BoardState.StepRow> rows = new ArrayList<>();
    for (Phase.RecoveryStep step : plan.flatMap(p -> p.phase(Phase.Recover.class)).map(Phase.Recover::steps)
        .orElse(List.of())) {
      Optional<JournalEvent> started = about(events, Event.STEP_STARTED, Fact.ID, step.id());
      Optional<JournalEvent> ended = about(events, Event.STEP_ENDED, Fact.ID, step.id());
      Optional<JournalEvent> verified = about(events, Event.VERIFY, Fact.STEP, step.id());
      String state = ended.isPresent()
          ? (!ended.get().get(Fact.OK).orElse(false) ? "failed"
              : ended.get().get(Fact.IN_BUDGET).orElse(true) ? "done" : "late")
          : started.isPresent() ? "running" : "waiting";
      String verification = step.verify().isEmpty() ? ""
          : verified.map(v -> v.get(Fact.HELD).orElse(false) ? "held" : "did not hold").orElse("pending");
      rows.add(new BoardState.StepRow(step.id(), step.title(), step.role().orElse(""),
          step.budget().map(Duration::toMillis), state, started.map(e -> e.at().toEpochMilli()),
          ended.flatMap(e -> e.get(Fact.DURATION)).map(Duration::toMillis),
          step.verify().map(v -> PlanText.probe(v.probe())).orElse(""), verification));
    }
    return rows;
  }

  private static Optional<JournalEvent> about(List<JournalEvent> events, Event kind, Fact<String> key, String id) {
    return events.stream().filter(e -> e.is(kind) && e.get(key).equals(Optional.of(id))).findFirst();
  }

  /** Each duty's checkpoints answered so far, and the next one due. */
  private static List<BoardState.CommsRow> comms(Optional<Plan> plan, List<JournalEvent> events) {
    List<BoardState.CommsRow> rows = new ArrayList<>();
    for (CommsDuty duty : plan.flatMap(p -> p.phase(Phase.Comms.class)).map(Phase.Comms::duties).orElse(List.of())) {
      String name = duty instanceof CommsDuty.Update ? "update" : "notify";
      List<JournalEvent> answered = events.stream().filter(e -> e.is(Event.COMMS)
          && e.get(Fact.DUTY).equals(Optional.of(name)) && e.get(Fact.ROLE).equals(Optional.of(duty.role()))).toList();
      int done = (int) answered.stream().filter(e -> e.get(Fact.DONE).orElse(false)).count();
      Optional<JournalEvent> last = answered.isEmpty() ? Optional.empty() : Optional.of(answered.get(answered.size() - 1));
      String state = last.map(e -> !e.get(Fact.DONE).orElse(false) ? "not done" : e.get(Fact.LATE).orElse(false)
          ? "late" : "done").orElse("due");
      Optional<Long> due = duty instanceof CommsDuty.Update update
          ? Optional.of(update.every().toMillis() * (answered.size() + 1))
          : duty instanceof CommsDuty.Notify notify ? Optional.of(notify.within().toMillis()) : Optional.empty();
      if (duty instanceof CommsDuty.Update && state.equals("done")) {
        state = "due";
      }
      rows.add(new BoardState.CommsRow(name, duty.audience(), duty.role(), due, done, state));
    }
    return rows;
  }

  private static List<BoardState.AbortRow> aborts(Optional<Plan> plan, List<JournalEvent> events) {
    List<Phase.AbortCondition> conditions = plan.flatMap(p -> p.phase(Phase.Abort.class))
        .map(Phase.Abort::conditions).orElse(List.of());
    Optional<JournalEvent> aborted = first(events, Event.ABORT);
    List<BoardState.AbortRow> rows = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      String id = "abort-" + (i + 1);
      Optional<JournalEvent> look = events.stream().filter(e -> e.is(Event.PROBE)
          && e.get(Fact.PROBE_ROLE).equals(Optional.of(ProbeRole.ABORT.wireName()))
          && e.get(Fact.ID).equals(Optional.of(id))).reduce((a, b) -> b);
      boolean holds = look.flatMap(e -> e.get(Fact.HOLDS)).orElse(false);
      String state = look.isEmpty() ? "waiting" : holds && aborted.isPresent() ? "aborted" : holds ? "holds" : "clear";
      rows.add(new BoardState.AbortRow(id, PlanText.probe(conditions.get(i).probe()), state,
          look.flatMap(e -> e.get(Fact.DETAIL)).orElse("")));
    }
    return rows;
  }
}
