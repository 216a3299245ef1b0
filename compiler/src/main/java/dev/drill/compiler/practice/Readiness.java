package dev.drill.compiler.practice;

import dev.drill.compiler.ast.Durations;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How ready a team is to run a drill for real, from 0 to 100, with the reason in words:
 *
 * <ul>
 *   <li>100: the latest pass is within the cadence (or the drill has none);
 *   <li>75: passed, but the cadence has run out since ({@code drill check}'s D703);
 *   <li>50 on the day a run failed with no pass since, falling linearly to 0 on the last day
 *       of its {@code rerun} window, and 0 after ({@code drill check}'s D704);
 *   <li>0: never run, or only aborted.
 * </ul>
 *
 * Days are UTC dates and windows are due by the rules of {@link PracticeFreshness}. Without a
 * new run the score never rises as days pass.
 */
public record Readiness(int score, String reason) {

  static final int FRESH = 100;
  static final int PAST_CADENCE = 75;
  static final int JUST_FAILED = 50;

  /** The readiness of {@code plan} on {@code today}, from the results (of any drill; only its own count). */
  public static Readiness of(Plan plan, List<LoadedResult> results, LocalDate today) {
    List<LoadedResult> runs = results.stream()
        .filter(r -> r.result().drill().equals(plan.id()))
        .sorted(Comparator.comparing((LoadedResult r) -> r.result().startedAt()).thenComparing(LoadedResult::file))
        .toList();
    Optional<LoadedResult> lastPass = latest(runs, Outcome.PASSED);
    Optional<LoadedResult> lastFail = latest(runs, Outcome.FAILED)
        .filter(fail -> lastPass.isEmpty()
            || fail.result().startedAt().isAfter(lastPass.get().result().startedAt()));
    if (lastFail.isPresent()) {
      return failed(plan, PracticeFreshness.date(lastFail.get()), today);
    }
    if (lastPass.isPresent()) {
      return passed(plan, PracticeFreshness.date(lastPass.get()), today);
    }
    return runs.isEmpty()
        ? new Readiness(0, "never run")
        : new Readiness(0, "never passed nor failed: every run was aborted");
  }

  /** The mean score of a library's drills, rounded half up; 0 for no drill. */
  public static int mean(List<Readiness> drills) {
    if (drills.isEmpty()) {
      return 0;
    }
    long total = drills.stream().mapToLong(Readiness::score).sum();
    return (int) ((total * 2 + drills.size()) / (drills.size() * 2L));
  }

  private static Readiness passed(Plan plan, LocalDate passed, LocalDate today) {
    Optional<LocalDate> due = plan.cadence().map(cadence -> PracticeFreshness.dueBy(passed, cadence));
    if (due.isPresent() && today.isAfter(due.get())) {
      return new Readiness(PAST_CADENCE, "passed on " + passed + ", past its cadence "
          + Durations.format(plan.cadence().get()) + " since " + due.get().plusDays(1));
    }
    return new Readiness(FRESH, "passed on " + passed + due.map(d -> ", fresh until " + d).orElse(", no cadence"));
  }

  /** 50 on the day it failed, falling linearly to 0 on the last day of the re-run window. */
  private static Readiness failed(Plan plan, LocalDate failed, LocalDate today) {
    LocalDate due = PracticeFreshness.dueBy(failed, plan.rerun());
    long window = Math.max(1, ChronoUnit.DAYS.between(failed, due));
    long left = Math.max(0, Math.min(window, ChronoUnit.DAYS.between(today, due)));
    int score = (int) Math.round((double) JUST_FAILED * left / window);
    String rerun = Durations.format(plan.rerun());
    return new Readiness(score, today.isAfter(due)
        ? "failed on " + failed + ", not re-run within " + rerun + " (due by " + due + ")"
        : "failed on " + failed + ", re-run due by " + due + " (rerun " + rerun + ")");
  }

  private static Optional<LoadedResult> latest(List<LoadedResult> runs, Outcome outcome) {
    return runs.stream().filter(r -> r.result().outcome() == outcome).reduce((a, b) -> b);
  }
}
