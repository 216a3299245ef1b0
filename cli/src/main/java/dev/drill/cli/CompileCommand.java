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
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

final class CompileCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("compile",
            "Compile .drill files into executable drill plans (JSON).",
            "",
            "With -o, each plan is written to DIR, mirroring the layout under the given directories"
                + " (samples/x.drill -> DIR/x.plan.json). Without -o, a single file's plan is printed"
                + " to stdout; several files are only checked.",
            "Diagnostics go to stderr as file:line:col: severity code: message.")
        .positional(Positional.some(Type.PATH, "FILE|DIR", ".drill files, or directories to search for them"))
        .option(Option.path("--output", "DIR", "write plans to this directory").alias("-o"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final List<Path> paths;
  private final Path output;

  CompileCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    paths = args.paths("FILE|DIR");
    output = args.path("--output").orElse(null);
  }

  @Override
  public Integer call() {
    Optional<List<DrillFiles.Found>> found = Inputs.drills("compile", paths, err);
    if (found.isEmpty()) {
      return Main.USAGE;
    }
    List<DrillFiles.Found> files = found.get();
    int errors = 0;
    int warnings = 0;
    int failedFiles = 0;
    int templateFiles = 0;
    Library library = Library.session();
    for (DrillFiles.Found file : files) {
      CompileResult result;
      try {
        // Read by size first: a 3 GB file is refused (D011), not read into the heap.
        result = DrillCompiler.compile(file.path(), file.displayPath(), library);
      } catch (AccessDeniedException e) {
        err.println("drill compile: permission denied: " + file.displayPath());
        return Main.USAGE;
      } catch (IOException e) {
        err.println("drill compile: cannot read " + file.displayPath() + ": " + e.getMessage());
        return Main.USAGE;
      }
      for (Diagnostic d : result.diagnostics()) {
        err.print(DiagnosticRenderer.render(d, result.sourceOf(d.span().file())));
        if (d.isError()) errors++; else warnings++;
      }
      if (result.templatesOnly()) {
        templateFiles++;
        failedFiles += result.hasErrors() ? 1 : 0;
        continue;
      }
      if (result.plan().isEmpty()) {
        failedFiles++;
        continue;
      }
      String json = PlanJson.write(result.plan().get());
      if (output != null) {
        try {
          Path target = output.resolve(file.planPath());
          Files.createDirectories(target.toAbsolutePath().getParent());
          Files.writeString(target, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println("drill compile: cannot write plan to " + output + ": " + e.getMessage());
          return Main.USAGE;
        }
      } else if (files.size() == 1) {
        out.print(json);
        out.flush();
      }
    }
    err.println(summary(files.size() - templateFiles, templateFiles, failedFiles, errors, warnings));
    return failedFiles > 0 ? Main.FINDINGS : Main.OK;
  }

  private static String summary(int files, int templateFiles, int failed, int errors, int warnings) {
    String drills = (files == 1 ? "1 drill" : files + " drills")
        + (templateFiles == 0 ? "" : " and " + plural(templateFiles, "file") + " of templates");
    String counts = plural(errors, "error") + ", " + plural(warnings, "warning");
    return failed == 0
        ? "compiled " + drills + " (" + counts + ")"
        : failed + " of " + drills + " did not compile (" + counts + ")";
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
