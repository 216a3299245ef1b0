package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
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

final class CheckCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("check",
            "Check every drill under the paths: it compiles, its recovery guide still matches it"
                + " (steps, order, commands, signals, verifications, fingerprint), and it is"
                + " practiced on its cadence (run results under --results), and the action items of its"
                + " after-action reports (under --runs) are done in time.",
            "",
            "Prose in guides never fails the check. Errors fail it; warnings (never practiced,"
                + " procedure changed since last practiced, action items overdue or without owner or date)"
                + " fail it only with --strict.")
        .positional(Positional.any(Type.PATH, "PATH", ".drill files or directories (default: .)"))
        .option(Option.path("--results", "DIR",
            "directory of run results, which must exist (default: drill-results/ at the project root)"))
        .option(Option.path("--runs", "DIR",
            "directory of run journals and reports, whose action items are checked, which must exist"
                + " (default: drill-runs/ at the project root)"))
        .option(Option.string("--today", "DATE",
            "the date to judge practice freshness on, as 2026-11-24 (default: today, UTC)"))
        .option(Option.string("--format", "FORMAT", "text, json, junit, sarif or github (default: text)")
            .withDefault("text"))
        .option(Option.flag("--strict", "warnings fail the check too"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<Path> paths;
  private final Path results;
  private final Path runs;
  private final String today;
  private final String format;
  private final boolean strict;

  CheckCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    paths = Inputs.libraryPaths(args);
    results = args.path("--results").orElse(null);
    runs = args.path("--runs").orElse(null);
    today = args.string("--today").orElse(null);
    format = args.string("--format").orElseThrow();
    strict = args.flag("--strict");
  }

  @Override
  public Integer call() {
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
