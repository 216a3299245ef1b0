package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.BatchCompile;
import dev.drill.compiler.CompileResult;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    Counts counts = new Counts();
    BatchCompile.compile(files, Library.session(), compiled -> {
      if (compiled instanceof BatchCompile.Unreadable unreadable) {
        err.println(unreadable.error() instanceof AccessDeniedException
            ? "drill compile: permission denied: " + unreadable.file().displayPath()
            : "drill compile: cannot read " + unreadable.file().displayPath() + ": " + unreadable.error().getMessage());
        counts.usageError = true;
        return false;
      }
      return compiled instanceof BatchCompile.Done done && counts.take(done, files.size(), out, err);
    });
    if (counts.usageError) {
      return Main.USAGE;
    }
    err.println(summary(files.size() - counts.templateFiles, counts.templateFiles, counts.failedFiles, counts.errors,
        counts.warnings));
    return counts.failedFiles > 0 ? Main.FINDINGS : Main.OK;
  }

  /** What the files compiled so far gave; a plan written (or printed) as each file comes. */
  private final class Counts {
    int errors;
    int warnings;
    int failedFiles;
    int templateFiles;
    boolean usageError;
    /**
     * The directories of plans made (or found) so far: asking again for each plan would cost a
     * failed mkdir and two exceptions per plan.
     */
    final Set<Path> directories = new HashSet<>();

    /** Prints a file's diagnostics and writes its plan; false when the plan cannot be written. */
    boolean take(BatchCompile.Done done, int fileCount, PrintWriter out, PrintWriter err) {
      CompileResult result = done.result();
      for (Diagnostic d : result.diagnostics()) {
        err.print(DiagnosticRenderer.render(d, result.sourceOf(d.span().file())));
        if (d.isError()) errors++; else warnings++;
      }
      if (result.templatesOnly()) {
        templateFiles++;
        failedFiles += result.hasErrors() ? 1 : 0;
        return true;
      }
      if (done.planJson().isEmpty()) {
        failedFiles++;
        return true;
      }
      String json = done.planJson().get();
      if (output != null) {
        try {
          Path target = output.resolve(done.file().planPath());
          Path directory = target.toAbsolutePath().getParent();
          if (directories.add(directory)) {
            Files.createDirectories(directory);
          }
          Files.writeString(target, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println("drill compile: cannot write plan to " + output + ": " + e.getMessage());
          usageError = true;
          return false;
        }
      } else if (fileCount == 1) {
        out.print(json);
        out.flush();
      }
      return true;
    }
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
