package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.ctk.ChaosToolkit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code drill export ctk}: drills as Chaos Toolkit experiments. */
final class ExportCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("export", "Write drills in another tool's format.").subcommand(Ctk.spec());
  }

  private final PrintWriter err;

  ExportCommand(PrintWriter err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    err.println("drill export: say what to export to: drill export ctk FILE.drill|DIR");
    return Main.USAGE;
  }

  static final class Ctk implements Callable<Integer> {

    static CommandSpec spec() {
      return CommandSpec.command("ctk",
              "Write each drill as a Chaos Toolkit 1.0 experiment (JSON): steady checks as the hypothesis with"
                  + " tolerances; inject actions, signals (as probes) and automated recovery steps as the method;"
                  + " waits as pauses; undo actions (last step first) and the teardown as the rollbacks; params and"
                  + " secrets read from the environment.",
              "What Chaos Toolkit cannot express (manual steps, budgets, roles, comms, abort conditions) is kept in"
                  + " the experiment's extensions under 'drill', with a warning at its place in the drill.",
              "One drill without -o: the experiment goes to stdout. -o FILE.json names the file for one drill; any"
                  + " other -o is a directory, each experiment named after its drill's id.")
          .positional(Positional.some(Type.PATH, "FILE|DIR", ".drill files, or directories to search for them"))
          .option(Option.path("--output", "PATH", "a .json file, or a directory").alias("-o"));
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Path> paths;
    private final Path output;

    Ctk(Values args, PrintWriter out, PrintWriter err) {
      this.out = out;
      this.err = err;
      paths = args.paths("FILE|DIR");
      output = args.path("--output").orElse(null);
    }

    @Override
    public Integer call() {
          Optional<List<DrillFiles.Found>> found = Inputs.drills("export ctk", paths, err);
      if (found.isEmpty()) {
        return Main.USAGE;
      }
      List<DrillFiles.Found> files = found.get();
      boolean toFile = output != null && output.getFileName().toString().endsWith(".json");
      if (toFile && files.size() > 1) {
        err.println("drill export ctk: -o " + output + " names one experiment file, for one drill; give a directory");
        return Main.USAGE;
      }
      if (output == null && files.size() > 1) {
        err.println("drill export ctk: several drills need -o DIR to write their experiments to");
        return Main.USAGE;
      }
      int failed = 0;
      Library library = Library.session();
      for (DrillFiles.Found file : files) {
        CompileResult compiled;
        try {
          compiled = DrillCompiler.compile(file.path(), file.displayPath(), library);
        } catch (IOException e) {
          err.println("drill export ctk: cannot read " + file.displayPath() + ": " + e.getMessage());
          return Main.USAGE;
        }
        compiled.diagnostics().stream().filter(Diagnostic::isError)
            .forEach(d -> err.print(DiagnosticRenderer.render(d, compiled.sourceOf(d.span().file()))));
        if (compiled.templatesOnly()) {
          continue;
        }
        if (compiled.plan().isEmpty()) {
          err.println("drill export ctk: " + file.displayPath() + " does not compile; not exported");
          failed++;
          continue;
        }
        ChaosToolkit.Exported exported = ChaosToolkit.exportPlan(compiled.plan().get());
        exported.warnings().forEach(d -> err.print(DiagnosticRenderer.render(d, compiled.sourceOf(d.span().file()))));
        if (output == null) {
          out.print(exported.json());
          out.flush();
          continue;
        }
        Path target = toFile ? output : output.resolve(compiled.plan().get().id() + ".json");
        try {
          Path parent = target.toAbsolutePath().getParent();
          Files.createDirectories(parent);
          Path temporary = Files.createTempFile(parent, ".drill-export", ".tmp");
          Files.writeString(temporary, exported.json(), StandardCharsets.UTF_8);
          Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          err.println("drill export ctk: cannot write " + target + ": " + e.getMessage());
          return Main.USAGE;
        }
        int warnings = exported.warnings().size();
        out.println("wrote " + target + " from " + file.displayPath()
            + (warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning)" : " warnings)")));
      }
      out.flush();
      return failed > 0 ? Main.FINDINGS : Main.OK;
    }
  }
}
