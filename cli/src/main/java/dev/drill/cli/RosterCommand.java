package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.practice.PracticeList;
import dev.drill.compiler.practice.PracticeRoster;
import dev.drill.compiler.practice.RosterOutput;
import dev.drill.compiler.source.DrillFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

final class RosterCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("roster",
            "Who held which role in which drill, and when last (from the run results), and the onboarding"
                + " list: each person with the roles the drills declare that they never held.")
        .positional(Positional.any(Type.PATH, "PATH", ".drill files or directories (default: .)"))
        .option(Option.path("--results", "DIR",
            "directory of run results, which must exist (default: drill-results/ at the project root)"))
        .option(Option.string("--format", "FORMAT", "text, json or md (default: text)").withDefault("text"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<Path> paths;
  private final Path results;
  private final String format;

  RosterCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    paths = Inputs.libraryPaths(args);
    results = args.path("--results").orElse(null);
    format = args.string("--format").orElseThrow();
  }

  @Override
  public Integer call() {
    Optional<RosterOutput> output = RosterOutput.named(format);
    if (output.isEmpty()) {
      err.println("drill roster: unknown format '" + format + "'; use text, json or md");
    }
    Optional<Path> resultsDir = Inputs.resultsToRead("roster", results, PracticeList.defaultResults(paths), err);
    Optional<List<DrillFiles.Found>> drills = Inputs.drills("roster", paths, err);
    if (output.isEmpty() || resultsDir.isEmpty() || drills.isEmpty()) {
      return Main.USAGE;
    }
    try {
      out.print(output.get().render(PracticeRoster.of(drills.get(), resultsDir.get())));
    } catch (PracticeList.Unreadable e) {
      err.println("drill roster: " + e.getMessage());
      return Main.USAGE;
    }
    out.flush();
    return Main.OK;
  }
}
