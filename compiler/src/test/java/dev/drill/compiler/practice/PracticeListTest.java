package dev.drill.compiler.practice;

import static dev.drill.compiler.practice.Runs.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill list: where each drill stands, by the freshness check's rules. */
class PracticeListTest {

  private static final String DRILL = String.join("\n",
      "drill cache-node-loss {",
      "  title \"Loss of one cache node\"",
      "  owner \"platform\"",
      "  kind  ics",
      "  cadence 30d",
      "}",
      "");

  @TempDir Path dir;

  private List<List<String>> list(String today) throws IOException {
    return PracticeList.of(DrillFiles.find(List.of(dir.resolve("drills"))), dir.resolve("results"), dir.resolve("runs"), day(today))
        .stream().map(PracticeList.Row::cells).toList();
  }

  private Plan drill(String name, String text) throws IOException {
    Path file = dir.resolve("drills").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return Runs.plan("cadence 30d");
  }

  private String shown(String name) {
    return DrillFiles.display(dir.resolve("drills").resolve(name));
  }

  @Test
  void aDrillNeverRunIsNeverPracticed() throws IOException {
    drill("a.drill", DRILL);
    assertEquals(List.of(List.of("cache-node-loss", "ics", "-", "30d", "-", "-", "never practiced", "-", "0", "never run",
        shown("a.drill"))),
        list("2026-11-24"));
  }

  @Test
  void theLastRunAndWhenTheDrillIsNextDue() throws IOException {
    Plan plan = drill("a.drill", DRILL);
    Runs.write(dir.resolve("results"), Runs.result(plan, Outcome.PASSED, "2026-10-01"));
    assertEquals(List.of("cache-node-loss", "ics", "-", "30d", "2026-10-01", "passed", "2026-10-31", "-", "100",
            "passed on 2026-10-01, fresh until 2026-10-31", shown("a.drill")),
        list("2026-10-31").get(0));
    assertEquals("2026-10-31 (overdue)", list("2026-11-01").get(0).get(6));
  }

  @Test
  void aFailedRunIsDueByItsRerunWindow() throws IOException {
    Plan plan = drill("a.drill", DRILL);
    Runs.write(dir.resolve("results"), Runs.result(plan, Outcome.PASSED, "2026-10-20"));
    Runs.write(dir.resolve("results"), Runs.result(plan, Outcome.FAILED, "2026-10-25"));
    assertEquals(List.of("2026-10-25", "failed", "2026-11-08"), list("2026-10-26").get(0).subList(4, 7));
  }

  @Test
  void aPracticedDrillWithoutCadenceIsNeverDue() throws IOException {
    Plan plan = drill("a.drill", DRILL.replace("  cadence 30d\n", ""));
    Runs.write(dir.resolve("results"), Runs.result(plan, Outcome.PASSED, "2026-10-01"));
    assertEquals(List.of("-", "2026-10-01", "passed", "-"), list("2027-10-01").get(0).subList(3, 7));
  }

  @Test
  void aDrillThatDoesNotCompileIsListedAsSuch() throws IOException {
    drill("a.drill", DRILL.replace("kind  ics", "kind  nonsense"));
    assertEquals(List.of(List.of("(does not compile)", "", "", "", "", "", "", "", "", "", shown("a.drill"))), list("2026-11-24"));
  }

  @Test
  void anUnreadableDrillStopsTheList() throws IOException {
    drill("a.drill", DRILL);
    List<DrillFiles.Found> found = DrillFiles.find(List.of(dir.resolve("drills")));
    Files.delete(dir.resolve("drills/a.drill"));
    PracticeList.Unreadable e = assertThrows(PracticeList.Unreadable.class,
        () -> PracticeList.of(found, dir.resolve("results"), dir.resolve("runs"), day("2026-11-24")));
    assertEquals("cannot read " + shown("a.drill"), e.getMessage());
  }

  @Test
  void theHeadingsMatchTheCells() {
    assertEquals(11, PracticeList.HEADINGS.size());
  }

  @Test
  void showsTheOpenAndOverdueActionItemsOfTheDrillsReports() throws IOException {
    drill("a.drill", DRILL);
    Path report = dir.resolve("runs/cache-node-loss/2026-11-03T140300Z/report.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, ActionItemCheckTest.REPORT);
    Path other = dir.resolve("runs/other-drill/2026-11-03T140300Z/report.md");
    Files.createDirectories(other.getParent());
    Files.writeString(other, ActionItemCheckTest.REPORT);
    assertEquals("4 open, 1 overdue", list("2026-12-20").get(0).get(7));
    assertEquals("4 open", list("2026-12-15").get(0).get(7));
  }

  @Test
  void theLibraryReadinessIsTheMeanOfTheDrillsThatCompile() throws IOException {
    Plan plan = drill("a.drill", DRILL);
    drill("b.drill", DRILL.replace("cache-node-loss", "db-failover"));
    drill("c.drill", DRILL.replace("kind  ics", "kind  nonsense"));
    Runs.write(dir.resolve("results"), Runs.result(plan, Outcome.PASSED, "2026-10-01"));
    List<PracticeList.Row> rows =
        PracticeList.of(DrillFiles.find(List.of(dir.resolve("drills"))), dir.resolve("results"), dir.resolve("runs"), day("2026-11-01"));
    assertEquals(List.of("75", "0", ""), rows.stream().map(r -> r.cells().get(8)).toList());
    assertEquals("readiness 38/100 over 2 drills", PracticeList.summary(rows));
  }
}
