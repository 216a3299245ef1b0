package dev.drill.compiler.practice;

import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a drill stands in its practice schedule, for {@code drill list}: its last run, its
 * last pass, and when it is next due, by the same rules as the freshness check.
 */
record Schedule(Optional<LoadedResult> lastRun, Optional<LoadedResult> lastPass, Optional<LocalDate> nextDue) {

  static Schedule of(Plan plan, List<LoadedResult> results) {
    List<LoadedResult> runs = results.stream()
        .filter(r -> r.result().drill().equals(plan.id()))
        .sorted(Comparator.comparing((LoadedResult r) -> r.result().startedAt()).thenComparing(LoadedResult::file))
        .collect(Collectors.toList());
    Optional<LoadedResult> last = runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    Optional<LoadedResult> lastPass = runs.stream()
        .filter(r -> r.result().outcome() == RunResult.Outcome.PASSED)
        .reduce((a, b) -> b);
    Optional<LoadedResult> lastFail = runs.stream()
        .filter(r -> r.result().outcome() == RunResult.Outcome.FAILED)
        .reduce((a, b) -> b);
    Optional<LocalDate> due = Optional.empty();
    boolean failedSincePass = lastFail.isPresent()
        && (lastPass.isEmpty() || lastFail.get().result().startedAt().isAfter(lastPass.get().result().startedAt()));
    if (failedSincePass) {
      due = Optional.of(PracticeFreshness.dueBy(PracticeFreshness.date(lastFail.get()), plan.rerun()));
    }
    if (plan.cadence().isPresent()) {
      Optional<LoadedResult> from = lastPass.isPresent() ? lastPass : runs.stream().findFirst();
      Optional<LocalDate> cadenceDue = from.map(r -> PracticeFreshness.dueBy(PracticeFreshness.date(r), plan.cadence().get()));
      if (cadenceDue.isPresent() && (due.isEmpty() || cadenceDue.get().isBefore(due.get()))) {
        due = cadenceDue;
      }
    }
    return new Schedule(last, lastPass, due);
  }
}
