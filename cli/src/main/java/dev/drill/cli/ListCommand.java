package dev.drill.cli;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.DrillFiles;
import dev.drill.compiler.practice.PracticeFreshness;
import dev.drill.compiler.practice.ResultStore;
import dev.drill.compiler.practice.Schedule;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
    description = "The scenario library: each drill with its kind, cadence, last run and outcome, and when it is next due.")
final class ListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = ".drill files or directories (default: .)")
  List<Path> paths = List.of(Path.of("."));

  @Option(names = "--results", paramLabel = "DIR", description = "directory of run results (default: ${DEFAULT-VALUE})")
  Path results = Path.of(ResultStore.DEFAULT_DIRECTORY);

  @Option(names = "--today", paramLabel = "DATE", description = "the date to judge due dates on (default: today, UTC)")
  String today;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<LocalDate> day = Inputs.today("list", today, err);
    Optional<List<DrillFiles.Found>> drills = Inputs.drills("list", paths, err);
    if (day.isEmpty() || drills.isEmpty()) {
      return Main.USAGE;
    }
    ResultStore.Loaded loaded = ResultStore.load(results);
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"DRILL", "KIND", "CADENCE", "LAST RUN", "OUTCOME", "NEXT DUE", "FILE"});
    for (DrillFiles.Found drill : drills.get()) {
      CompileResult compiled;
      try {
        compiled = DrillCompiler.compile(drill.displayPath(), Files.readAllBytes(drill.path()));
      } catch (IOException e) {
        err.println("drill list: cannot read " + drill.displayPath());
        return Main.USAGE;
      }
      if (compiled.plan().isEmpty()) {
        rows.add(new String[] {"(does not compile)", "", "", "", "", "", drill.displayPath()});
        continue;
      }
      Plan plan = compiled.plan().get();
      Schedule schedule = Schedule.of(plan, loaded.results());
      String due = schedule.nextDue().map(d -> d.isBefore(day.get()) ? d + " (overdue)" : d.toString())
          .orElse(schedule.lastRun().isEmpty() ? "never practiced" : "-");
      rows.add(new String[] {
        plan.id(), plan.kind().keyword(), plan.cadence().map(dev.drill.plan.PlanText::duration).orElse("-"),
        schedule.lastRun().map(r -> PracticeFreshness.date(r).toString()).orElse("-"),
        schedule.lastRun().map(r -> r.result().outcome().name().toLowerCase(java.util.Locale.ROOT)).orElse("-"),
        due, drill.displayPath()});
    }
    print(rows, out);
    return Main.OK;
  }

  private static void print(List<String[]> rows, PrintWriter out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.flush();
  }
}
