package dev.drill.compiler.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action items of real report files under a runs directory, held against a day. */
class ActionItemCheckTest {

  static final String REPORT = """
      # After-action report: Loss of one cache node

      ## Outcome

      **Failed**: an expectation was missed.

      ## Action items

      <!-- hint -->
      - [ ] Fix the stale restart command @carol due 2026-12-15
      - [x] Page the right rotation @bob due 2026-11-30
      - [ ] Write the cache warm-up runbook
      - [ ] Rotate the keys @dave due 2026-13-01
      - [ ] Add a dashboard for evictions @erin due 2026-12-31
      """;

  @TempDir Path tmp;

  private List<ActionItemStore.Report> reports(String text) throws IOException {
    Path file = tmp.resolve("drill-runs/cache-node-loss/2026-11-03T140300Z/report.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return ActionItemStore.load(tmp.resolve("drill-runs")).of("cache-node-loss");
  }

  private static String at(Diagnostic d) {
    return d.code() + " " + d.span().line() + ":" + d.span().column();
  }

  @Test
  void openItemsPastTheirDateWithoutOwnerOrDateOrWithABadDateAreReportedAtTheirLineAndColumn() throws IOException {
    List<Diagnostic> found = ActionItemCheck.check(reports(REPORT), LocalDate.parse("2026-12-20"));
    assertEquals(List.of("D706 10:48", "D707 12:1", "D708 13:33"), found.stream().map(ActionItemCheckTest::at).toList());
    assertTrue(found.get(0).span().file().endsWith("drill-runs/cache-node-loss/2026-11-03T140300Z/report.md"));
    assertEquals("action item 'Fix the stale restart command' is overdue: it was due by 2026-12-15 (5 days ago)"
        + " and is still open", found.get(0).message());
    assertEquals("action item 'Write the cache warm-up runbook' has no owner and no due date",
        found.get(1).message());
    assertEquals("the due date of action item 'Rotate the keys' cannot be read: '2026-13-01' is not a day of the"
        + " calendar", found.get(2).message());
  }

  @Test
  void anItemIsDueOnItsDateAndOverdueTheDayAfter() throws IOException {
    List<ActionItemStore.Report> reports = reports(REPORT);
    assertTrue(ActionItemCheck.check(reports, LocalDate.parse("2026-12-15")).stream().noneMatch(d -> d.code().name().equals("D706")));
    assertEquals(1, ActionItemCheck.check(reports, LocalDate.parse("2026-12-16")).stream()
        .filter(d -> d.code().name().equals("D706")).count());
  }

  @Test
  void aReportWhoseSectionCannotBeToldIsD708AtItsStart() throws IOException {
    List<Diagnostic> found = ActionItemCheck.check(
        reports("# r\n\n## Follow-ups\n\n- [ ] Fix it @carol due 2026-12-15\n"), LocalDate.parse("2026-12-20"));
    assertEquals(List.of("D708 1:1"), found.stream().map(ActionItemCheckTest::at).toList());
  }

  @Test
  void aFailedRunsReRunFindingNamesTheOpenItemsThatBlockIt() throws IOException {
    Plan plan = Runs.plan();
    List<Diagnostic> found = PracticeFreshness.check(plan, List.of(Runs.loaded(plan, Outcome.FAILED, "2026-11-03T14:03:00Z")),
        LocalDate.parse("2026-12-20"), ActionItemCheck.named(reports(REPORT)));
    Diagnostic d704 = found.stream().filter(d -> d.code().name().equals("D704")).findFirst().orElseThrow();
    assertEquals("D704 1:1", at(d704));
    String hint = String.join("\n", d704.hints());
    assertTrue(hint.contains("open action items block it: 'Fix the stale restart command' ("), hint);
    assertTrue(hint.contains("report.md:10), 'Write the cache warm-up runbook' ("), hint);
    assertTrue(!hint.contains("Page the right rotation"), "a ticked item does not block: " + hint);
  }
}
