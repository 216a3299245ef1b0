package dev.drill.cli;

import dev.drill.cli.args.CommandSpec;
import dev.drill.cli.args.Option;
import dev.drill.cli.args.Option.Type;
import dev.drill.cli.args.Positional;
import dev.drill.cli.args.Values;
import dev.drill.compiler.scaffold.Scaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

final class NewCommand implements Callable<Integer> {

  static CommandSpec spec() {
    return CommandSpec.command("new",
            "Write a starting drill, with its guide, that compiles and passes drill check as it is: its"
                + " comments (# TODO(team): ...) say what to fill in.",
            "technical, security, ics: DIR/NAME.drill, shaped like the samples of that kind, and its guide"
                + " guides/NAME.md.",
            "library: DIR/lib/NAME.drill, a library of templates, and DIR/NAME-example.drill, a drill built"
                + " from it, with its guide.",
            "Never overwrites: when any of these files exists, nothing is written.")
        .positional(Positional.one(Type.STRING, "KIND", "technical, security, ics or library"))
        .positional(Positional.one(Type.STRING, "NAME", "the drill's id, kebab-case (payment-outage); it names the files"))
        .option(Option.path("--dir", "DIR", "where to write, created when missing (default: the working directory)"));
  }

  private final PrintWriter out;
  private final PrintWriter err;
  private final String kind;
  private final String name;
  private final Path dir;

  NewCommand(Values args, PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    kind = args.string("KIND").orElseThrow();
    name = args.string("NAME").orElseThrow();
    dir = args.path("--dir").orElse(Path.of("."));
  }

  @Override
  public Integer call() {
    Scaffold.Result result = Scaffold.create(kind, name, dir);
    if (result instanceof Scaffold.Refused refused) {
      err.println("drill new: " + refused.message() + "; " + refused.hint());
      return Main.USAGE;
    }
    if (!(result instanceof Scaffold.Created created)) {
      throw new IllegalStateException("drill new creates or refuses: " + result);
    }
    created.files().forEach(file -> out.println("wrote " + file));
    String files = String.join(" ", created.files().stream().filter(f -> f.endsWith(".drill")).toList());
    out.println("next: fill in each TODO(team) of " + files + ", then run drill guide --update "
        + String.join(" ", created.drills()) + " and drill check");
    return Main.OK;
  }
}
