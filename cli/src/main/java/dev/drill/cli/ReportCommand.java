package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.runtime.journal.JournalFormatException;
import dev.drill.runtime.report.RunReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

final class ReportCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("report",
            "Rebuild the after-action report (Markdown) of a run from its journal, at any time:"
                + " while it runs, after it ended, or after the runner was killed (outcome"
                + " \"interrupted\").",
            "",
            "The report is written beside the journal as report.md unless -o says otherwise; its"
                + " path is printed. Lines of the journal that cannot be read are skipped and counted.",
            "",
            "With --html it is one self-contained HTML page instead (report.html), with the timeline"
                + " drawn as a chart: no script, nothing from the network, printable.",
            "",
            "Rebuilding a report that exists keeps its \"Action items\" section as the team left it,"
                + " byte for byte; when that section cannot be told, the file is left as it is.",
            "",
            "When the run ended but its result file is missing (the runner was killed after its"
                + " end), the result is written too, into the results directory the run recorded"
                + " or --results.")
        .positional(Positional.one(Type.PATH, "JOURNAL", "the journal of a run (journal.jsonl)"))
        .option(Option.path("--output", "FILE",
            "write the report here (default: report.md, or report.html with --html, beside the journal)")
            .alias("-o"))
        .option(Option.flag("--html", "write the report as one self-contained HTML page with a timeline chart"))
        .option(Option.path("--results", "DIR",
            "where the run's result goes when it is missing (default: where the run said)"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final Path journal;
  private final Path output;
  private final boolean html;
  private final Path results;

  ReportCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    journal = args.path("JOURNAL").orElseThrow();
    output = args.path("--output").orElse(null);
    html = args.flag("--html");
    results = args.path("--results").orElse(null);
  }

  @Override
  public Integer call() {
    RunReports.Rebuilt report;
    try {
      report = RunReports.rebuild(journal);
    } catch (NoSuchFileException e) {
      err.println("drill report: no such journal: " + journal);
      return Main.USAGE;
    } catch (AccessDeniedException e) {
      err.println("drill report: permission denied: " + journal);
      return Main.USAGE;
    } catch (IOException e) {
      err.println("drill report: cannot read " + journal + ": " + e.getMessage());
      return Main.USAGE;
    } catch (JournalFormatException e) {
      err.println("drill report: " + journal + " is not a drill journal: " + e.getMessage());
      return Main.USAGE;
    }
    if (report.skippedLines() > 0) {
      err.println("drill report: " + journal + ": " + report.describeSkipped());
    }
    Path target = output != null ? output : html ? RunReports.htmlBesideJournal(journal) : RunReports.besideJournal(journal);
    if (target.toAbsolutePath().normalize().equals(journal.toAbsolutePath().normalize())) {
      err.println("drill report: the report would overwrite its journal " + journal + "; give another -o FILE");
      return Main.USAGE;
    }
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(target, html ? report.html() : RunReports.markdownFor(target, report), StandardCharsets.UTF_8);
    } catch (RunReports.KeptRefused e) {
      err.println("drill report: " + e.getMessage());
      return Main.USAGE;
    } catch (IOException e) {
      err.println("drill report: cannot write the report to " + target + ": " + e.getMessage());
      return Main.USAGE;
    }
    out.println(target);
    err.println("drill report: " + report.drill() + ", " + report.outcome());
    Optional<Path> resultsDir = Optional.ofNullable(results).or(report::recordedResults);
    if (resultsDir.isPresent()) {
      try {
        report.writeResultIfMissing(resultsDir.get())
            .ifPresent(file -> err.println("drill report: the run's result was missing; wrote " + file));
      } catch (IOException | IllegalArgumentException e) {
        err.println("drill report: cannot write the run's result into " + resultsDir.get() + ": " + e.getMessage());
        return Main.USAGE;
      }
    }
    return Main.OK;
  }
}
