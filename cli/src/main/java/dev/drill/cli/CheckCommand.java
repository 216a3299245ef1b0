package dev.drill.cli;

import dev.drill.compiler.check.LibraryCheck;
import dev.drill.compiler.check.output.OutputFormat;
import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check every drill under the paths: it compiles, its recovery guide still matches it"
          + " (steps, order, commands, signals, verifications, fingerprint), and it is"
          + " practiced on its cadence (run results under --results), and the action items of its"
          + " after-action reports (under --runs) are done in time.",
      "",
      "Prose in guides never fails the check. Errors fail it; warnings (never practiced,"
          + " procedure changed since last practiced, action items overdue or without owner or date)"
          + " fail it only with --strict."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = ".drill files or directories (default: .)")
  List<Path> paths = List.of(Path.of("."));

  @Option(names = "--results", paramLabel = "DIR",
      description = "directory of run results, which must exist (default: drill-results/ at the project root)")
  Path results;

  @Option(names = "--runs", paramLabel = "DIR",
      description = "directory of run journals and reports, whose action items are checked, which must exist"
          + " (default: drill-runs/ at the project root)")
  Path runs;

  @Option(names = "--today", paramLabel = "DATE", description = "the date to judge practice freshness on, as 2026-11-24 (default: today, UTC)")
  String today;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, junit, sarif or github (default: text)")
  String format = "text";

  @Option(names = "--strict", description = "warnings fail the check too")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<OutputFormat> outputFormat = OutputFormat.named(format);
    if (outputFormat.isEmpty()) {
      err.println("drill check: unknown format '" + format + "'; use text, json, junit, sarif or github");
      return Main.USAGE;
    }
    Optional<LocalDate> day = Inputs.today("check", today, err);
    Optional<Path> resultsDir = Inputs.resultsToRead("check", results, LibraryCheck.defaultResults(paths), err);
    Optional<Path> runsDir = Inputs.runsToRead("check", runs, LibraryCheck.defaultRuns(paths), err);
    Optional<List<DrillFiles.Found>> drills = Inputs.drills("check", paths, err);
    if (day.isEmpty() || resultsDir.isEmpty() || runsDir.isEmpty() || drills.isEmpty()) {
      return Main.USAGE;
    }
    LibraryCheck.Outcome outcome;
    try {
      outcome = LibraryCheck.run(drills.get(), new LibraryCheck.Options(resultsDir.get(), runsDir.get(), day.get()));
    } catch (IOException e) {
      err.println("drill check: cannot read " + e.getMessage());
      return Main.USAGE;
    }
    out.print(outputFormat.get().render(outcome.findings(), outcome::source, strict));
    out.flush();
    return outcome.findings().failed(strict) ? Main.FINDINGS : Main.OK;
  }
}
