package dev.drill.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command's help, laid out as picocli laid it out before drill had its own parser: the
 * synopsis ({@code Usage: drill check [-hV] [--strict] [--format=FORMAT] [PATH...]}), the
 * description, a table of positionals and options (sorted by name) with their descriptions
 * wrapped under one column, the subcommands, then the footer; lines fit 80 columns.
 */
final class Usage {

  private static final int WIDTH = 80;
  /** Names longer than this do not widen the name column: their description starts on the next line. */
  private static final int NAMES_MAX_WIDTH = 20;

  private Usage() {}

  static String of(CommandSpec spec, String qualified) {
    StringBuilder text = new StringBuilder();
    String usage = "Usage: " + qualified + " ";
    append(text, wrap(synopsis(spec), WIDTH - usage.length(), WIDTH - usage.length()), usage,
        " ".repeat(usage.length()));
    for (String paragraph : spec.description()) {
      append(text, wrap(paragraph, WIDTH, WIDTH), "", "");
    }
    table(spec, text);
    if (!spec.subcommands().isEmpty()) {
      text.append("Commands:\n");
      commands(spec, text);
    }
    return text.append(spec.footer()).toString();
  }

  private static String synopsis(CommandSpec spec) {
    List<Option> sorted = sorted(spec.options());
    StringBuilder letters = new StringBuilder();
    List<String> flags = new ArrayList<>();
    List<String> single = new ArrayList<>();
    List<String> repeated = new ArrayList<>();
    for (Option option : sorted) {
      Optional<String> shortName = option.shortName();
      if (!option.takesValue() && shortName.isPresent()) {
        letters.append(shortName.get().substring(1));
      } else if (!option.takesValue()) {
        flags.add("[" + option.shortestName() + "]");
      } else if (option.many()) {
        repeated.add("[" + option.shortestName() + "=" + option.label() + "]...");
      } else {
        single.add("[" + option.shortestName() + "=" + option.label() + "]");
      }
    }
    List<String> items = new ArrayList<>();
    if (letters.length() > 0) {
      items.add("[-" + letters + "]");
    }
    items.addAll(flags);
    items.addAll(single);
    items.addAll(repeated);
    for (Positional positional : spec.positionals()) {
      items.add(positional.shown());
    }
    if (!spec.subcommands().isEmpty()) {
      items.add("[COMMAND]");
    }
    return String.join(" ", items);
  }

  private static void table(CommandSpec spec, StringBuilder text) {
    List<String> names = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (Positional positional : spec.positionals()) {
      names.add("      " + positional.shown());
      descriptions.add(positional.description());
    }
    for (Option option : sorted(spec.options())) {
      Optional<String> shortName = option.shortName();
      String longName = option.longestName().equals(shortName.orElse("")) ? "" : option.longestName();
      String value = option.takesValue() ? "=" + option.label() : "";
      names.add("  " + shortName.orElse("  ") + (shortName.isPresent() && !longName.isEmpty() ? ", " : "  ")
          + (longName.isEmpty() ? value.substring(Math.min(1, value.length())) : longName + value));
      descriptions.add(option.describe());
    }
    int widest = 0;
    for (String name : names) {
      if (name.length() - 6 <= NAMES_MAX_WIDTH) {
        widest = Math.max(widest, name.length() - 6);
      }
    }
    int column = 6 + widest + 3;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      List<String> lines = wrap(descriptions.get(i), WIDTH - column, WIDTH - column - 2);
      if (name.length() > column - 3) {
        text.append(name).append('\n');
        append(text, lines, " ".repeat(column), " ".repeat(column + 2));
      } else {
        append(text, lines, pad(name, column), " ".repeat(column + 2));
      }
    }
  }

  private static void commands(CommandSpec spec, StringBuilder text) {
    int widest = 0;
    for (CommandSpec command : spec.subcommands()) {
      widest = Math.max(widest, command.name().length());
    }
    int column = 2 + widest + 2;
    for (CommandSpec command : spec.subcommands()) {
      String summary = command.description().isEmpty() ? "" : command.description().get(0);
      append(text, wrap(summary, WIDTH - column, WIDTH - column - 2), pad("  " + command.name(), column),
          " ".repeat(column + 2));
    }
  }

  /** Options sorted as help lists them: by their shortest name, without dashes, ignoring case. */
  private static List<Option> sorted(List<Option> options) {
    List<Option> sorted = new ArrayList<>(options);
    for (int i = 1; i < sorted.size(); i++) {
      for (int j = i; j > 0 && key(sorted.get(j)).compareToIgnoreCase(key(sorted.get(j - 1))) < 0; j--) {
        sorted.set(j, sorted.set(j - 1, sorted.get(j)));
      }
    }
    return sorted;
  }

  private static String key(Option option) {
    String name = option.shortestName();
    int start = 0;
    while (start < name.length() && name.charAt(start) == '-') {
      start++;
    }
    return name.substring(start);
  }

  /**
   * The words of {@code text} in lines of at most {@code first} characters, then {@code rest};
   * as in picocli, a word followed by another needs room for the space after it too.
   */
  static List<String> wrap(String text, int first, int rest) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    String[] words = text.split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      int width = lines.isEmpty() ? first : rest;
      int space = i == words.length - 1 ? 0 : 1;
      if (line.length() > 0 && line.length() + 1 + word.length() + space > width) {
        lines.add(line.toString());
        line.setLength(0);
      } else if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static void append(StringBuilder text, List<String> lines, String first, String rest) {
    for (int i = 0; i < lines.size(); i++) {
      text.append(((i == 0 ? first : rest) + lines.get(i)).stripTrailing()).append('\n');
    }
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
