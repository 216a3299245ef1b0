package dev.drill.cli;

import dev.drill.compiler.scaffold.Scaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Write a starting drill, with its guide, that compiles and passes drill check as it is: its"
          + " comments (# TODO(team): ...) say what to fill in.",
      "technical, security, ics: DIR/NAME.drill, shaped like the samples of that kind, and its guide"
          + " guides/NAME.md.",
      "library: DIR/lib/NAME.drill, a library of templates, and DIR/NAME-example.drill, a drill built"
          + " from it, with its guide.",
      "Never overwrites: when any of these files exists, nothing is written."
    })
final class NewCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "technical, security, ics or library")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME", description = "the drill's id, kebab-case (payment-outage); it names the files")
  String name;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
      description = "where to write, created when missing (default: the working directory)")
  Path dir;

  @Override
  public Integer call() {
    Scaffold.Result result = Scaffold.create(kind, name, dir);
    if (result instanceof Scaffold.Refused refused) {
      spec.commandLine().getErr().println("drill new: " + refused.message() + "; " + refused.hint());
      return Main.USAGE;
    }
    if (!(result instanceof Scaffold.Created created)) {
      throw new IllegalStateException("drill new creates or refuses: " + result);
    }
    PrintWriter out = spec.commandLine().getOut();
    created.files().forEach(file -> out.println("wrote " + file));
    String files = String.join(" ", created.files().stream().filter(f -> f.endsWith(".drill")).toList());
    out.println("next: fill in each TODO(team) of " + files + ", then run drill guide --update "
        + String.join(" ", created.drills()) + " and drill check");
    return Main.OK;
  }
}
