package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.syntax.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

final class FmtCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("fmt",
            "Rewrite .drill files in the canonical layout (indentation, aligned values, blank lines);"
                + " comments stay where they are and no token changes.",
            "Without --check, each changed file is rewritten in place and listed as 'formatted FILE'.",
            "With --check, nothing is written: files that would change are listed and the exit code is 1.",
            "A file with syntax errors is left untouched: its diagnostics go to stderr and the exit code is 1.")
        .positional(Positional.some(Type.PATH, "FILE|DIR", ".drill files, or directories to search for them"))
        .option(Option.flag("--check", "only list the files that are not formatted; exit 1 if any"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<Path> paths;
  private final boolean check;

  FmtCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    paths = args.paths("FILE|DIR");
    check = args.flag("--check");
  }

  @Override
  public Integer call() {
    Optional<List<DrillFiles.Found>> found = Inputs.drills("fmt", paths, err);
    if (found.isEmpty()) {
      return Main.USAGE;
    }
    boolean findings = false;
    for (DrillFiles.Found file : found.get()) {
      Formatter.Result result;
      try {
        result = Formatter.format(file.path(), file.displayPath());
      } catch (IOException e) {
        err.println("drill fmt: cannot read " + file.displayPath() + ": " + e.getMessage());
        return Main.USAGE;
      }
      if (result instanceof Formatter.NotFormatted not) {
        not.errors().forEach(d -> err.print(DiagnosticRenderer.render(d, not.source())));
        err.println("drill fmt: " + file.displayPath() + " has errors; left as it is");
        findings = true;
      } else if (result instanceof Formatter.Formatted formatted && formatted.changed()) {
        if (check) {
          out.println(file.displayPath());
          findings = true;
          continue;
        }
        try {
          Formatter.rewrite(file.path(), formatted.text());
        } catch (IOException e) {
          err.println("drill fmt: cannot write " + file.displayPath() + ": " + e.getMessage());
          return Main.USAGE;
        }
        out.println("formatted " + file.displayPath());
      }
    }
    out.flush();
    return findings ? Main.FINDINGS : Main.OK;
  }
}
