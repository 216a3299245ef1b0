package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.runtime.DrillRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

final class RollbackCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("rollback",
            "Finish the rollback of a run that was killed before it could (kill -9, a crash, a"
                + " machine that went down): run the undo of every injected fault and the teardown"
                + " actions its journal does not show done, in the drill's directory, with the run's"
                + " own param values (secrets again from their environment variables), recording"
                + " them in the same journal; then write its report, and its run result if missing.",
            "",
            "Refuses when the run is still going, or when nothing is left to roll back.")
        .positional(Positional.one(Type.PATH, "JOURNAL", "the journal of the killed run (journal.jsonl)"))
        .option(Option.string("--set", "NAME=VALUE", "a param's value, where the journal cannot give it (a value"
            + " that held a secret); taken verbatim").repeatable())
        .option(Option.flag("--auto", "confirm manual undo and teardown steps at once"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final Path journal;
  private final List<String> set;
  private final boolean auto;

  RollbackCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    journal = args.path("JOURNAL").orElseThrow();
    set = args.strings("--set");
    auto = args.flag("--auto");
  }

  @Override
  public Integer call() throws Exception {
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
