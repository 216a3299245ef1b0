package dev.drill.cli;

import dev.drill.compiler.practice.PracticeList;
import dev.drill.compiler.practice.PracticeRoster;
import dev.drill.compiler.practice.RosterOutput;
import dev.drill.compiler.source.DrillFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "roster",
    mixinStandardHelpOptions = true,
    description = "Who held which role in which drill, and when last (from the run results), and the onboarding"
        + " list: each person with the roles the drills declare that they never held.")
final class RosterCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = ".drill files or directories (default: .)")
  List<Path> paths = List.of(Path.of("."));

  @Option(names = "--results", paramLabel = "DIR",
      description = "directory of run results, which must exist (default: drill-results/ at the project root)")
  Path results;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or md (default: text)")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
