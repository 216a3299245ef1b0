package dev.drill.runtime.report;

import dev.drill.runtime.journal.UnannouncedStart;
import dev.drill.plan.DrillKind;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalPlan;
import dev.drill.runtime.journal.RunPhase;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.report.RunReport.Bar;
import dev.drill.runtime.report.RunReport.BarKind;
import dev.drill.runtime.report.RunReport.Check;
import dev.drill.runtime.report.RunReport.Detection;
import dev.drill.runtime.report.RunReport.Duty;
import dev.drill.runtime.report.RunReport.DutyStatus;
import dev.drill.runtime.report.RunReport.FailedAction;
import dev.drill.runtime.report.RunReport.Note;
import dev.drill.runtime.report.RunReport.PhaseRun;
import dev.drill.runtime.report.RunReport.Recovery;
import dev.drill.runtime.report.RunReport.Run;
import dev.drill.runtime.report.RunReport.Signal;
import dev.drill.runtime.report.RunReport.Step;
import dev.drill.runtime.report.RunReport.Verdict;
import dev.drill.runtime.report.RunReport.Verify;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one run out of a journal's events. The plan in {@code run-started} gives what was
 * expected (signals, steps, budgets, debrief questions); the events say what happened.
 * Without a readable plan the report is built from the events alone.
 */
final class ReportBuilder {

  /** The rerun window when the journal has no plan to say: the language's default. */
  private static final Duration DEFAULT_RERUN = Duration.ofDays(14);

  private final List<JournalEvent> events;
  private final JournalEvent started;
  private final Optional<Plan> plan;
  private final Instant start;
  private final Optional<Instant> fault;

  private ReportBuilder(List<JournalEvent> events) {
    this.events = events;
    this.started = events.get(0);
    this.plan = JournalPlan.of(started);
    this.start = started.at();
    this.fault = first(Event.FAULT_ACTIVE).map(JournalEvent::at);
  }

  static RunReport build(List<JournalEvent> all, int skippedLines) throws JournalFormatException {
    int from = -1;
    for (int i = 0; i < all.size() && from < 0; i++) {
      if (all.get(i).is(Event.RUN_STARTED)) {
        from = i;
      }
    }
    if (from < 0) {
      throw new JournalFormatException("no 'run-started' event (a journal's first line; it may be lost)");
    }
    // A journal holds one run; should a file be reused, the report keeps to the first one.
    int to = from + 1;
    while (to < all.size() && !all.get(to).is(Event.RUN_STARTED)) {
      to++;
    }
    return new ReportBuilder(List.copyOf(all.subList(from, to))).report(skippedLines);
  }

  private RunReport report(int skippedLines) {
    Run run = run();
    Optional<JournalEvent> outcomeEvent = last(Event.OUTCOME);
    Optional<RunResult.Outcome> outcome = outcomeEvent.flatMap(e -> e.get(Fact.OUTCOME));
    List<String> reasons = outcome.isEmpty() ? interruptedReasons(run)
        : outcomeEvent.get().get(Fact.REASONS).orElse(List.of());
    Optional<Detection> detection = detection(outcomeEvent);
    Optional<Recovery> recovery = recovery(outcomeEvent);
    Optional<LocalDate> rerunDue = outcome.equals(Optional.of(RunResult.Outcome.FAILED))
        ? Optional.of(LocalDate.ofInstant(start, ZoneOffset.UTC).plusDays(wholeDays(run.rerun())))
        : Optional.empty();
    RunReport draft = new RunReport(run, outcome, reasons, fault.map(this::sinceStart), detection, recovery,
        checks(), comms(), phases(), failedActions(), notes(), timeline(), chart(detection, recovery),
        plan.flatMap(p -> p.phase(Phase.Debrief.class)).map(Phase.Debrief::questions).orElse(List.of()),
        rerunDue, new RunReport.Aar(List.of(), List.of(), List.of(), List.of(), List.of()), skippedLines);
    return new RunReport(draft.run(), draft.outcome(), draft.reasons(), draft.faultAt(), draft.detection(),
        draft.recovery(), draft.checks(), draft.comms(), draft.phases(), draft.failedActions(), draft.notes(),
        draft.timeline(), draft.chart(), draft.debrief(), draft.rerunDue(), Findings.of(draft), skippedLines);
  }

  private Run run() {
    Optional<JournalEvent> ended = last(Event.RUN_ENDED);
    Instant end = ended.map(JournalEvent::at).orElse(events.get(events.size() - 1).at());
    return new Run(
        started.text(Fact.DRILL).or(() -> plan.map(Plan::id)).orElse("unknown"),
        started.text(Fact.TITLE).or(() -> plan.map(Plan::title)).orElse(""),
        started.text(Fact.ENVIRONMENT).or(() -> plan.map(Plan::environment)).orElse("unknown"),
        started.text(Fact.FINGERPRINT).or(() -> plan.map(Plan::fingerprint)).orElse(""),
        started.text(Fact.SOURCE).or(() -> plan.map(p -> p.source().file())).orElse(""),
        start,
        end,
        ended.isPresent(),
        plan.flatMap(Plan::timebox).or(() -> started.get(Fact.TIMEBOX)),
        plan.map(Plan::rerun).orElse(DEFAULT_RERUN),
        started.text(Fact.JOURNAL),
        plan.map(Plan::kind).filter(DrillKind.EXPERIMENT::equals).isPresent(),
        Who.of(first(Event.ROSTER), plan), UnannouncedStart.in(events));
  }

  private List<String> interruptedReasons(Run run) {
    List<String> reasons = new ArrayList<>();
    reasons.add("the journal ends at " + Times.sinceStart(sinceStart(run.endedAt()))
        + " without an outcome: the runner stopped before the end (killed, crashed, or still running)");
    boolean rolledBack = events.stream().anyMatch(e -> e.is(Event.PHASE_ENDED)
        && phase(e).equals(RunPhase.ROLLBACK.wireName()));
    if (fault.isPresent() && !rolledBack) {
      reasons.add("the rollback did not run to its end: check the target and undo the fault by hand");
    }
    return reasons;
  }

  // ---- expectations ----

  private Optional<Detection> detection(Optional<JournalEvent> outcome) {
    Optional<Phase.Detect> planned = plan.flatMap(p -> p.phase(Phase.Detect.class));
    Optional<JournalEvent> decided = last(Event.DETECTION);
    List<JournalEvent> fired = all(Event.SIGNAL_FIRED);
    if (planned.isEmpty() && decided.isEmpty() && fired.isEmpty()) {
      return Optional.empty();
    }
    String mode = planned.map(d -> d.mode().keyword()).or(() -> decided.flatMap(e -> e.text(Fact.MODE)))
        .orElse("all");
    Duration budget = planned.map(Phase.Detect::budget)
        .or(() -> decided.flatMap(e -> e.get(Fact.BUDGET)))
        .or(() -> fired.stream().findFirst().flatMap(e -> e.get(Fact.BUDGET)))
        .orElse(Duration.ZERO);
    Map<String, String> titles = new LinkedHashMap<>();
    planned.ifPresent(d -> d.signals().forEach(s -> titles.put(s.id(), s.title())));
    fired.forEach(e -> e.text(Fact.ID).ifPresent(id -> titles.putIfAbsent(id, e.text(Fact.TITLE).orElse(id))));
    decided.ifPresent(e -> e.get(Fact.MISSING).orElse(List.of()).forEach(id -> titles.putIfAbsent(id, id)));
    boolean met = decided.flatMap(e -> e.get(Fact.MET)).orElse(false);
    List<Signal> signals = new ArrayList<>();
    titles.forEach((id, title) -> {
      Optional<JournalEvent> firedEvent = fired.stream()
          .filter(e -> e.text(Fact.ID).orElse("").equals(id)).findFirst();
      if (firedEvent.isPresent()) {
        Duration after = firedEvent.get().get(Fact.SINCE_FAULT).orElse(sinceFault(firedEvent.get().at()));
        boolean inBudget = firedEvent.get().get(Fact.IN_BUDGET).orElse(after.compareTo(budget) <= 0);
        signals.add(new Signal(id, title, Optional.of(after), inBudget ? Verdict.MET : Verdict.MISSED,
            inBudget ? "" : "fired after " + Times.duration(after) + ", over the " + Times.duration(budget) + " budget"));
      } else if (decided.isEmpty()) {
        signals.add(new Signal(id, title, Optional.empty(), Verdict.NOT_REACHED,
            "the run stopped before detection was decided"));
      } else if (met) {
        signals.add(new Signal(id, title, Optional.empty(), Verdict.NOT_REACHED,
            "not needed: detection was met by " + mode + " of the signals"));
      } else {
        signals.add(new Signal(id, title, Optional.empty(), Verdict.MISSED,
            "did not fire within " + Times.duration(budget)));
      }
    });
    Verdict verdict = decided.isEmpty() ? Verdict.NOT_REACHED : met ? Verdict.MET : Verdict.MISSED;
    Optional<Duration> ttd = outcome.flatMap(e -> e.get(Fact.TIME_TO_DETECT))
        .or(() -> met ? decided.flatMap(e -> e.get(Fact.SINCE_FAULT)) : Optional.empty());
    return Optional.of(new Detection(mode, budget, verdict, ttd, signals));
  }

  private Optional<Recovery> recovery(Optional<JournalEvent> outcome) {
    Optional<Phase.Recover> planned = plan.flatMap(p -> p.phase(Phase.Recover.class));
    Optional<JournalEvent> recovered = last(Event.RECOVERED);
    List<JournalEvent> begun = all(Event.STEP_STARTED);
    if (planned.isEmpty() && recovered.isEmpty() && begun.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Phase.RecoveryStep> plannedSteps = new LinkedHashMap<>();
    planned.ifPresent(r -> r.steps().forEach(s -> plannedSteps.put(s.id(), s)));
    Set<String> order = new LinkedHashSet<>();
    begun.forEach(e -> e.text(Fact.ID).ifPresent(order::add));
    order.addAll(plannedSteps.keySet());
    List<Step> steps = new ArrayList<>();
    for (String id : order) {
      steps.add(step(steps.size() + 1, id, Optional.ofNullable(plannedSteps.get(id))));
    }
    // A failed recovery is never met, whatever the steady state did (a journal of an earlier drill may say so).
    boolean recoverFailed = events.stream().anyMatch(e -> e.is(Event.PHASE_ENDED)
        && phase(e).equals(RunPhase.RECOVER.wireName()) && !e.get(Fact.OK).orElse(true));
    boolean met = recovered.flatMap(e -> e.get(Fact.MET)).orElse(false) && !recoverFailed;
    Verdict verdict = recovered.isEmpty() ? Verdict.NOT_REACHED : met ? Verdict.MET : Verdict.MISSED;
    Optional<Duration> budget = planned.flatMap(Phase.Recover::budget)
        .or(() -> recovered.flatMap(e -> e.get(Fact.BUDGET)));
    Optional<Duration> ttr = outcome.flatMap(e -> e.get(Fact.TIME_TO_RECOVER))
        .or(() -> met ? recovered.flatMap(e -> e.get(Fact.SINCE_FAULT)) : Optional.empty());
    String detail = verdict != Verdict.MISSED ? ""
        : recovered.flatMap(e -> e.text(Fact.DETAIL))
            .orElse(recoverFailed ? "recovery failed" : "the steady state did not return");
    return Optional.of(new Recovery(budget, verdict, ttr, steps, detail));
  }

  private Step step(int number, String id, Optional<Phase.RecoveryStep> planned) {
    Optional<JournalEvent> begun = all(Event.STEP_STARTED).stream()
        .filter(e -> e.text(Fact.ID).orElse("").equals(id)).findFirst();
    Optional<JournalEvent> ended = all(Event.STEP_ENDED).stream()
        .filter(e -> e.text(Fact.ID).orElse("").equals(id)).findFirst();
    Optional<JournalEvent> verified = all(Event.VERIFY).stream()
        .filter(e -> e.text(Fact.STEP).orElse("").equals(id)).findFirst();
    String title = planned.map(Phase.RecoveryStep::title)
        .or(() -> begun.flatMap(e -> e.text(Fact.TITLE))).orElse(id);
    Optional<String> role = planned.flatMap(Phase.RecoveryStep::role).or(() -> begun.flatMap(e -> e.text(Fact.ROLE)));
    Optional<Duration> budget = planned.flatMap(Phase.RecoveryStep::budget)
        .or(() -> ended.flatMap(e -> e.get(Fact.BUDGET)));
    Optional<Duration> took = ended.flatMap(e -> e.get(Fact.DURATION)
        .or(() -> begun.map(b -> Duration.between(b.at(), e.at()))));
    Verdict verdict;
    String detail;
    if (ended.isPresent()) {
      boolean ok = ended.get().get(Fact.OK).orElse(false);
      boolean inBudget = ended.get().get(Fact.IN_BUDGET)
          .orElse(budget.isEmpty() || took.isEmpty() || took.get().compareTo(budget.get()) <= 0);
      verdict = ok && inBudget ? Verdict.MET : Verdict.MISSED;
      detail = !ok ? ended.get().text(Fact.DETAIL).orElse("failed")
          : !inBudget ? "took " + took.map(Times::duration).orElse("?") + ", over its "
              + budget.map(Times::duration).orElse("?") + " budget"
          : "";
    } else {
      verdict = Verdict.NOT_REACHED;
      detail = begun.isPresent() ? "did not finish" : "not started";
    }
    Optional<Verify> verify = verified.map(e -> new Verify(e.get(Fact.HELD).orElse(false),
        e.get(Fact.DURATION).orElse(Duration.ZERO), e.get(Fact.BUDGET), e.text(Fact.DETAIL).orElse("")));
    return new Step(number, id, title, role, begun.map(e -> sinceStart(e.at())), took, budget, verdict, detail, verify);
  }

  private List<Check> checks() {
    return all(Event.CHECK).stream().map(e -> new Check(e.text(Fact.PHASE).orElse(RunPhase.STEADY.wireName()),
        e.text(Fact.ID).orElse("?"), e.get(Fact.HOLDS).orElse(false), e.text(Fact.DETAIL).orElse("")))
        .collect(Collectors.toList());
  }

  private List<Duty> comms() {
    return all(Event.COMMS).stream().map(e -> {
      boolean done = e.get(Fact.DONE).orElse(false);
      boolean late = e.get(Fact.LATE).orElse(false);
      return new Duty(e.text(Fact.DUTY).orElse("update"), e.text(Fact.AUDIENCE).orElse("?"),
          e.text(Fact.ROLE).orElse("?"), e.get(Fact.DUE_SINCE_FAULT),
          !done ? DutyStatus.MISSED : late ? DutyStatus.LATE : DutyStatus.DONE,
          e.text(Fact.NOTE).filter(n -> !n.isBlank()));
    }).collect(Collectors.toList());
  }

  private List<PhaseRun> phases() {
    Map<String, Instant> open = new LinkedHashMap<>();
    List<PhaseRun> phases = new ArrayList<>();
    for (JournalEvent e : events) {
      String name = phase(e);
      if (e.is(Event.PHASE_STARTED)) {
        open.put(name, e.at());
      } else if (e.is(Event.PHASE_ENDED) && open.containsKey(name)) {
        boolean ok = e.get(Fact.OK).orElse(false);
        phases.add(new PhaseRun(name, sinceStart(open.remove(name)), Optional.of(sinceStart(e.at())),
            ok ? Verdict.MET : Verdict.MISSED, e.text(Fact.DETAIL).orElse("")));
      }
    }
    open.forEach((name, at) -> phases.add(new PhaseRun(name, sinceStart(at), Optional.empty(),
        Verdict.NOT_REACHED, "did not end")));
    phases.sort((a, b) -> a.start().compareTo(b.start()));
    return phases;
  }

  private List<FailedAction> failedActions() {
    List<FailedAction> failed = new ArrayList<>();
    Map<String, JournalEvent> begun = new LinkedHashMap<>();
    for (JournalEvent e : events) {
      String key = e.text(Fact.PHASE).orElse("?") + "/" + e.text(Fact.STEP).orElse("?") + "/"
          + e.text(Fact.INDEX).orElse("1");
      if (e.is(Event.ACTION_STARTED)) {
        begun.put(key, e);
      } else if (e.is(Event.ACTION_ENDED) && !e.get(Fact.OK).orElse(true)) {
        // The command is written when the action starts; the end says how it went.
        Optional<JournalEvent> start = Optional.ofNullable(begun.get(key));
        failed.add(new FailedAction(sinceStart(start.orElse(e).at()), e.text(Fact.PHASE).orElse("?"),
            e.text(Fact.STEP).orElse("?"), e.get(Fact.INDEX).orElse(1),
            e.text(Fact.KIND).or(() -> start.flatMap(b -> b.text(Fact.KIND))).orElse("?"),
            e.text(Fact.TEXT).or(() -> start.flatMap(b -> b.text(Fact.TEXT))).orElse(""),
            e.text(Fact.DETAIL).orElse("failed"), e.text(Fact.OUTPUT).orElse("")));
      }
    }
    return failed;
  }

  private List<Note> notes() {
    return all(Event.NOTE).stream().map(e -> new Note(sinceStart(e.at()), since(e.at()),
        e.text(Fact.BY).orElse("unknown"), e.text(Fact.TEXT).orElse(""))).collect(Collectors.toList());
  }

  private List<RunReport.Moment> timeline() {
    List<RunReport.Moment> moments = new ArrayList<>();
    for (JournalEvent e : events) {
      Timeline.describe(e).ifPresent(d ->
          moments.add(new RunReport.Moment(sinceStart(e.at()), since(e.at()), d.text(), d.problem())));
    }
    return moments;
  }

  // ---- chart ----

  /** How a signal's bar is labelled when the signal did not fire. */
  static final String DID_NOT_FIRE = " (did not fire)";

  private List<Bar> chart(Optional<Detection> detection, Optional<Recovery> recovery) {
    List<Bar> bars = new ArrayList<>();
    Duration last = sinceStart(events.get(events.size() - 1).at());
    Map<String, Duration[]> injects = new LinkedHashMap<>();
    Set<String> failedInjects = new LinkedHashSet<>();
    for (JournalEvent e : events) {
      if (!phase(e).equals(RunPhase.INJECT.wireName())) {
        continue;
      }
      String step = e.text(Fact.STEP).orElse("inject");
      if (e.is(Event.ACTION_STARTED)) {
        injects.computeIfAbsent(step, s -> new Duration[] {sinceStart(e.at()), null});
      } else if (e.is(Event.ACTION_ENDED)) {
        injects.computeIfAbsent(step, s -> new Duration[] {sinceStart(e.at()), null})[1] = sinceStart(e.at());
        if (!e.get(Fact.OK).orElse(false)) {
          failedInjects.add(step);
        }
      }
    }
    injects.forEach((step, span) -> bars.add(new Bar("inject", injectTitle(step), span[0],
        span[1] == null ? last : span[1],
        failedInjects.contains(step) ? BarKind.FAILED : span[1] == null ? BarKind.UNFINISHED : BarKind.DONE,
        Optional.empty())));
    fault.ifPresent(at -> bars.add(new Bar("inject", "fault active (T0)", sinceStart(at), sinceStart(at), BarKind.MILESTONE,
        Optional.empty())));
    if (fault.isPresent() && detection.isPresent()) {
      Duration t0 = sinceStart(fault.get());
      Duration detectEnd = last(Event.DETECTION).or(() -> first(Event.ABORT)).map(e -> sinceStart(e.at())).orElse(last);
      Optional<Duration> budget = Optional.of(detection.get().budget());
      for (Signal s : detection.get().signals()) {
        if (s.firedAfter().isPresent()) {
          bars.add(new Bar("detect", s.title(), t0, t0.plus(s.firedAfter().get()),
              s.verdict() == Verdict.MET ? BarKind.DONE : BarKind.FAILED, budget));
        } else if (s.verdict() == Verdict.MISSED) {
          bars.add(new Bar("detect", s.title() + DID_NOT_FIRE, t0, detectEnd, BarKind.FAILED, budget));
        } else if (last(Event.DETECTION).isEmpty()) {
          bars.add(new Bar("detect", s.title(), t0, detectEnd, BarKind.UNFINISHED, budget));
        }
      }
    }
    recovery.ifPresent(r -> r.steps().forEach(s -> s.started().ifPresent(begun -> bars.add(new Bar("recover",
        s.title(), begun, s.took().map(begun::plus).orElse(last),
        s.verdict() == Verdict.MET ? BarKind.DONE : s.verdict() == Verdict.MISSED ? BarKind.FAILED : BarKind.UNFINISHED,
        s.budget())))));
    for (PhaseRun phase : phases()) {
      if (phase.name().equals(RunPhase.ROLLBACK.wireName()) || phase.name().equals(RunPhase.TEARDOWN.wireName())) {
        bars.add(new Bar("rollback", phase.name(), phase.start(), phase.end().orElse(last),
            phase.verdict() == Verdict.MET ? BarKind.DONE
                : phase.verdict() == Verdict.MISSED ? BarKind.FAILED : BarKind.UNFINISHED, Optional.empty()));
      }
    }
    return bars;
  }

  private String injectTitle(String step) {
    return plan.flatMap(p -> p.phase(Phase.Inject.class)).flatMap(i -> i.steps().stream()
        .filter(s -> s.id().equals(step)).findFirst()).map(Phase.InjectStep::title).orElse(step);
  }

  // ---- helpers ----

  private Optional<JournalEvent> first(Event kind) {
    return events.stream().filter(e -> e.is(kind)).findFirst();
  }

  private Optional<JournalEvent> last(Event kind) {
    JournalEvent found = null;
    for (JournalEvent e : events) {
      if (e.is(kind)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  private List<JournalEvent> all(Event kind) {
    return events.stream().filter(e -> e.is(kind)).collect(Collectors.toList());
  }

  /** The phase an event names, as written: a phase of a later version of drill is kept as it is. */
  private static String phase(JournalEvent e) {
    return e.text(Fact.PHASE).orElse("");
  }

  private Duration sinceStart(Instant at) {
    return Duration.between(start, at);
  }

  private Duration sinceFault(Instant at) {
    return fault.map(f -> Duration.between(f, at)).orElse(Duration.ZERO);
  }

  private Optional<Duration> since(Instant at) {
    return fault.map(f -> Duration.between(f, at));
  }

  /** Whole days, a part of a day counting as a day (as drill check counts windows). */
  private static long wholeDays(Duration window) {
    long days = window.toDays();
    return window.minusDays(days).isZero() ? days : days + 1;
  }
}
