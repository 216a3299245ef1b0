package dev.drill.compiler.practice;

import dev.drill.compiler.ast.Durations;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import dev.drill.plan.SourceSpan;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Is a drill practiced? Holds a plan against its run results and today's date.
 *
 * <p>drill check works in whole UTC days. A run's <em>date</em> is the UTC date of its
 * {@code startedAt}. A window of {@code N} days (the {@code cadence}, the {@code rerun} window)
 * that opens on date {@code D} is <em>due by</em> {@code D + N days}, that day included; it is
 * missed from the day after. A window that is not a whole number of days counts as the next
 * whole number ({@code 36h} is 2 days). So with {@code cadence 30d} and a pass on 2026-10-01,
 * the drill is due by 2026-10-31: on 2026-10-31 it is not overdue, on 2026-11-01 it is.
 *
 * <p>Only results whose {@code drill} is the plan's id count; "the latest" is the one that
 * started last. The rules:
 *
 * <ul>
 *   <li>{@link Code#D701} (warning): there is no result at all.
 *   <li>{@link Code#D702} (warning): the latest passed run practiced another fingerprint than
 *       the plan's: the procedure changed since.
 *   <li>{@link Code#D703} (error, only for a drill with a {@code cadence}): {@code today} is
 *       after the latest passed run's date plus the cadence, whatever fingerprint it ran; or,
 *       when no run passed, after the first run's date plus the cadence.
 *   <li>{@link Code#D704} (error): the latest failed run has no passed run starting after it,
 *       and {@code today} is after its date plus the {@code rerun} window.
 * </ul>
 *
 * An aborted run counts neither as passed nor as failed; it only starts the cadence of a drill
 * that never passed. Findings come in code order, each at the drill's first line, with a note
 * at the result file it is about.
 */
public final class PracticeFreshness {

  // Keeps "date + window" inside LocalDate for absurd windows (10,000 years is never due).
  private static final long MAX_DAYS = 3_652_500;

  private PracticeFreshness() {}

  /** The findings about a plan's practice, by the rules above, in code order. */
  public static List<Diagnostic> check(Plan plan, List<LoadedResult> results, LocalDate today) {
    return check(plan, results, today, List.of());
  }

  /**
   * The same, with the drill's open action items ({@link ActionItemCheck#named}): a D704 names
   * them, since they are what stands between the failed run and a passed re-run.
   */
  public static List<Diagnostic> check(Plan plan, List<LoadedResult> results, LocalDate today, List<String> openItems) {
    List<LoadedResult> runs = results.stream()
        .filter(r -> r.result().drill().equals(plan.id()))
        .sorted(Comparator.comparing((LoadedResult r) -> r.result().startedAt())
            .thenComparing(LoadedResult::file))
        .collect(Collectors.toList());
    Context at = new Context(plan, today, openItems);
    if (runs.isEmpty()) {
      return List.of(at.neverPracticed());
    }
    Optional<LoadedResult> lastPass = latest(runs, Outcome.PASSED);
    Optional<LoadedResult> lastFail = latest(runs, Outcome.FAILED);
    List<Diagnostic> found = new ArrayList<>();
    lastPass.filter(pass -> !pass.result().fingerprint().equals(plan.fingerprint()))
        .ifPresent(pass -> found.add(at.changedSince(pass)));
    plan.cadence().flatMap(cadence -> lastPass.isPresent()
            ? at.overdue(lastPass.get(), cadence)
            : at.neverPassed(runs.get(0), cadence))
        .ifPresent(found::add);
    lastFail.filter(fail -> lastPass.isEmpty()
            || !lastPass.get().result().startedAt().isAfter(fail.result().startedAt()))
        .flatMap(at::notRerun)
        .ifPresent(found::add);
    return found;
  }

  /** The UTC date a run started on. */
  static LocalDate date(LoadedResult run) {
    return LocalDate.ofInstant(run.result().startedAt(), ZoneOffset.UTC);
  }

  /** The last day of a window of this length opening on {@code from}, as described above. */
  static LocalDate dueBy(LocalDate from, Duration window) {
    long days = window.toDays();
    if (window.compareTo(Duration.ofDays(days)) > 0) {
      days++;
    }
    return from.plusDays(Math.min(days, MAX_DAYS));
  }

  private static Optional<LoadedResult> latest(List<LoadedResult> runs, Outcome outcome) {
    return runs.stream().filter(r -> r.result().outcome() == outcome).reduce((a, b) -> b);
  }

  /** The messages, all about one plan on one day. */
  private static final class Context {

    private final Plan plan;
    private final LocalDate today;
    private final SourceSpan span;
    private final String runIt;
    private final List<String> openItems;

    Context(Plan plan, LocalDate today, List<String> openItems) {
      this.plan = plan;
      this.today = today;
      this.openItems = List.copyOf(openItems);
      this.span = SourceSpan.at(plan.source().file(), plan.source().line(), plan.source().column());
      this.runIt = "drill run " + plan.source().file();
    }

    Diagnostic neverPracticed() {
      return Diagnostic.of(Code.D701, span,
          "drill '" + plan.id() + "' has never been practiced: there is no run result for it",
          "run the drill: " + runIt + ", and commit the result file it writes");
    }

    Diagnostic changedSince(LoadedResult pass) {
      LocalDate passed = date(pass);
      Optional<LocalDate> due = plan.cadence().map(c -> dueBy(passed, c)).filter(d -> !today.isAfter(d));
      String hint = due.map(d -> "practice the changed procedure by " + d + ", when the drill is due: " + runIt)
          .orElse("practice the changed procedure: " + runIt);
      return Diagnostic.of(Code.D702, span,
              "procedure changed since last practiced on " + passed + " (" + ago(passed) + "): that run passed "
                  + pass.result().fingerprint() + ", the drill is now " + plan.fingerprint(),
              hint)
          .withRelated(pass.span(), "the last passed run");
    }

    Optional<Diagnostic> overdue(LoadedResult pass, Duration cadence) {
      LocalDate passed = date(pass);
      LocalDate due = dueBy(passed, cadence);
      if (!today.isAfter(due)) {
        return Optional.empty();
      }
      return Optional.of(Diagnostic.of(Code.D703, span,
              "practice overdue: last passed on " + passed + " (" + ago(passed) + "); with cadence "
                  + Durations.format(cadence) + " it was due by " + due,
              "run the drill: " + runIt)
          .withRelated(pass.span(), "the last passed run"));
    }

    Optional<Diagnostic> neverPassed(LoadedResult first, Duration cadence) {
      LocalDate started = date(first);
      LocalDate due = dueBy(started, cadence);
      if (!today.isAfter(due)) {
        return Optional.empty();
      }
      return Optional.of(Diagnostic.of(Code.D703, span,
              "practice overdue: no run has passed; the first run was on " + started + " (" + ago(started)
                  + "), and with cadence " + Durations.format(cadence) + " a passed run was due by " + due,
              "run the drill until it passes: " + runIt)
          .withRelated(first.span(), "the first run"));
    }

    Optional<Diagnostic> notRerun(LoadedResult fail) {
      LocalDate failed = date(fail);
      LocalDate due = dueBy(failed, plan.rerun());
      if (!today.isAfter(due)) {
        return Optional.empty();
      }
      return Optional.of(Diagnostic.of(Code.D704, span,
              "failed on " + failed + " (" + ago(failed) + ") and not passed since; with rerun "
                  + Durations.format(plan.rerun()) + " a passed re-run was due by " + due,
              openItems.isEmpty()
                  ? "fix what failed, then re-run the drill: " + runIt
                  : "fix what failed, then re-run the drill: " + runIt + "; open action items block it: "
                      + String.join(", ", openItems))
          .withRelated(fail.span(), "the failed run"));
    }

    private String ago(LocalDate date) {
      long days = ChronoUnit.DAYS.between(date, today);
      if (days == 0) return "today";
      if (days == 1) return "1 day ago";
      if (days > 1) return days + " days ago";
      return days == -1 ? "1 day from today" : -days + " days from today";
    }
  }
}
