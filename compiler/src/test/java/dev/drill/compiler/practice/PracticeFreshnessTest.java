package dev.drill.compiler.practice;

import static dev.drill.compiler.practice.Runs.day;
import static dev.drill.compiler.practice.Runs.loaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.diagnostic.Severity;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PracticeFreshnessTest {

  private static final Plan MONTHLY = Runs.plan("cadence 30d");
  private static final Plan UNSCHEDULED = Runs.plan();

  private static List<Diagnostic> check(Plan plan, String today, LoadedResult... results) {
    return PracticeFreshness.check(plan, List.of(results), day(today));
  }

  private static List<Code> codes(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::code).collect(Collectors.toList());
  }

  private static String render(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> DiagnosticRenderer.render(d, Optional.empty()))
        .collect(Collectors.joining());
  }

  // --- D701 never practiced

  @Test
  void noResultIsNeverPracticedAtTheDrillsFirstLine() {
    List<Diagnostic> found = check(MONTHLY, "2026-10-31");
    assertEquals(List.of(Code.D701), codes(found));
    Diagnostic d = found.get(0);
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(SourceSpan.at(Runs.FILE, 1, 1), d.span());
    assertEquals(Optional.empty(), d.related());
    assertEquals("drills/cache-node-loss.drill:1:1: warning D701: drill 'cache-node-loss' has never been "
        + "practiced: there is no run result for it\n"
        + "   = hint: run the drill: drill run drills/cache-node-loss.drill, and commit the result file it writes\n",
        render(found));
  }

  @Test
  void resultsOfOtherDrillsAreIgnored() {
    LoadedResult other = loaded(Runs.result("cache-cluster-loss", MONTHLY.fingerprint(), Outcome.PASSED,
        "2026-10-30"));
    assertEquals(List.of(Code.D701), codes(check(MONTHLY, "2026-10-31", other)));
  }

  @Test
  void aDrillWithoutCadenceIsStillReportedNeverPracticed() {
    assertEquals(List.of(Code.D701), codes(check(UNSCHEDULED, "2026-10-31")));
  }

  // --- D703 practice overdue

  @Test
  void aRecentPassIsFresh() {
    assertEquals(List.of(), check(MONTHLY, "2026-10-02", loaded(MONTHLY, Outcome.PASSED, "2026-10-01")));
  }

  @ParameterizedTest
  @CsvSource({
      // the last pass's UTC date + 30 days is the last day it is on time
      "2026-10-01T09:00:00Z, 2026-10-31, false",
      "2026-10-01T09:00:00Z, 2026-11-01, true",
      // the time of day does not matter, only the UTC date
      "2026-10-01T00:00:00Z, 2026-10-31, false",
      "2026-10-01T23:59:59Z, 2026-11-01, true",
      // 00:30 in UTC+2 on October 1st is September 30th in UTC
      "2026-09-30T22:30:00Z, 2026-10-30, false",
      "2026-09-30T22:30:00Z, 2026-10-31, true",
      // across a month end and a year end
      "2026-12-15T09:00:00Z, 2027-01-14, false",
      "2026-12-15T09:00:00Z, 2027-01-15, true"})
  void overdueTheDayAfterTheLastPassPlusTheCadence(String passed, String today, boolean overdue) {
    List<Diagnostic> found = check(MONTHLY, today, loaded(MONTHLY, Outcome.PASSED, passed));
    assertEquals(overdue ? List.of(Code.D703) : List.of(), codes(found));
  }

  @Test
  void overdueSaysWhenItLastPassedAndWhenItWasDue() {
    LoadedResult pass = loaded(MONTHLY, Outcome.PASSED, "2026-10-01");
    List<Diagnostic> found = check(MONTHLY, "2026-11-01", pass);
    Diagnostic d = found.get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(SourceSpan.at("drill-results/cache-node-loss/2026-10-01T090000Z.json", 1, 1),
        d.related().orElseThrow().span());
    assertEquals("drills/cache-node-loss.drill:1:1: error D703: practice overdue: last passed on 2026-10-01 "
        + "(31 days ago); with cadence 30d it was due by 2026-10-31\n"
        + "   = hint: run the drill: drill run drills/cache-node-loss.drill\n"
        + "   = note: the last passed run at drill-results/cache-node-loss/2026-10-01T090000Z.json:1:1\n",
        render(found));
  }

  @Test
  void theLastPassCountsWhateverCameAfterIt() {
    // a failure or an abort after a pass does not restart nor stop the cadence
    assertEquals(List.of(Code.D703), codes(check(MONTHLY, "2026-11-01",
        loaded(MONTHLY, Outcome.PASSED, "2026-10-01"),
        loaded(MONTHLY, Outcome.ABORTED, "2026-10-25"))));
    assertEquals(List.of(), codes(check(MONTHLY, "2026-10-31",
        loaded(MONTHLY, Outcome.PASSED, "2026-09-01"),
        loaded(MONTHLY, Outcome.PASSED, "2026-10-01"))));
  }

  @Test
  void aCadenceOfPartDaysCountsAsTheNextWholeDay() {
    Plan plan = Runs.plan("cadence 36h");
    assertEquals(List.of(), codes(check(plan, "2026-10-03", loaded(plan, Outcome.PASSED, "2026-10-01"))));
    assertEquals(List.of(Code.D703), codes(check(plan, "2026-10-04", loaded(plan, Outcome.PASSED, "2026-10-01"))));
    assertEquals(LocalDate.parse("2026-10-02"), PracticeFreshness.dueBy(day("2026-10-01"), Duration.ofMinutes(1)));
    assertEquals(LocalDate.parse("2026-10-08"), PracticeFreshness.dueBy(day("2026-10-01"), Duration.ofDays(7)));
  }

  @Test
  void anAbsurdCadenceIsNeverDueAndDoesNotOverflow() {
    // The compiler refuses it (D307); a plan that has it anyway must not overflow the date arithmetic.
    Plan plan = withCadence(UNSCHEDULED, Duration.ofDays(99_999_999_999L));
    assertEquals(List.of(), codes(check(plan, "2026-10-04", loaded(plan, Outcome.PASSED, "2026-10-01"))));
  }

  private static Plan withCadence(Plan p, Duration cadence) {
    return new Plan(p.planVersion(), p.id(), p.title(), p.summary(), p.owner(), p.kind(), p.tags(),
        p.environment(), p.timebox(), Optional.of(cadence), p.rerun(), p.guide(), p.source(), p.roles(),
        p.params(), p.secrets(), p.setup(), p.teardown(), p.phases(), p.fingerprint()).withFingerprint();
  }

  @Test
  void withoutCadenceAnOldPassIsFine() {
    assertEquals(List.of(), check(UNSCHEDULED, "2030-01-01", loaded(UNSCHEDULED, Outcome.PASSED, "2026-10-01")));
  }

  @Test
  void neverPassedIsOverdueACadenceAfterTheFirstRun() {
    LoadedResult first = loaded(MONTHLY, Outcome.ABORTED, "2026-09-01");
    LoadedResult second = loaded(MONTHLY, Outcome.ABORTED, "2026-09-20");
    assertEquals(List.of(), check(MONTHLY, "2026-10-01", second, first));
    List<Diagnostic> found = check(MONTHLY, "2026-10-02", second, first);
    assertEquals(List.of(Code.D703), codes(found));
    assertEquals("drills/cache-node-loss.drill:1:1: error D703: practice overdue: no run has passed; the first run "
        + "was on 2026-09-01 (31 days ago), and with cadence 30d a passed run was due by 2026-10-01\n"
        + "   = hint: run the drill until it passes: drill run drills/cache-node-loss.drill\n"
        + "   = note: the first run at drill-results/cache-node-loss/2026-09-01T090000Z.json:1:1\n",
        render(found));
  }

  // --- aborted runs

  @Test
  void abortedRunsOnlyAreNeitherPassedNorFailed() {
    LoadedResult aborted = loaded(UNSCHEDULED, Outcome.ABORTED, "2026-09-01");
    // no cadence: nothing is due; no failed run: no re-run is due
    assertEquals(List.of(), check(UNSCHEDULED, "2027-09-01", aborted));
  }

  @Test
  void anAbortedRunIsNoReRunOfAFailure() {
    assertEquals(List.of(Code.D704), codes(check(UNSCHEDULED, "2026-10-16",
        loaded(UNSCHEDULED, Outcome.FAILED, "2026-10-01"),
        loaded(UNSCHEDULED, Outcome.ABORTED, "2026-10-10"))));
  }

  // --- D704 failed drill not re-run in time

  @ParameterizedTest
  @CsvSource({
      "rerun 14d, 2026-10-15, false",
      "rerun 14d, 2026-10-16, true",
      "rerun 7d, 2026-10-08, false",
      "rerun 7d, 2026-10-09, true",
      // the default window is 14 days
      "'', 2026-10-15, false",
      "'', 2026-10-16, true"})
  void aFailureIsDueForAReRunByItsDatePlusTheRerunWindow(String rerun, String today, boolean late) {
    Plan plan = rerun.isEmpty() ? Runs.plan() : Runs.plan(rerun);
    List<Diagnostic> found = check(plan, today, loaded(plan, Outcome.FAILED, "2026-10-01T17:45:00Z"));
    assertEquals(late ? List.of(Code.D704) : List.of(), codes(found));
  }

  @Test
  void notReRunSaysWhenItFailedAndWhenTheReRunWasDue() {
    List<Diagnostic> found = check(UNSCHEDULED, "2026-10-18", loaded(UNSCHEDULED, Outcome.FAILED, "2026-10-01"));
    Diagnostic d = found.get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("drills/cache-node-loss.drill:1:1: error D704: failed on 2026-10-01 (17 days ago) and not passed "
        + "since; with rerun 14d a passed re-run was due by 2026-10-15\n"
        + "   = hint: fix what failed, then re-run the drill: drill run drills/cache-node-loss.drill\n"
        + "   = note: the failed run at drill-results/cache-node-loss/2026-10-01T090000Z.json:1:1\n",
        render(found));
  }

  @Test
  void aPassAfterTheFailureSettlesIt() {
    assertEquals(List.of(), check(UNSCHEDULED, "2027-01-01",
        loaded(UNSCHEDULED, Outcome.FAILED, "2026-10-01"),
        loaded(UNSCHEDULED, Outcome.PASSED, "2026-10-20")));
    // even the same day, some hours later
    assertEquals(List.of(), check(UNSCHEDULED, "2027-01-01",
        loaded(UNSCHEDULED, Outcome.FAILED, "2026-10-01T09:00:00Z"),
        loaded(UNSCHEDULED, Outcome.PASSED, "2026-10-01T15:00:00Z")));
  }

  @Test
  void aPassBeforeTheFailureDoesNot() {
    List<Diagnostic> found = check(MONTHLY, "2026-10-20",
        loaded(MONTHLY, Outcome.PASSED, "2026-10-01"),
        loaded(MONTHLY, Outcome.FAILED, "2026-10-05"));
    assertEquals(List.of(Code.D704), codes(found));
    assertEquals("drill-results/cache-node-loss/2026-10-05T090000Z.json", found.get(0).related().get().span().file());
  }

  @Test
  void theLatestFailureOpensTheWindow() {
    LoadedResult first = loaded(UNSCHEDULED, Outcome.FAILED, "2026-10-01");
    LoadedResult second = loaded(UNSCHEDULED, Outcome.FAILED, "2026-10-10");
    assertEquals(List.of(), check(UNSCHEDULED, "2026-10-24", first, second));
    List<Diagnostic> found = check(UNSCHEDULED, "2026-10-25", first, second);
    assertEquals(List.of(Code.D704), codes(found));
    assertEquals("drill-results/cache-node-loss/2026-10-10T090000Z.json", found.get(0).related().get().span().file());
  }

  // --- D702 procedure changed since last practiced

  @Test
  void aPassOfAnOlderFingerprintIsChangedSincePracticed() {
    LoadedResult old = loaded(Runs.result(MONTHLY.id(), Runs.OLD_FINGERPRINT, Outcome.PASSED, "2026-10-01"));
    List<Diagnostic> found = check(MONTHLY, "2026-10-13", old);
    assertEquals(List.of(Code.D702), codes(found));
    assertEquals(Severity.WARNING, found.get(0).severity());
    assertEquals("drills/cache-node-loss.drill:1:1: warning D702: procedure changed since last practiced on "
        + "2026-10-01 (12 days ago): that run passed sha256:7f3a9c0e12b84d56, the drill is now "
        + MONTHLY.fingerprint() + "\n"
        + "   = hint: practice the changed procedure by 2026-10-31, when the drill is due: "
        + "drill run drills/cache-node-loss.drill\n"
        + "   = note: the last passed run at drill-results/cache-node-loss/2026-10-01T090000Z.json:1:1\n",
        render(found));
  }

  @Test
  void onlyTheLatestPassDecidesTheFingerprint() {
    LoadedResult old = loaded(Runs.result(MONTHLY.id(), Runs.OLD_FINGERPRINT, Outcome.PASSED, "2026-09-10"));
    LoadedResult current = loaded(MONTHLY, Outcome.PASSED, "2026-10-01");
    assertEquals(List.of(), check(MONTHLY, "2026-10-13", current, old));
    // old failed and aborted runs do not matter either
    LoadedResult oldFail = loaded(Runs.result(MONTHLY.id(), Runs.OLD_FINGERPRINT, Outcome.FAILED, "2026-10-05"));
    LoadedResult oldAbort = loaded(Runs.result(MONTHLY.id(), Runs.OLD_FINGERPRINT, Outcome.ABORTED, "2026-10-06"));
    assertEquals(List.of(), check(MONTHLY, "2026-10-13", current, old, oldAbort));
    assertEquals(List.of(Code.D704), codes(check(MONTHLY, "2026-10-25", current, oldFail)));
  }

  @Test
  void changedAndOverdueAreBothReportedInCodeOrder() {
    LoadedResult old = loaded(Runs.result(MONTHLY.id(), Runs.OLD_FINGERPRINT, Outcome.PASSED, "2026-10-01"));
    List<Diagnostic> found = check(MONTHLY, "2026-11-10", old,
        loaded(MONTHLY, Outcome.FAILED, "2026-10-20"));
    assertEquals(List.of(Code.D702, Code.D703, Code.D704), codes(found));
    // the due date has passed: the hint no longer names it
    assertEquals(List.of("practice the changed procedure: drill run drills/cache-node-loss.drill"),
        found.get(0).hints());
  }

  @Test
  void noPassNoChangedSincePracticed() {
    LoadedResult oldFail = loaded(Runs.result(MONTHLY.id(), Runs.OLD_FINGERPRINT, Outcome.FAILED, "2026-10-05"));
    assertEquals(List.of(), check(MONTHLY, "2026-10-06", oldFail));
  }

  // --- results as read from a directory

  @Test
  void resultsOutOfOrderInTheDirectoryAreOrderedByStartTime(@TempDir Path dir) throws IOException {
    // file names that sort against the start times: the check must go by startedAt
    Runs.write(dir, "cache-node-loss/a.json", Runs.result(MONTHLY, Outcome.PASSED, "2026-10-01"));
    Runs.write(dir, "cache-node-loss/b.json", Runs.result(MONTHLY, Outcome.FAILED, "2026-09-01"));
    Runs.write(dir, "archive/c.json", Runs.result(MONTHLY, Outcome.PASSED, "2026-08-01"));
    Runs.write(dir, "z.json", Runs.result(MONTHLY, Outcome.FAILED, "2026-07-01"));
    ResultStore.Loaded store = ResultStore.load(dir);
    assertEquals(List.of(), store.diagnostics());
    // the failure of September was followed by the pass of October: only the cadence is due
    List<Diagnostic> found = PracticeFreshness.check(MONTHLY, store.results(), day("2026-11-01"));
    assertEquals(List.of(Code.D703), codes(found));
    assertTrue(found.get(0).related().get().span().file().endsWith("cache-node-loss/a.json"));
    assertTrue(found.get(0).message().contains("2026-10-01"));
  }

  @Test
  void theSpanIsTheDrillsFirstLineWhereverItStarts() {
    String text = "# Loss of one cache node\n\n  drill cache-node-loss {\n  title \"t\"\n  owner \"o\"\n  kind ics\n}\n";
    Plan plan = dev.drill.compiler.DrillCompiler.compile("x/y.drill",
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).plan().orElseThrow();
    assertEquals(SourceSpan.at("x/y.drill", 3, 3), PracticeFreshness.check(plan, List.of(), day("2026-01-01"))
        .get(0).span());
  }
}
