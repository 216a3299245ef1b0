package dev.drill.cli.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An option of a command: its names ({@code -o}, {@code --output}), the label of its value
 * ({@code DIR}; none for a flag), what the value is, whether it may be given more than once,
 * its default and its description. Built by the factories below, then refined by
 * {@link #alias}, {@link #repeatable} and {@link #withDefault}.
 */
public record Option(List<String> names, String label, Type type, boolean many, Optional<String> defaultValue,
    String description) {

  /** What an option's value (or a positional's) is read as; a number that does not read is a usage error. */
  public enum Type { FLAG, STRING, PATH, INT, LONG }

  public static Option flag(String name, String description) {
    return new Option(List.of(name), "", Type.FLAG, false, Optional.empty(), description);
  }

  public static Option string(String name, String label, String description) {
    return new Option(List.of(name), label, Type.STRING, false, Optional.empty(), description);
  }

  public static Option path(String name, String label, String description) {
    return new Option(List.of(name), label, Type.PATH, false, Optional.empty(), description);
  }

  public static Option integer(String name, String label, String description) {
    return new Option(List.of(name), label, Type.INT, false, Optional.empty(), description);
  }

  public static Option longNumber(String name, String label, String description) {
    return new Option(List.of(name), label, Type.LONG, false, Optional.empty(), description);
  }

  /** The same option under one more name, such as {@code -o} for {@code --output}. */
  public Option alias(String name) {
    List<String> all = new ArrayList<>();
    all.add(name);
    all.addAll(names);
    return new Option(List.copyOf(all), label, type, many, defaultValue, description);
  }

  /** Given any number of times, its values kept in order ({@code --set a=1 --set b=2}). */
  public Option repeatable() {
    return new Option(names, label, type, true, defaultValue, description);
  }

  /** The value when the option is not given; {@code ${DEFAULT-VALUE}} in the description shows it. */
  public Option withDefault(String value) {
    return new Option(names, label, type, many, Optional.of(value), description);
  }

  public boolean takesValue() {
    return type != Type.FLAG;
  }

  public boolean named(String name) {
    return names.contains(name);
  }

  /** The name error messages use: the long one ({@code --output}, not {@code -o}). */
  public String longestName() {
    String longest = names.get(0);
    for (String name : names) {
      if (name.length() > longest.length()) {
        longest = name;
      }
    }
    return longest;
  }

  public String shortestName() {
    String shortest = names.get(0);
    for (String name : names) {
      if (name.length() < shortest.length()) {
        shortest = name;
      }
    }
    return shortest;
  }

  /** A one-letter name ({@code -o}), which help shows in a column of its own. */
  Optional<String> shortName() {
    for (String name : names) {
      if (name.length() == 2 && !name.startsWith("--")) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** The description with its default filled in. */
  String describe() {
    return defaultValue.isPresent() ? description.replace("${DEFAULT-VALUE}", defaultValue.get()) : description;
  }
}
