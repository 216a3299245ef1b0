package dev.drill.cli.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A command as its user sees it: its name, the paragraphs of its description, its options,
 * positionals and subcommands, and a footer for its help. Every command takes -h/--help and
 * -V/--version. Built once by a command's {@code spec()} (adders return the spec, to chain),
 * then only read by the {@link Parser} and {@link Usage}.
 */
public final class CommandSpec {

  static final Option HELP = Option.flag("--help", "Show this help message and exit.").alias("-h");
  static final Option VERSION = Option.flag("--version", "Print version information and exit.").alias("-V");

  private final String name;
  private final List<String> description;
  private final List<Option> options = new ArrayList<>();
  private final List<Positional> positionals = new ArrayList<>();
  private final List<CommandSpec> subcommands = new ArrayList<>();
  private final boolean helpCommand;
  private String footer = "";

  private CommandSpec(String name, List<String> description, boolean helpCommand) {
    this.name = name;
    this.description = description;
    this.helpCommand = helpCommand;
  }

  /** A command; each description string is a paragraph of its help, "" a blank line. */
  public static CommandSpec command(String name, String... description) {
    CommandSpec command = new CommandSpec(name, List.of(description), false);
    command.options.add(HELP);
    command.options.add(VERSION);
    return command;
  }

  /** {@code help [COMMAND]}: the help of the command named, or of the parent. */
  public static CommandSpec helpCommand() {
    CommandSpec help = new CommandSpec("help", List.of("Display help information about the specified command.", "",
        "When no COMMAND is given, the usage help for the main command is displayed. If a COMMAND is specified,"
            + " the help for that command is shown."), true);
    help.options.add(Option.flag("--help", "Show usage help for the help command and exit.").alias("-h"));
    help.positionals.add(Positional.optional(Option.Type.STRING, "COMMAND",
        "The COMMAND to display the usage help message for."));
    return help;
  }

  public CommandSpec option(Option option) {
    options.add(option);
    return this;
  }

  public CommandSpec positional(Positional positional) {
    positionals.add(positional);
    return this;
  }

  public CommandSpec subcommand(CommandSpec command) {
    subcommands.add(command);
    return this;
  }

  /** Text that closes the help, as written. */
  public CommandSpec footer(String text) {
    footer = text;
    return this;
  }

  public String name() {
    return name;
  }

  List<String> description() {
    return description;
  }

  List<Option> options() {
    return Collections.unmodifiableList(options);
  }

  List<Positional> positionals() {
    return Collections.unmodifiableList(positionals);
  }

  List<CommandSpec> subcommands() {
    return Collections.unmodifiableList(subcommands);
  }

  String footer() {
    return footer;
  }

  boolean isHelpCommand() {
    return helpCommand;
  }

  Optional<Option> option(String name) {
    for (Option option : options) {
      if (option.named(name)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }

  Optional<CommandSpec> subcommand(String name) {
    for (CommandSpec command : subcommands) {
      if (command.name.equals(name)) {
        return Optional.of(command);
      }
    }
    return Optional.empty();
  }

  List<String> optionNames() {
    List<String> names = new ArrayList<>();
    for (Option option : options) {
      names.addAll(option.names());
    }
    return names;
  }

  List<String> subcommandNames() {
    List<String> names = new ArrayList<>();
    for (CommandSpec command : subcommands) {
      names.add(command.name);
    }
    return names;
  }
}
