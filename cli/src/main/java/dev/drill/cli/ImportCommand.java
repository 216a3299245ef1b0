package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.ctk.ChaosToolkit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code drill import ctk}: Chaos Toolkit experiments as drills. */
final class ImportCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("import", "Write drills from scenarios in another tool's format.")
        .subcommand(Ctk.spec());
  }

  private final PrintWriter err;

  ImportCommand(PrintWriter err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    err.println("drill import: say what to import from: drill import ctk FILE...");
    return Main.USAGE;
  }

  static final class Ctk implements Callable<Integer> {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    static CommandSpec spec() {
      return CommandSpec.command("ctk",
              "Write a formatted drill of kind experiment for each Chaos Toolkit experiment (JSON, or YAML when"
                  + " named .yaml/.yml): the hypothesis as steady checks, before the method and after it; the"
                  + " method as inject steps; the rollbacks as the teardown, which drill always runs.",
              "What drill cannot execute (python providers, controls, extensions, vault secrets) becomes a manual"
                  + " step, with a warning naming its place in the experiment.",
              "One experiment without -o: the drill goes to stdout. -o FILE.drill names the file for one"
                  + " experiment; any other -o is a directory, each drill named after its id.",
              "Exit 0 when every experiment was written (warnings allowed), 1 when one is not a valid experiment.")
          .positional(Positional.some(Type.PATH, "FILE", "Chaos Toolkit experiment files"))
          .option(Option.path("--output", "PATH", "a .drill file, or a directory").alias("-o"))
          .option(Option.string("--environment", "NAME", "the environment the drills run in (default:"
              + " ${DEFAULT-VALUE})").withDefault("staging"))
          .option(Option.flag("--force", "replace drill files that exist"));
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Path> files;
    private final Path output;
    private final String environment;
    private final boolean force;

    Ctk(Values args, PrintWriter out, PrintWriter err) {
      this.out = out;
      this.err = err;
      files = args.paths("FILE");
      output = args.path("--output").orElse(null);
      environment = args.string("--environment").orElseThrow();
      force = args.flag("--force");
    }

    @Override
    public Integer call() {
          Optional<String> usage = usageProblem();
      if (usage.isPresent()) {
        err.println("drill import ctk: " + usage.get());
        return Main.USAGE;
      }
      boolean toFile = output != null && output.getFileName().toString().endsWith(".drill");
      int refused = 0;
      Set<String> ids = new HashSet<>();
      for (Path file : files) {
        ChaosToolkit.Imported imported;
        try {
          imported = ChaosToolkit.importExperiment(file, file.toString(), environment);
        } catch (IOException e) {
          err.println("drill import ctk: cannot read " + file + ": " + e.getMessage());
          return Main.USAGE;
        }
        if (imported instanceof ChaosToolkit.Refused no) {
          no.errors().forEach(d -> err.print(DiagnosticRenderer.render(d, no.source())));
          err.println("drill import ctk: " + file + " was not imported");
          refused++;
          continue;
        }
        if (!(imported instanceof ChaosToolkit.Written drill)) {
          continue;
        }
        drill.warnings().forEach(d -> err.print(DiagnosticRenderer.render(d, Optional.of(drill.experiment()))));
        if (output == null) {
          out.print(drill.text());
          out.flush();
          continue;
        }
        Path target = toFile ? output : output.resolve(unique(drill.id(), ids) + ".drill");
        Optional<String> problem = write(target, drill.text());
        if (problem.isPresent()) {
          err.println("drill import ctk: " + problem.get());
          return Main.USAGE;
        }
        out.println("wrote " + target + " from " + file + warnings(drill.warnings()));
      }
      out.flush();
      return refused > 0 ? Main.FINDINGS : Main.OK;
    }

    private Optional<String> usageProblem() {
      for (Path file : files) {
        if (!Files.isRegularFile(file)) {
          return Optional.of(Files.exists(file) ? file + " is not a file" : "no such file: " + file);
        }
      }
      if (!KEBAB.matcher(environment).matches()) {
        return Optional.of("--environment: '" + environment + "' is not a kebab-case name (such as staging)");
      }
      if (output == null && files.size() > 1) {
        return Optional.of("several experiments need -o DIR to write their drills to");
      }
      if (output != null && output.getFileName().toString().endsWith(".drill") && files.size() > 1) {
        return Optional.of("-o " + output + " names one drill file, for one experiment; give a directory");
      }
      return Optional.empty();
    }

    private static String unique(String id, Set<String> ids) {
      String name = id;
      for (int n = 2; !ids.add(name); n++) {
        name = id + "-" + n;
      }
      return name;
    }

    private Optional<String> write(Path target, String text) {
      try {
        if (Files.exists(target) && !force && !Files.readString(target, StandardCharsets.UTF_8).equals(text)) {
          return Optional.of(target + " exists; give --force to replace it");
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".drill-import", ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return Optional.empty();
      } catch (IOException e) {
        return Optional.of("cannot write " + target + ": " + e.getMessage());
      }
    }

    private static String warnings(List<Diagnostic> warnings) {
      return warnings.isEmpty() ? "" : " (" + warnings.size() + (warnings.size() == 1 ? " warning)" : " warnings)");
    }
  }
}
