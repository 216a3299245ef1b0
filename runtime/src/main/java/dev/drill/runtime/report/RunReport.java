package dev.drill.runtime.report;

import dev.drill.runtime.journal.UnannouncedStart;
import dev.drill.plan.RunResult;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.journal.JournalContents;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a run's journal says happened, ready for the after-action report: how it ended (no
 * outcome yet when the journal ends without one: "interrupted") and why, each expectation met or missed against its budget, what failed and what it printed,
 * the observers' notes, the timeline, and the seeds of the after-action review. Built from
 * the journal alone ({@link #of}), so a report can be rebuilt from any journal, an
 * interrupted one included. Times are measured from the start of the run ("since start")
 * or from the moment the fault was active, T0 ("since fault"). Texts are as the journal
 * has them (redacted, not escaped).
 */
record RunReport(
    Run run,
    Optional<RunResult.Outcome> outcome,
    List<String> reasons,
    Optional<Duration> faultAt,
    Optional<Detection> detection,
    Optional<Recovery> recovery,
    List<Check> checks,
    List<Duty> comms,
    List<PhaseRun> phases,
    List<FailedAction> failedActions,
    List<Note> notes,
    List<Moment> timeline,
    List<Bar> chart,
    List<String> debrief,
    Optional<LocalDate> rerunDue,
    Aar aar,
    int skippedLines) {

  public RunReport {
    reasons = List.copyOf(reasons);
    checks = List.copyOf(checks);
    comms = List.copyOf(comms);
    phases = List.copyOf(phases);
    failedActions = List.copyOf(failedActions);
    notes = List.copyOf(notes);
    timeline = List.copyOf(timeline);
    chart = List.copyOf(chart);
    debrief = List.copyOf(debrief);
  }

  /**
   * The report of a journal's events.
   *
   * @throws JournalFormatException when there is no {@code run-started} event
   */
  static RunReport of(List<JournalEvent> events) throws JournalFormatException {
    return ReportBuilder.build(events, 0);
  }

  /** The report of a journal as read, counting the lines that could not be read. */
  static RunReport of(JournalContents read) throws JournalFormatException {
    return ReportBuilder.build(read.events(), read.skipped());
  }

  /** What the report calls a run whose journal has no outcome (yet): see {@link #outcomeKeyword()}. */
  static final String INTERRUPTED = "interrupted";

  /**
   * The outcome's keyword ({@code passed}, {@code failed}, {@code aborted}), or
   * {@code interrupted} when the journal ends without an outcome: the runner was killed,
   * crashed, or is still running. An interrupted run has no outcome: it neither passed,
   * failed nor was aborted, and leaves no run result.
   */
  public String outcomeKeyword() {
    return outcome.map(RunResult.Outcome::keyword).orElse(INTERRUPTED);
  }

  /** Whether an expectation was met, missed, or never came to be judged (the run stopped before). */
  public enum Verdict {
    MET,
    MISSED,
    NOT_REACHED
  }

  /**
   * The run itself. {@code endedAt} is the {@code run-ended} event's time, or the last
   * event's when there is none ({@code ended} false). {@code experiment} for an unattended
   * experiment, whose steady state is checked again after the inject steps, not after recovery.
   */
  public record Run(
      String drill,
      String title,
      String environment,
      String fingerprint,
      String source,
      Instant startedAt,
      Instant endedAt,
      boolean ended,
      Optional<Duration> timebox,
      Duration rerun,
      Optional<String> journal,
      boolean experiment,
      List<Holder> who,
      Optional<UnannouncedStart> unannounced) {

    public Run {
      who = List.copyOf(who);
    }
  }

  /**
   * A role of the drill and who held it during the run (empty: nobody); the report lists
   * them when the run named anyone ({@code drill run --role}).
   */
  public record Holder(String role, String description, Optional<String> person) {}

  /** The detect phase: the budget from the fault, each signal, and time-to-detect. */
  public record Detection(
      String mode, Duration budget, Verdict verdict, Optional<Duration> timeToDetect, List<Signal> signals) {
    public Detection {
      signals = List.copyOf(signals);
    }
  }

  /** A signal: when it fired after the fault, if it did; {@code detail} says why it was not met. */
  public record Signal(String id, String title, Optional<Duration> firedAfter, Verdict verdict, String detail) {}

  /**
   * The recover phase: its budget, each step in the order run, and time-to-recover (from the
   * fault); {@code detail} says why it was missed.
   */
  public record Recovery(
      Optional<Duration> budget, Verdict verdict, Optional<Duration> timeToRecover, List<Step> steps, String detail) {
    public Recovery {
      steps = List.copyOf(steps);
    }
  }

  /** A recovery step: {@code started} since start, how long it took, its verification. */
  public record Step(
      int number,
      String id,
      String title,
      Optional<String> role,
      Optional<Duration> started,
      Optional<Duration> took,
      Optional<Duration> budget,
      Verdict verdict,
      String detail,
      Optional<Verify> verify) {}

  public record Verify(boolean held, Duration took, Optional<Duration> budget, String detail) {}

  /** A steady-state check, before injection ({@code steady}) or after recovery ({@code steady-again}). */
  public record Check(String phase, String id, boolean holds, String detail) {}

  /** A communication checkpoint: due this long after the fault, and done, late or missed. */
  public record Duty(
      String duty, String audience, String role, Optional<Duration> due, DutyStatus status, Optional<String> note) {}

  public enum DutyStatus {
    DONE,
    LATE,
    MISSED
  }

  /** A phase of the run, from its start to its end (since start), ok or not. */
  public record PhaseRun(String name, Duration start, Optional<Duration> end, Verdict verdict, String detail) {}

  /** An action that failed, with what it printed (redacted by the runner). */
  public record FailedAction(
      Duration at, String phase, String step, int index, String kind, String text, String detail, String output) {}

  /** An observer's note. */
  public record Note(Duration sinceStart, Optional<Duration> sinceFault, String by, String text) {}

  /** A line of the timeline: something worth a human's attention; {@code problem} when it went wrong. */
  public record Moment(Duration sinceStart, Optional<Duration> sinceFault, String text, boolean problem) {}

  /**
   * A bar of the chart, in a section (inject, detect, recover, rollback), from start to end
   * since start; a signal's and a step's {@code budget} counts from the bar's start.
   */
  public record Bar(String section, String label, Duration start, Duration end, BarKind kind, Optional<Duration> budget) {}

  public enum BarKind {
    DONE,
    FAILED,
    UNFINISHED,
    MILESTONE
  }

  /** The five sections of the after-action review, seeded with the findings of the run. */
  public record Aar(
      List<String> wentWell,
      List<String> wentBadly,
      List<String> toImprove,
      List<String> liked,
      List<String> didNotLike) {
    public Aar {
      wentWell = List.copyOf(wentWell);
      wentBadly = List.copyOf(wentBadly);
      toImprove = List.copyOf(toImprove);
      liked = List.copyOf(liked);
      didNotLike = List.copyOf(didNotLike);
    }
  }
}
