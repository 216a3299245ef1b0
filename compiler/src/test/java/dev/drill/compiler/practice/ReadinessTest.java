package dev.drill.compiler.practice;

import static dev.drill.compiler.practice.Runs.day;
import static dev.drill.compiler.practice.Runs.loaded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The readiness score drill list shows: what each state scores, and the laws it keeps. */
class ReadinessTest {

  // rerun defaults to 14d
  private static final Plan MONTHLY = Runs.plan("cadence 30d");
  private static final Plan UNSCHEDULED = Runs.plan();

  private static Readiness on(Plan plan, String today, LoadedResult... runs) {
    return Readiness.of(plan, List.of(runs), day(today));
  }

  @Test
  void neverRunIsZero() {
    assertEquals(new Readiness(0, "never run"), on(MONTHLY, "2026-11-01"));
    assertEquals(0, on(MONTHLY, "2026-11-01", loaded(MONTHLY, Outcome.ABORTED, "2026-10-01")).score());
  }

  @Test
  void passedAndFreshIsAHundredThenSeventyFivePastTheCadence() {
    LoadedResult pass = loaded(MONTHLY, Outcome.PASSED, "2026-10-01");
    assertEquals(new Readiness(100, "passed on 2026-10-01, fresh until 2026-10-31"), on(MONTHLY, "2026-10-31", pass));
    assertEquals(new Readiness(75, "passed on 2026-10-01, past its cadence 30d since 2026-11-01"),
        on(MONTHLY, "2026-11-01", pass));
    assertEquals(100, on(UNSCHEDULED, "2036-11-01", loaded(UNSCHEDULED, Outcome.PASSED, "2026-10-01")).score());
  }

  @Test
  void aFailureScoresFiftyFallingToZeroOverTheRerunWindow() {
    LoadedResult pass = loaded(MONTHLY, Outcome.PASSED, "2026-10-20");
    LoadedResult fail = loaded(MONTHLY, Outcome.FAILED, "2026-11-03");
    assertEquals(new Readiness(50, "failed on 2026-11-03, re-run due by 2026-11-17 (rerun 14d)"),
        on(MONTHLY, "2026-11-03", pass, fail));
    assertEquals(25, on(MONTHLY, "2026-11-10", pass, fail).score());
    assertEquals(0, on(MONTHLY, "2026-11-17", pass, fail).score());
    assertEquals(new Readiness(0, "failed on 2026-11-03, not re-run within 14d (due by 2026-11-17)"),
        on(MONTHLY, "2026-12-01", pass, fail));
    // a pass after the failure is what counts
    assertEquals(100, on(MONTHLY, "2026-11-10", fail, loaded(MONTHLY, Outcome.PASSED, "2026-11-09")).score());
  }

  @Test
  void theLibraryScoreIsTheMeanRounded() {
    assertEquals(0, Readiness.mean(List.of()));
    assertEquals(63, Readiness.mean(List.of(new Readiness(100, ""), new Readiness(25, ""))));
    assertEquals(58, Readiness.mean(List.of(new Readiness(100, ""), new Readiness(75, ""), new Readiness(0, ""))));
  }

  @Property
  void theScoreIsWithinZeroAndAHundredAndNeverRisesWithoutARun(
      @ForAll("histories") List<LoadedResult> runs,
      @ForAll @IntRange(min = -400, max = 400) int fromDay,
      @ForAll @IntRange(min = 0, max = 400) int later) {
    LocalDate today = day("2026-10-01").plusDays(fromDay);
    Readiness before = Readiness.of(MONTHLY, runs, today);
    Readiness after = Readiness.of(MONTHLY, runs, today.plusDays(later));
    assertEquals(true, before.score() >= 0 && before.score() <= 100, before.toString());
    assertEquals(true, after.score() <= before.score(), before + " then " + after);
  }

  @Provide
  Arbitrary<List<LoadedResult>> histories() {
    Arbitrary<LoadedResult> run = Combinators.combine(
            Arbitraries.of(Outcome.class), Arbitraries.integers().between(-300, 300))
        .as((outcome, offset) -> loaded(MONTHLY, outcome, day("2026-10-01").plusDays(offset).toString()));
    return run.list().ofMaxSize(6).map(ArrayList::new);
  }
}
