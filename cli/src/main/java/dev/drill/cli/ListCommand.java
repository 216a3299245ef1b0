package dev.drill.cli;

import dev.drill.compiler.practice.ListJson;
import dev.drill.compiler.practice.PracticeList;
import dev.drill.compiler.practice.ReadinessHtml;
import dev.drill.compiler.practice.ReadinessMarkdown;
import dev.drill.compiler.source.DrillFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "The scenario library: each drill with its kind, cadence, last run and outcome, when it is next due,"
        + " the action items of its reports still open (and overdue), and its readiness score (0-100) with the reason;"
        + " the library's readiness (the mean) closes the list.")
final class ListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = ".drill files or directories (default: .)")
  List<Path> paths = List.of(Path.of("."));

  @Option(names = "--results", paramLabel = "DIR",
      description = "directory of run results, which must exist (default: drill-results/ at the project root)")
  Path results;

  @Option(names = "--runs", paramLabel = "DIR",
      description = "directory of run journals and reports, whose open action items are counted, which must exist"
          + " (default: drill-runs/ at the project root)")
  Path runs;

  @Option(names = "--today", paramLabel = "DATE", description = "the date to judge due dates on (default: today, UTC)")
  String today;

  @Option(names = "--trend",
      description = "add the time to detect and to recover of each drill's last runs, as sparklines (oldest to newest)")
  boolean trend;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text, json (for tools), md or html (a readiness page to publish; html is one offline file) (default: text)")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<LocalDate> day = Inputs.today("list", today, err);
    Optional<Path> resultsDir = Inputs.resultsToRead("list", results, PracticeList.defaultResults(paths), err);
    Optional<Path> runsDir = Inputs.runsToRead("list", runs, PracticeList.defaultRuns(paths), err);
    Optional<List<DrillFiles.Found>> drills = Inputs.drills("list", paths, err);
    if (!List.of("text", "json", "md", "html").contains(format)) {
      err.println("drill list: unknown format '" + format + "'; use text, json, md or html");
      return Main.USAGE;
    }
    if (day.isEmpty() || resultsDir.isEmpty() || runsDir.isEmpty() || drills.isEmpty()) {
      return Main.USAGE;
    }
    List<PracticeList.Row> listed;
    try {
      listed = PracticeList.of(drills.get(), resultsDir.get(), runsDir.get(), day.get());
    } catch (PracticeList.Unreadable e) {
      err.println("drill list: " + e.getMessage());
      return Main.USAGE;
    }
    switch (format) {
      case "json" -> out.print(ListJson.render(listed, day.get()));
      case "md" -> out.print(ReadinessMarkdown.render(listed, day.get()));
      case "html" -> out.print(ReadinessHtml.render(listed, day.get()));
      default -> printText(listed, out);
    }
    out.flush();
    // Results are kept by drill id: two files with one id share (and confuse) one record.
    List<PracticeList.Row> sameId = listed.stream().filter(row -> row.sameIdAs().isPresent()).toList();
    sameId.forEach(row -> err.println("drill list: " + row.file() + " declares drill id '" + row.plan().orElseThrow().id()
        + "', as " + row.sameIdAs().get() + " does; rename one (drill check reports it as D207)"));
    return sameId.isEmpty() ? Main.OK : Main.FINDINGS;
  }

  private void printText(List<PracticeList.Row> listed, PrintWriter out) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(withTrend(PracticeList.HEADINGS, PracticeList.TREND_HEADINGS));
    listed.forEach(row -> rows.add(withTrend(row.cells(), row.trendCells())));
    print(rows, out);
    out.println(PracticeList.summary(listed));
  }

  /** The cells with the trend's before the last (FILE), when --trend asks for them. */
  private List<String> withTrend(List<String> cells, List<String> trendCells) {
    if (!trend) {
      return cells;
    }
    List<String> all = new ArrayList<>(cells.subList(0, cells.size() - 1));
    all.addAll(trendCells);
    all.add(cells.get(cells.size() - 1));
    return all;
  }

  private static void print(List<List<String>> rows, PrintWriter out) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
