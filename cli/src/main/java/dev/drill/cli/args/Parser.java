package dev.drill.cli.args;

import dev.drill.compiler.diagnostic.NearMiss;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a command line against a command's spec, left to right: an option by any of its
 * names, its value after {@code =} or as the next argument ({@code -oDIR} too); flags
 * clustered ({@code -hV}); {@code --} ends the options; the first argument that is not an
 * option names a subcommand, where the command has them; the rest are its positionals.
 * Every mistake is one line in drill's words (see {@link Parsed.Refused}), never an exception.
 */
public final class Parser {

  private final String[] args;
  private int next;

  private Parser(String[] args) {
    this.args = args;
  }

  /** What {@code args} ask of {@code root}, whose name ("drill") starts every command's. */
  public static Parsed parse(CommandSpec root, String[] args) {
    return new Parser(args).command(root, root.name(), true);
  }

  private Parsed command(CommandSpec spec, String qualified, boolean root) {
    List<List<String>> options = new ArrayList<>();
    for (int i = 0; i < spec.options().size(); i++) {
      options.add(new ArrayList<>());
    }
    List<String> rest = new ArrayList<>();
    boolean optionsEnded = false;
    while (next < args.length) {
      String arg = args[next++];
      if (!optionsEnded && arg.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && arg.startsWith("-") && arg.length() > 1) {
        Optional<Parsed> stop = option(spec, qualified, arg, options);
        if (stop.isPresent()) {
          return stop.get();
        }
      } else if (!spec.subcommands().isEmpty()) {
        Optional<CommandSpec> sub = spec.subcommand(arg);
        if (sub.isPresent()) {
          Parsed parsed = command(sub.get(), qualified + " " + arg, false);
          return sub.get().isHelpCommand() && parsed instanceof Parsed.Run help ? help(spec, qualified, help) : parsed;
        }
        return new Parsed.Refused(qualified, root
            ? "unknown command '" + arg + "'; "
                + NearMiss.hint(arg, spec.subcommandNames()).orElse(qualified + " --help lists the commands")
            : "unexpected argument '" + arg + "'; " + qualified + " --help shows what it takes");
      } else {
        rest.add(arg);
      }
    }
    return positionals(spec, qualified, options, rest);
  }

  /** {@code help [COMMAND]}: the help of the command named, or of {@code parent} itself. */
  private static Parsed help(CommandSpec parent, String qualified, Parsed.Run help) {
    Optional<String> named = help.values().string("COMMAND");
    if (named.isEmpty()) {
      return new Parsed.Help(parent, qualified);
    }
    Optional<CommandSpec> command = parent.subcommand(named.get());
    if (command.isEmpty()) {
      return new Parsed.Refused(qualified, "unknown command '" + named.get() + "'; "
          + NearMiss.hint(named.get(), parent.subcommandNames()).orElse(qualified + " --help lists the commands"));
    }
    return new Parsed.Help(command.get(), qualified + " " + named.get());
  }

  /** Reads one option (and its value) into {@code options}; a help, the version or a mistake stops the parse. */
  private Optional<Parsed> option(CommandSpec spec, String qualified, String arg, List<List<String>> options) {
    int equals = arg.indexOf('=');
    String name = equals > 0 ? arg.substring(0, equals) : arg;
    Optional<Option> found = spec.option(name);
    Optional<String> attached = equals > 0 ? Optional.of(arg.substring(equals + 1)) : Optional.empty();
    if (found.isEmpty() && !arg.startsWith("--") && arg.length() > 2) {
      // -oDIR, or flags clustered as -hV.
      Optional<Option> first = spec.option(arg.substring(0, 2));
      if (first.isPresent() && first.get().takesValue()) {
        found = first;
        name = arg.substring(0, 2);
        attached = Optional.of(arg.substring(2));
      } else if (equals < 0) {
        return cluster(spec, qualified, arg, options);
      }
    }
    if (found.isEmpty()) {
      return Optional.of(unknownOption(spec, qualified, name));
    }
    Option option = found.get();
    if (!option.takesValue()) {
      String value = attached.orElse("true");
      if (!value.equals("true") && !value.equals("false")) {
        return Optional.of(new Parsed.Refused(qualified,
            option.longestName() + ": '" + value + "' is not a valid true or false"));
      }
      return flag(spec, qualified, option, value, options);
    }
    String value;
    if (attached.isPresent()) {
      value = attached.get();
    } else if (next < args.length && !isOption(spec, args[next])) {
      value = args[next++];
    } else {
      return Optional.of(new Parsed.Refused(qualified, option.longestName() + " needs a value (" + option.label() + ")"));
    }
    List<String> values = options.get(indexOf(spec, option));
    if (!option.many() && !values.isEmpty()) {
      return Optional.of(new Parsed.Refused(qualified, option.longestName() + " is given more than once; give it once"));
    }
    if (!readable(option.type(), value)) {
      return Optional.of(new Parsed.Refused(qualified,
          option.longestName() + ": '" + value + "' is not a valid " + option.label()));
    }
    values.add(value);
    return Optional.empty();
  }

  private Optional<Parsed> cluster(CommandSpec spec, String qualified, String arg, List<List<String>> options) {
    List<Option> flags = new ArrayList<>();
    for (int i = 1; i < arg.length(); i++) {
      Optional<Option> flag = spec.option("-" + arg.charAt(i));
      if (flag.isEmpty() || flag.get().takesValue()) {
        return Optional.of(unknownOption(spec, qualified, arg));
      }
      flags.add(flag.get());
    }
    for (Option flag : flags) {
      Optional<Parsed> stop = flag(spec, qualified, flag, "true", options);
      if (stop.isPresent()) {
        return stop;
      }
    }
    return Optional.empty();
  }

  private static Optional<Parsed> flag(CommandSpec spec, String qualified, Option flag, String value,
      List<List<String>> options) {
    if (flag.named("--help")) {
      return Optional.of(new Parsed.Help(spec, qualified));
    }
    if (flag.named("--version")) {
      return Optional.of(new Parsed.Version());
    }
    options.get(indexOf(spec, flag)).add(value);
    return Optional.empty();
  }

  /** By identity: a record's equals would bootstrap its generated methods on a cold start for nothing. */
  private static int indexOf(CommandSpec spec, Option option) {
    for (int i = 0; i < spec.options().size(); i++) {
      if (spec.options().get(i) == option) {
        return i;
      }
    }
    throw new IllegalArgumentException(option.longestName() + " is not an option of drill " + spec.name());
  }

  private static Parsed unknownOption(CommandSpec spec, String qualified, String name) {
    return new Parsed.Refused(qualified, "unknown option '" + name + "'; "
        + NearMiss.hint(name, spec.optionNames()).orElse(qualified + " --help lists the options"));
  }

  /** Whether the argument after an option is another option, so not its value ({@code --format --strict}). */
  private static boolean isOption(CommandSpec spec, String arg) {
    int equals = arg.indexOf('=');
    return spec.option(equals > 0 ? arg.substring(0, equals) : arg).isPresent();
  }

  private static boolean readable(Option.Type type, String value) {
    try {
      if (type == Option.Type.INT) {
        Integer.parseInt(value);
      } else if (type == Option.Type.LONG) {
        Long.parseLong(value);
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Deals the arguments left to the positionals in order, each as many as it may while the later ones get their least. */
  private static Parsed positionals(CommandSpec spec, String qualified, List<List<String>> options, List<String> rest) {
    List<Positional> declared = spec.positionals();
    List<List<String>> dealt = new ArrayList<>();
    int taken = 0;
    for (int i = 0; i < declared.size(); i++) {
      Positional positional = declared.get(i);
      int laterLeast = 0;
      for (Positional later : declared.subList(i + 1, declared.size())) {
        laterLeast += later.min();
      }
      int available = rest.size() - taken;
      if (available < positional.min()) {
        return new Parsed.Refused(qualified,
            "missing " + positional.label() + "; " + qualified + " --help shows what it takes");
      }
      int count = Math.max(positional.min(), Math.min(positional.max(), available - laterLeast));
      List<String> values = new ArrayList<>(rest.subList(taken, taken + count));
      for (String value : values) {
        if (!readable(positional.type(), value)) {
          return new Parsed.Refused(qualified, positional.label() + ": '" + value + "' is not a valid "
              + positional.label());
        }
      }
      dealt.add(values);
      taken += count;
    }
    if (taken < rest.size()) {
      return new Parsed.Refused(qualified, spec.isHelpCommand()
          ? "too many arguments; " + qualified + " --help shows what it takes"
          : "unexpected argument '" + rest.get(taken) + "'; " + qualified + " --help shows what it takes");
    }
    return new Parsed.Run(spec, qualified, new Values(spec, options, dealt));
  }
}
