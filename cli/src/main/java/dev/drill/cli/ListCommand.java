package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
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

final class ListCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("list",
            "The scenario library: each drill with its kind, cadence, last run and outcome, when it is next due,"
                + " the action items of its reports still open (and overdue), and its readiness score (0-100) with"
                + " the reason; the library's readiness (the mean) closes the list.")
        .positional(Positional.any(Type.PATH, "PATH", ".drill files or directories (default: .)"))
        .option(Option.path("--results", "DIR",
            "directory of run results, which must exist (default: drill-results/ at the project root)"))
        .option(Option.path("--runs", "DIR",
            "directory of run journals and reports, whose open action items are counted, which must exist"
                + " (default: drill-runs/ at the project root)"))
        .option(Option.string("--today", "DATE", "the date to judge due dates on (default: today, UTC)"))
        .option(Option.flag("--trend",
            "add the time to detect and to recover of each drill's last runs, as sparklines (oldest to newest)"))
        .option(Option.string("--format", "FORMAT", "text, json (for tools), md or html (a readiness page to"
            + " publish; html is one offline file) (default: text)").withDefault("text"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<Path> paths;
  private final Path results;
  private final Path runs;
  private final String today;
  private final boolean trend;
  private final String format;

  ListCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    paths = Inputs.libraryPaths(args);
    results = args.path("--results").orElse(null);
    runs = args.path("--runs").orElse(null);
    today = args.string("--today").orElse(null);
    trend = args.flag("--trend");
    format = args.string("--format").orElseThrow();
  }

  @Override
  public Integer call() {
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
