package dev.drill.cli;

import dev.drill.runtime.DrillRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Finish the rollback of a run that was killed before it could (kill -9, a crash, a"
          + " machine that went down): run the undo of every injected fault and the teardown"
          + " actions its journal does not show done, in the drill's directory, with the run's"
          + " own param values (secrets again from their environment variables), recording"
          + " them in the same journal; then write its report, and its run result if missing.",
      "",
      "Refuses when the run is still going, or when nothing is left to roll back."
    })
final class RollbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "JOURNAL", description = "the journal of the killed run (journal.jsonl)")
  Path journal;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "a param's value, where the journal cannot give it (a value that held a secret); taken verbatim")
  List<String> set = new ArrayList<>();

  @Option(names = "--auto", description = "confirm manual undo and teardown steps at once")
  boolean auto;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(journal)) {
      err.println("drill rollback: no such journal: " + journal);
      return Main.USAGE;
    }
    Inputs.Values values = Inputs.values("rollback", set, err);
    if (values.malformed()) {
      return Main.USAGE;
    }
    DrillRunner.Rollback rollback;
    try {
      rollback = DrillRunner.rollback(journal, values.byName(), System::getenv, auto, System.in, err);
    } catch (AccessDeniedException e) {
      err.println("drill rollback: permission denied: " + e.getFile());
      return Main.USAGE;
    } catch (NoSuchFileException e) {
      err.println("drill rollback: no such file: " + e.getFile());
      return Main.USAGE;
    } catch (IOException e) {
      err.println("drill rollback: cannot read or write " + journal + ": " + e.getMessage());
      return Main.USAGE;
    }
    if (rollback instanceof DrillRunner.Rollback.Refused refused) {
      refused.reason().lines().forEach(line -> err.println("drill rollback: " + line));
      return Main.USAGE;
    }
    return rollback instanceof DrillRunner.Rollback.Done done
        ? RunCommand.Finish.print(done.finished(), out, err, "drill rollback") : Main.INTERNAL;
  }
}
