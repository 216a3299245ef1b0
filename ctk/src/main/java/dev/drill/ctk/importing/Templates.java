package dev.drill.ctk.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chaos Toolkit's substitution, read as drill reads it: CTK replaces {@code ${name}} and
 * {@code $name} (Python's {@code string.Template}, names of letters, digits and {@code _})
 * by a configuration or secret value, and {@code $$} by {@code $}; names it does not know
 * stay as written. Each known name becomes a drill reference, so that its value is data.
 */
final class Templates {

  /** A piece of text: literal, or the drill name a value stands for. */
  sealed interface Part {}

  record Literal(String text) implements Part {}

  record Reference(String name) implements Part {}

  private static final Pattern DOLLAR = Pattern.compile(
      "\\$(?:(\\$)|\\{([_a-zA-Z][_a-zA-Z0-9]*)\\}|([_a-zA-Z][_a-zA-Z0-9]*))");

  private Templates() {}

  /**
   * The parts of {@code text}.
   *
   * @param names CTK key to drill name, for the configuration and secrets (configuration first)
   * @param substituted whether CTK substitutes in this place at all (process arguments only
   *     when the experiment has configuration or secrets)
   */
  static List<Part> parts(String text, Map<String, String> names, boolean substituted) {
    List<Part> parts = new ArrayList<>();
    if (!substituted) {
      parts.add(new Literal(text));
      return parts;
    }
    StringBuilder literal = new StringBuilder();
    Matcher m = DOLLAR.matcher(text);
    int last = 0;
    while (m.find()) {
      literal.append(text, last, m.start());
      last = m.end();
      if (m.group(1) != null) {
        literal.append('$');
        continue;
      }
      String key = m.group(2) != null ? m.group(2) : m.group(3);
      String name = names.get(key);
      if (name == null) {
        literal.append(m.group());
        continue;
      }
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(new Reference(name));
    }
    literal.append(text.substring(last));
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return parts;
  }

  static boolean isLiteral(List<Part> parts) {
    return parts.stream().allMatch(Literal.class::isInstance);
  }

  static String literalText(List<Part> parts) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Reference reference) {
        out.append("${").append(reference.name()).append('}');
      }
    }
    return out.toString();
  }
}
