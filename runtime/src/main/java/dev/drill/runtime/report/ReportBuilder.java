package dev.drill.runtime.report;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.report.RunReport.Bar;
import dev.drill.runtime.report.RunReport.BarKind;
import dev.drill.runtime.report.RunReport.Check;
import dev.drill.runtime.report.RunReport.Detection;
import dev.drill.runtime.report.RunReport.Duty;
import dev.drill.runtime.report.RunReport.DutyStatus;
import dev.drill.runtime.report.RunReport.FailedAction;
import dev.drill.runtime.report.RunReport.Note;
import dev.drill.runtime.report.RunReport.Outcome;
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
    this.plan = Facts.plan(started);
    this.start = started.at();
    this.fault = first("fault-active").map(JournalEvent::at);
  }

  static RunReport build(List<JournalEvent> all, int skippedLines) throws JournalFormatException {
    int from = -1;
    for (int i = 0; i < all.size() && from < 0; i++) {
      if (all.get(i).event().equals("run-started")) {
        from = i;
      }
    }
    if (from < 0) {
      throw new JournalFormatException("no 'run-started' event (a journal's first line; it may be lost)");
    }
    // A journal holds one run; should a file be reused, the report keeps to the first one.
    int to = from + 1;
    while (to < all.size() && !all.get(to).event().equals("run-started")) {
      to++;
    }
    return new ReportBuilder(List.copyOf(all.subList(from, to))).report(skippedLines);
  }

  private RunReport report(int skippedLines) {
    Run run = run();
    Optional<JournalEvent> outcomeEvent = last("outcome");
    Outcome outcome = outcomeEvent.flatMap(e -> Facts.text(e, "outcome")).flatMap(Outcome::fromKeyword)
        .orElse(Outcome.INTERRUPTED);
    List<String> reasons = outcome == Outcome.INTERRUPTED ? interruptedReasons(run)
        : Facts.texts(outcomeEvent.get(), "reasons");
    Optional<Detection> detection = detection(outcomeEvent);
    Optional<Recovery> recovery = recovery(outcomeEvent);
    Optional<LocalDate> rerunDue = outcome == Outcome.FAILED
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
    Optional<JournalEvent> ended = last("run-ended");
    Instant end = ended.map(JournalEvent::at).orElse(events.get(events.size() - 1).at());
    return new Run(
        Facts.text(started, "drill").or(() -> plan.map(Plan::id)).orElse("unknown"),
        Facts.text(started, "title").or(() -> plan.map(Plan::title)).orElse(""),
        Facts.text(started, "environment").or(() -> plan.map(Plan::environment)).orElse("unknown"),
        Facts.text(started, "fingerprint").or(() -> plan.map(Plan::fingerprint)).orElse(""),
        Facts.text(started, "source").or(() -> plan.map(p -> p.source().file())).orElse(""),
        start,
        end,
        ended.isPresent(),
        plan.flatMap(Plan::timebox).or(() -> Facts.millis(started, "timeboxMs")),
        plan.map(Plan::rerun).orElse(DEFAULT_RERUN),
        Facts.text(started, "journal"));
  }

  private List<String> interruptedReasons(Run run) {
    List<String> reasons = new ArrayList<>();
    reasons.add("the journal ends at " + Times.sinceStart(sinceStart(run.endedAt()))
        + " without an outcome: the runner stopped before the end (killed, crashed, or still running)");
    boolean rolledBack = events.stream().anyMatch(e -> e.event().equals("phase-ended")
        && Facts.text(e, "phase", "").equals("rollback"));
    if (fault.isPresent() && !rolledBack) {
      reasons.add("the rollback did not run to its end: check the target and undo the fault by hand");
    }
    return reasons;
  }

  // ---- expectations ----

  private Optional<Detection> detection(Optional<JournalEvent> outcome) {
    Optional<Phase.Detect> planned = plan.flatMap(p -> p.phase(Phase.Detect.class));
    Optional<JournalEvent> decided = last("detection");
    List<JournalEvent> fired = all("signal-fired");
    if (planned.isEmpty() && decided.isEmpty() && fired.isEmpty()) {
      return Optional.empty();
    }
    String mode = planned.map(d -> d.mode().keyword()).or(() -> decided.flatMap(e -> Facts.text(e, "mode")))
        .orElse("all");
    Duration budget = planned.map(Phase.Detect::budget)
        .or(() -> decided.flatMap(e -> Facts.millis(e, "budgetMs")))
        .or(() -> fired.stream().findFirst().flatMap(e -> Facts.millis(e, "budgetMs")))
        .orElse(Duration.ZERO);
    Map<String, String> titles = new LinkedHashMap<>();
    planned.ifPresent(d -> d.signals().forEach(s -> titles.put(s.id(), s.title())));
    fired.forEach(e -> Facts.text(e, "id").ifPresent(id -> titles.putIfAbsent(id, Facts.text(e, "title", id))));
    decided.ifPresent(e -> Facts.texts(e, "missing").forEach(id -> titles.putIfAbsent(id, id)));
    boolean met = decided.flatMap(e -> Facts.bool(e, "met")).orElse(false);
    List<Signal> signals = new ArrayList<>();
    titles.forEach((id, title) -> {
      Optional<JournalEvent> firedEvent = fired.stream()
          .filter(e -> Facts.text(e, "id", "").equals(id)).findFirst();
      if (firedEvent.isPresent()) {
        Duration after = Facts.millis(firedEvent.get(), "sinceFaultMs").orElse(sinceFault(firedEvent.get().at()));
        boolean inBudget = Facts.bool(firedEvent.get(), "inBudget").orElse(after.compareTo(budget) <= 0);
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
    Optional<Duration> ttd = outcome.flatMap(e -> Facts.millis(e, "timeToDetectMs"))
        .or(() -> met ? decided.flatMap(e -> Facts.millis(e, "sinceFaultMs")) : Optional.empty());
    return Optional.of(new Detection(mode, budget, verdict, ttd, signals));
  }

  private Optional<Recovery> recovery(Optional<JournalEvent> outcome) {
    Optional<Phase.Recover> planned = plan.flatMap(p -> p.phase(Phase.Recover.class));
    Optional<JournalEvent> recovered = last("recovered");
    List<JournalEvent> begun = all("step-started");
    if (planned.isEmpty() && recovered.isEmpty() && begun.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Phase.RecoveryStep> plannedSteps = new LinkedHashMap<>();
    planned.ifPresent(r -> r.steps().forEach(s -> plannedSteps.put(s.id(), s)));
    Set<String> order = new LinkedHashSet<>();
    begun.forEach(e -> Facts.text(e, "id").ifPresent(order::add));
    order.addAll(plannedSteps.keySet());
    List<Step> steps = new ArrayList<>();
    for (String id : order) {
      steps.add(step(steps.size() + 1, id, Optional.ofNullable(plannedSteps.get(id))));
    }
    boolean met = recovered.flatMap(e -> Facts.bool(e, "met")).orElse(false);
    Verdict verdict = recovered.isEmpty() ? Verdict.NOT_REACHED : met ? Verdict.MET : Verdict.MISSED;
    Optional<Duration> budget = planned.flatMap(Phase.Recover::budget)
        .or(() -> recovered.flatMap(e -> Facts.millis(e, "budgetMs")));
    Optional<Duration> ttr = outcome.flatMap(e -> Facts.millis(e, "timeToRecoverMs"))
        .or(() -> met ? recovered.flatMap(e -> Facts.millis(e, "sinceFaultMs")) : Optional.empty());
    return Optional.of(new Recovery(budget, verdict, ttr, steps));
  }

  private Step step(int number, String id, Optional<Phase.RecoveryStep> planned) {
    Optional<JournalEvent> begun = all("step-started").stream()
        .filter(e -> Facts.text(e, "id", "").equals(id)).findFirst();
    Optional<JournalEvent> ended = all("step-ended").stream()
        .filter(e -> Facts.text(e, "id", "").equals(id)).findFirst();
    Optional<JournalEvent> verified = all("verify").stream()
        .filter(e -> Facts.text(e, "step", "").equals(id)).findFirst();
    String title = planned.map(Phase.RecoveryStep::title)
        .or(() -> begun.flatMap(e -> Facts.text(e, "title"))).orElse(id);
    Optional<String> role = planned.flatMap(Phase.RecoveryStep::role).or(() -> begun.flatMap(e -> Facts.text(e, "role")));
    Optional<Duration> budget = planned.flatMap(Phase.RecoveryStep::budget)
        .or(() -> ended.flatMap(e -> Facts.millis(e, "budgetMs")));
    Optional<Duration> took = ended.flatMap(e -> Facts.millis(e, "durationMs")
        .or(() -> begun.map(b -> Duration.between(b.at(), e.at()))));
    Verdict verdict;
    String detail;
    if (ended.isPresent()) {
      boolean ok = Facts.bool(ended.get(), "ok").orElse(false);
      boolean inBudget = Facts.bool(ended.get(), "inBudget")
          .orElse(budget.isEmpty() || took.isEmpty() || took.get().compareTo(budget.get()) <= 0);
      verdict = ok && inBudget ? Verdict.MET : Verdict.MISSED;
      detail = !ok ? Facts.text(ended.get(), "detail", "failed")
          : !inBudget ? "took " + took.map(Times::duration).orElse("?") + ", over its "
              + budget.map(Times::duration).orElse("?") + " budget"
          : "";
    } else {
      verdict = Verdict.NOT_REACHED;
      detail = begun.isPresent() ? "did not finish" : "not started";
    }
    Optional<Verify> verify = verified.map(e -> new Verify(Facts.bool(e, "held").orElse(false),
        Facts.millis(e, "durationMs").orElse(Duration.ZERO), Facts.millis(e, "budgetMs"), Facts.text(e, "detail", "")));
    return new Step(number, id, title, role, begun.map(e -> sinceStart(e.at())), took, budget, verdict, detail, verify);
  }

  private List<Check> checks() {
    return all("check").stream().map(e -> new Check(Facts.text(e, "phase", "steady"), Facts.text(e, "id", "?"),
        Facts.bool(e, "holds").orElse(false), Facts.text(e, "detail", ""))).collect(Collectors.toList());
  }

  private List<Duty> comms() {
    return all("comms").stream().map(e -> {
      boolean done = Facts.bool(e, "done").orElse(false);
      boolean late = Facts.bool(e, "late").orElse(false);
      return new Duty(Facts.text(e, "duty", "update"), Facts.text(e, "audience", "?"), Facts.text(e, "role", "?"),
          Facts.millis(e, "dueSinceFaultMs"), !done ? DutyStatus.MISSED : late ? DutyStatus.LATE : DutyStatus.DONE,
          Facts.text(e, "note").filter(n -> !n.isBlank()));
    }).collect(Collectors.toList());
  }

  private List<PhaseRun> phases() {
    Map<String, Instant> open = new LinkedHashMap<>();
    List<PhaseRun> phases = new ArrayList<>();
    for (JournalEvent e : events) {
      String name = Facts.text(e, "phase", "");
      if (e.event().equals("phase-started")) {
        open.put(name, e.at());
      } else if (e.event().equals("phase-ended") && open.containsKey(name)) {
        boolean ok = Facts.bool(e, "ok").orElse(false);
        phases.add(new PhaseRun(name, sinceStart(open.remove(name)), Optional.of(sinceStart(e.at())),
            ok ? Verdict.MET : Verdict.MISSED, Facts.text(e, "detail", "")));
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
      String key = Facts.text(e, "phase", "?") + "/" + Facts.text(e, "step", "?") + "/" + Facts.text(e, "index", "1");
      if (e.event().equals("action-started")) {
        begun.put(key, e);
      } else if (e.event().equals("action-ended") && !Facts.bool(e, "ok").orElse(true)) {
        // The command is written when the action starts; the end says how it went.
        Optional<JournalEvent> start = Optional.ofNullable(begun.get(key));
        failed.add(new FailedAction(sinceStart(start.orElse(e).at()), Facts.text(e, "phase", "?"),
            Facts.text(e, "step", "?"), Facts.number(e, "index").orElse(1L).intValue(),
            Facts.text(e, "kind").or(() -> start.flatMap(b -> Facts.text(b, "kind"))).orElse("?"),
            Facts.text(e, "text").or(() -> start.flatMap(b -> Facts.text(b, "text"))).orElse(""),
            Facts.text(e, "detail", "failed"), Facts.text(e, "output", "")));
      }
    }
    return failed;
  }

  private List<Note> notes() {
    return all("note").stream().map(e -> new Note(sinceStart(e.at()), since(e.at()),
        Facts.text(e, "by", "unknown"), Facts.text(e, "text", ""))).collect(Collectors.toList());
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

  private List<Bar> chart(Optional<Detection> detection, Optional<Recovery> recovery) {
    List<Bar> bars = new ArrayList<>();
    Duration last = sinceStart(events.get(events.size() - 1).at());
    Map<String, Duration[]> injects = new LinkedHashMap<>();
    Set<String> failedInjects = new LinkedHashSet<>();
    for (JournalEvent e : events) {
      if (!Facts.text(e, "phase", "").equals("inject")) {
        continue;
      }
      String step = Facts.text(e, "step", "inject");
      if (e.event().equals("action-started")) {
        injects.computeIfAbsent(step, s -> new Duration[] {sinceStart(e.at()), null});
      } else if (e.event().equals("action-ended")) {
        injects.computeIfAbsent(step, s -> new Duration[] {sinceStart(e.at()), null})[1] = sinceStart(e.at());
        if (!Facts.bool(e, "ok").orElse(false)) {
          failedInjects.add(step);
        }
      }
    }
    injects.forEach((step, span) -> bars.add(new Bar("inject", injectTitle(step), span[0],
        span[1] == null ? last : span[1],
        failedInjects.contains(step) ? BarKind.FAILED : span[1] == null ? BarKind.UNFINISHED : BarKind.DONE)));
    fault.ifPresent(at -> bars.add(new Bar("inject", "fault active (T0)", sinceStart(at), sinceStart(at), BarKind.MILESTONE)));
    if (fault.isPresent() && detection.isPresent()) {
      Duration t0 = sinceStart(fault.get());
      Duration detectEnd = last("detection").or(() -> first("abort")).map(e -> sinceStart(e.at())).orElse(last);
      for (Signal s : detection.get().signals()) {
        if (s.firedAfter().isPresent()) {
          bars.add(new Bar("detect", s.title(), t0, t0.plus(s.firedAfter().get()),
              s.verdict() == Verdict.MET ? BarKind.DONE : BarKind.FAILED));
        } else if (s.verdict() == Verdict.MISSED) {
          bars.add(new Bar("detect", s.title() + " (did not fire)", t0, detectEnd, BarKind.FAILED));
        } else if (last("detection").isEmpty()) {
          bars.add(new Bar("detect", s.title(), t0, detectEnd, BarKind.UNFINISHED));
        }
      }
    }
    recovery.ifPresent(r -> r.steps().forEach(s -> s.started().ifPresent(begun -> bars.add(new Bar("recover",
        s.title(), begun, s.took().map(begun::plus).orElse(last),
        s.verdict() == Verdict.MET ? BarKind.DONE : s.verdict() == Verdict.MISSED ? BarKind.FAILED : BarKind.UNFINISHED)))));
    for (PhaseRun phase : phases()) {
      if (phase.name().equals("rollback") || phase.name().equals("teardown")) {
        bars.add(new Bar("rollback", phase.name(), phase.start(), phase.end().orElse(last),
            phase.verdict() == Verdict.MET ? BarKind.DONE
                : phase.verdict() == Verdict.MISSED ? BarKind.FAILED : BarKind.UNFINISHED));
      }
    }
    return bars;
  }

  private String injectTitle(String step) {
    return plan.flatMap(p -> p.phase(Phase.Inject.class)).flatMap(i -> i.steps().stream()
        .filter(s -> s.id().equals(step)).findFirst()).map(Phase.InjectStep::title).orElse(step);
  }

  // ---- helpers ----

  private Optional<JournalEvent> first(String name) {
    return events.stream().filter(e -> e.event().equals(name)).findFirst();
  }

  private Optional<JournalEvent> last(String name) {
    JournalEvent found = null;
    for (JournalEvent e : events) {
      if (e.event().equals(name)) {
        found = e;
      }
    }
    return Optional.ofNullable(found);
  }

  private List<JournalEvent> all(String name) {
    return events.stream().filter(e -> e.event().equals(name)).collect(Collectors.toList());
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
