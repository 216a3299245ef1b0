package dev.drill.ctk.document;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a JSON or YAML document with the place it was written, so that a finding about
 * an experiment can point at its line and column. Only these six kinds exist in both formats.
 */
public sealed interface Node {

  Position at();

  /** What the value is, for messages: {@code a string}, {@code an object}. */
  String kind();

  /** 1-based line and column of the value's first character. */
  record Position(int line, int column) {}

  /** An object; keys in the order written, each with the position of the key itself. */
  record Mapping(Map<String, Node> entries, Map<String, Position> keys, Position at) implements Node {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    public Optional<Node> get(String key) {
      return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    /** Where the key is written, or the object itself when it is missing. */
    public Position keyAt(String key) {
      return keys.getOrDefault(key, at);
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  record Sequence(List<Node> items, Position at) implements Node {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  record Text(String value, Position at) implements Node {
    @Override
    public String kind() {
      return "a string";
    }
  }

  /** A number; {@code integral} when written without a fraction or exponent (Python's int). */
  record Number(BigDecimal value, boolean integral, Position at) implements Node {
    @Override
    public String kind() {
      return "a number";
    }
  }

  record Bool(boolean value, Position at) implements Node {
    @Override
    public String kind() {
      return "a boolean";
    }
  }

  record Null(Position at) implements Node {
    @Override
    public String kind() {
      return "null";
    }
  }
}
