package dev.drill.cli;

import dev.drill.compiler.diagnostic.NearMiss;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command line picocli cannot parse, told in drill's words on one line, with a
 * did-you-mean where there is a near miss: {@code drill: unknown command 'chek'; did you mean
 * 'check'?}, {@code drill run: unknown option '--atuo'; did you mean '--auto'?}. Never
 * picocli's own sentences, which name Java fields and types.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + words(e, command.getCommandSpec()));
    err.flush();
    return Main.USAGE;
  }

  static String words(ParameterException e, CommandSpec spec) {
    String help = spec.qualifiedName() + " --help";
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String given = unmatched.getUnmatched().get(0);
      if (given.startsWith("-") && given.length() > 1) {
        String option = given.contains("=") ? given.substring(0, given.indexOf('=')) : given;
        return "unknown option '" + option + "'; "
            + NearMiss.hint(option, optionNames(spec)).orElse(help + " lists the options");
      }
      if (!spec.subcommands().isEmpty() && spec.parent() == null) {
        return "unknown command '" + given + "'; "
            + NearMiss.hint(given, spec.subcommands().keySet()).orElse(help + " lists the commands");
      }
      return "unexpected argument '" + given + "'; " + help + " shows what it takes";
    }
    if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
      ArgSpec first = missing.getMissing().get(0);
      if (first instanceof OptionSpec option) {
        return option.longestName() + " needs a value (" + option.paramLabel() + ")";
      }
      List<String> labels = new ArrayList<>();
      missing.getMissing().forEach(arg -> labels.add(arg.paramLabel()));
      return "missing " + String.join(" and ", labels) + "; " + help + " shows what it takes";
    }
    if (e instanceof CommandLine.OverwrittenOptionException overwritten
        && overwritten.getOverwritten() instanceof OptionSpec option) {
      return option.longestName() + " is given more than once; give it once";
    }
    if (e instanceof CommandLine.MaxValuesExceededException) {
      return "too many arguments; " + help + " shows what it takes";
    }
    Optional<ArgSpec> arg = Optional.ofNullable(e.getArgSpec());
    if (arg.isPresent() && e.getValue() != null) {
      String name = arg.get() instanceof OptionSpec option ? option.longestName()
          : arg.get() instanceof PositionalParamSpec positional ? positional.paramLabel() : "a value";
      return name + ": '" + e.getValue() + "' is not a valid " + arg.get().paramLabel();
    }
    return "cannot read the command line; " + help + " shows what it takes";
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    spec.options().forEach(o -> names.addAll(List.of(o.names())));
    return names;
  }
}
