package dev.drill.cli.args;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values a command line gave a command, asked for by an option's name (any of them) or a
 * positional's label; an option not given has its default. Numbers were checked when parsed.
 */
public final class Values {

  private final CommandSpec spec;
  private final List<List<String>> options;
  private final List<List<String>> positionals;

  Values(CommandSpec spec, List<List<String>> options, List<List<String>> positionals) {
    this.spec = spec;
    this.options = options;
    this.positionals = positionals;
  }

  /** Whether a flag was given ({@code --strict}, or {@code --strict=true}). */
  public boolean flag(String name) {
    List<String> given = given(name);
    return !given.isEmpty() && given.get(given.size() - 1).equals("true");
  }

  /** The value of an option (or positional), or its default; empty when neither. */
  public Optional<String> string(String name) {
    List<String> given = given(name);
    return given.isEmpty() ? defaultOf(name) : Optional.of(given.get(0));
  }

  public Optional<Path> path(String name) {
    Optional<String> value = string(name);
    return value.isPresent() ? Optional.of(Path.of(value.get())) : Optional.empty();
  }

  /** An int option's value or default; one without either is a mistake in its command's spec. */
  public int integer(String name) {
    Optional<String> value = string(name);
    if (value.isEmpty()) {
      throw new IllegalStateException(name + " has no default");
    }
    return Integer.parseInt(value.get());
  }

  public Optional<Long> longNumber(String name) {
    Optional<String> value = string(name);
    return value.isPresent() ? Optional.of(Long.parseLong(value.get())) : Optional.empty();
  }

  /** Every value of a repeatable option or a positional, in the order given. */
  public List<String> strings(String name) {
    return List.copyOf(given(name));
  }

  public List<Path> paths(String name) {
    List<Path> paths = new ArrayList<>();
    for (String value : given(name)) {
      paths.add(Path.of(value));
    }
    return List.copyOf(paths);
  }

  private List<String> given(String name) {
    for (int i = 0; i < spec.options().size(); i++) {
      if (spec.options().get(i).named(name)) {
        return options.get(i);
      }
    }
    for (int i = 0; i < spec.positionals().size(); i++) {
      if (spec.positionals().get(i).label().equals(name)) {
        return positionals.get(i);
      }
    }
    throw new IllegalArgumentException("drill " + spec.name() + " has no option or positional " + name);
  }

  private Optional<String> defaultOf(String name) {
    Optional<Option> option = spec.option(name);
    return option.isPresent() ? option.get().defaultValue() : Optional.empty();
  }
}
