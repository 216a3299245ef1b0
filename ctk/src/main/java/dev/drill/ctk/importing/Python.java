package dev.drill.ctk.importing;

import dev.drill.ctk.document.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values as Chaos Toolkit's Python code turns them into text: {@code str()} for a process
 * argument ({@code True}, {@code 60}, {@code 1.5}), {@code repr()} for a value named in a
 * message (a manual step that names a Python function's arguments).
 */
final class Python {

  private Python() {}

  /** {@code str(value)}. */
  static String str(Node value) {
    return value instanceof Node.Text text ? text.value() : repr(value);
  }

  /** {@code repr(value)}, close enough to Python's that a person can read it as Python. */
  static String repr(Node value) {
    if (value instanceof Node.Text text) {
      return "'" + text.value().replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
    if (value instanceof Node.Number number) {
      return number(number);
    }
    if (value instanceof Node.Bool bool) {
      return bool.value() ? "True" : "False";
    }
    if (value instanceof Node.Null) {
      return "None";
    }
    if (value instanceof Node.Sequence sequence) {
      List<String> items = new ArrayList<>();
      sequence.items().forEach(item -> items.add(repr(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Node.Mapping mapping) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<String, Node> entry : mapping.entries().entrySet()) {
        entries.add(repr(new Node.Text(entry.getKey(), mapping.at())) + ": " + repr(entry.getValue()));
      }
      return "{" + String.join(", ", entries) + "}";
    }
    throw new IllegalStateException("a value of no known kind: " + value.kind());
  }

  private static String number(Node.Number number) {
    BigDecimal value = number.value();
    if (number.integral()) {
      return value.toBigInteger().toString();
    }
    // Python writes a float with at least one decimal: 60.0, 1.5.
    String plain = value.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
