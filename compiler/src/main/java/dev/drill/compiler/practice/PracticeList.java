package dev.drill.compiler.practice;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.ActionItems;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.plan.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drill list}: each drill of the library and where it stands in its practice
 * schedule, by the same rules as {@code drill check}'s freshness check, and the action items
 * of its reports still open.
 */
public final class PracticeList {

  /** The results directory read when none is given. */
  public static final String DEFAULT_RESULTS_DIRECTORY = ResultStore.DEFAULT_DIRECTORY;

  /** The results directory when none is given: at the project root of the paths listed ({@link ResultStore#defaultDirectory}). */
  public static Path defaultResults(List<Path> paths) {
    return ResultStore.defaultDirectory(paths);
  }

  /** The column headings, in the order of {@link Row#cells()}. */
  public static final List<String> HEADINGS =
      List.of("DRILL", "KIND", "FROM", "CADENCE", "LAST RUN", "OUTCOME", "NEXT DUE", "ACTIONS", "READY", "WHY", "FILE");

  /** The headings {@code --trend} adds before FILE, in the order of {@link Row#trendCells()}. */
  public static final List<String> TREND_HEADINGS = List.of("TTD (LAST " + Trend.RUNS + " RUNS)", "TTR");

  /** The runs directory when none is given: {@code drill-runs/} at the project root of the paths listed. */
  public static Path defaultRuns(List<Path> paths) {
    return ActionItemStore.defaultDirectory(paths);
  }

  private PracticeList() {}

  /**
   * One drill of the library; {@code plan} is empty when the drill does not compile.
   * {@code sameIdAs} names the earlier file that declares the same drill id: run results are
   * kept by id, so this row shows none of them (they may be the other drill's).
   */
  public record Row(
      String file, Optional<Plan> plan, Optional<LastRun> lastRun, Due due, Actions actions,
      Optional<Readiness> readiness, Trend trend, Optional<String> sameIdAs) {

    /** The times to detect and to recover as sparklines, one cell per {@link #TREND_HEADINGS} heading. */
    public List<String> trendCells() {
      return plan.isEmpty() ? List.of("", "") : List.of(trend.detect(), trend.recover());
    }

    /** The row as text, one cell per heading. */
    public List<String> cells() {
      if (plan.isEmpty()) {
        return List.of("(does not compile)", "", "", "", "", "", "", "", "", "", file);
      }
      Plan p = plan.get();
      // The template the drill is built from, as its file says (its bases are the template's business).
      String from = p.origin().flatMap(o -> o.from().stream().findFirst()).map(Plan.Instantiation::template).orElse("-");
      if (sameIdAs.isPresent()) {
        return List.of(p.id(), p.kind().keyword(), from, "", "", "", "(id also in " + sameIdAs.get() + ")", "", "", "", file);
      }
      return List.of(p.id(), p.kind().keyword(), from, p.cadence().map(PlanText::duration).orElse("-"),
          lastRun.map(r -> r.date().toString()).orElse("-"),
          lastRun.map(r -> r.outcome().name().toLowerCase(Locale.ROOT)).orElse("-"),
          due.text(), actions.text(), readiness.map(r -> Integer.toString(r.score())).orElse("-"),
          readiness.map(Readiness::reason).orElse("-"), file);
    }
  }

  /** The action items of a drill's reports: how many are open, and how many of those are past their due date. */
  public record Actions(int open, int overdue) {

    static final Actions NONE = new Actions(0, 0);

    String text() {
      if (open == 0) {
        return "-";
      }
      return open + " open" + (overdue > 0 ? ", " + overdue + " overdue" : "");
    }
  }

  /** The latest run of a drill: its UTC date and how it ended. */
  public record LastRun(LocalDate date, RunResult.Outcome outcome) {}

  /**
   * When a drill is next due: on a date (by its cadence, or the re-run window of a failed
   * run), possibly past; never practiced; or not at all (practiced, without a cadence).
   */
  public record Due(Optional<LocalDate> date, boolean overdue, boolean neverPracticed) {

    String text() {
      if (date.isPresent()) {
        return date.get() + (overdue ? " (overdue)" : "");
      }
      return neverPracticed ? "never practiced" : "-";
    }
  }

  /** A drill file that could not be read ("cannot read FILE"): the list stops there. */
  public static final class Unreadable extends IOException {
    Unreadable(String file, IOException cause) {
      super("cannot read " + file, cause);
    }
  }

  /**
   * The drills in the order given, with the run results under {@code resultsDir} and the
   * action items of the reports under {@code runsDir} judged on {@code today}. Results that
   * cannot be read are left out, as {@code drill check} reports them.
   */
  public static List<Row> of(List<DrillFiles.Found> drills, Path resultsDir, Path runsDir, LocalDate today)
      throws Unreadable {
    List<LoadedResult> results = ResultStore.load(resultsDir).results();
    ActionItemStore.Loaded reports = ActionItemStore.load(runsDir);
    List<Row> rows = new ArrayList<>();
    Library library = Library.session();
    Map<String, String> firstFileOf = new HashMap<>();
    for (DrillFiles.Found drill : drills) {
      CompileResult compiled;
      try {
        compiled = DrillCompiler.compile(drill.path(), drill.displayPath(), library);
      } catch (IOException e) {
        throw new Unreadable(drill.displayPath(), e);
      }
      // A file of templates is not a drill: there is nothing to practice.
      if (compiled.templatesOnly()) {
        continue;
      }
      Optional<String> sameIdAs = compiled.plan()
          .flatMap(p -> Optional.ofNullable(firstFileOf.putIfAbsent(p.id(), drill.displayPath())));
      rows.add(sameIdAs.isPresent()
          ? new Row(drill.displayPath(), compiled.plan(), Optional.empty(), new Due(Optional.empty(), false, false),
              Actions.NONE, Optional.empty(), new Trend(List.of()), sameIdAs)
          : row(drill.displayPath(), compiled.plan(), results, reports, today));
    }
    return rows;
  }

  private static Row row(
      String file, Optional<Plan> compiled, List<LoadedResult> results, ActionItemStore.Loaded reports, LocalDate today) {
    if (compiled.isEmpty()) {
      return new Row(file, Optional.empty(), Optional.empty(), new Due(Optional.empty(), false, false), Actions.NONE,
          Optional.empty(), new Trend(List.of()), Optional.empty());
    }
    Plan plan = compiled.get();
    Schedule schedule = Schedule.of(plan, results);
    Optional<LastRun> last = schedule.lastRun()
        .map(r -> new LastRun(PracticeFreshness.date(r), r.result().outcome()));
    Optional<LocalDate> next = schedule.nextDue();
    Due due = new Due(next, next.filter(d -> d.isBefore(today)).isPresent(), last.isEmpty());
    return new Row(file, compiled, last, due, actions(reports.of(plan.id()), today),
        Optional.of(Readiness.of(plan, results, today)), Trend.of(plan, results), Optional.empty());
  }

  /** The library's readiness: the mean score of the drills that have one, and how many they are. */
  public static String summary(List<Row> rows) {
    List<Readiness> scored = rows.stream().flatMap(row -> row.readiness().stream()).toList();
    return "readiness " + Readiness.mean(scored) + "/100 over " + scored.size() + (scored.size() == 1 ? " drill" : " drills");
  }

  private static Actions actions(List<ActionItemStore.Report> reports, LocalDate today) {
    List<ActionItems.Item> open = reports.stream().flatMap(r -> r.open().stream()).toList();
    long overdue = open.stream()
        .filter(item -> item.due() instanceof ActionItems.Due.On on && today.isAfter(on.date())).count();
    return new Actions(open.size(), (int) overdue);
  }
}
