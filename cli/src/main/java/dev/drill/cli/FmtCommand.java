package dev.drill.cli;

import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.syntax.Formatter;
import java.io.IOException;
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
    name = "fmt",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrite .drill files in the canonical layout (indentation, aligned values, blank lines);"
          + " comments stay where they are and no token changes.",
      "Without --check, each changed file is rewritten in place and listed as 'formatted FILE'.",
      "With --check, nothing is written: files that would change are listed and the exit code is 1.",
      "A file with syntax errors is left untouched: its diagnostics go to stderr and the exit code is 1."
    })
final class FmtCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = ".drill files, or directories to search for them")
  List<Path> paths;

  @Option(names = "--check", description = "only list the files that are not formatted; exit 1 if any")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
