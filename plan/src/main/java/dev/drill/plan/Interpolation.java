package dev.drill.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of plan strings: {@code ${name}} refers to a param or secret, {@code $$}
 * is a literal {@code $}, and every other character, a lone {@code $} included, stands
 * for itself. So {@code echo $HOME} stays as it is, a literal {@code ${} is written
 * {@code $${}, and a literal {@code $} right before a reference is {@code $$${x}}.
 */
public final class Interpolation {

  private Interpolation() {}

  /** A piece of a template: literal text, or a reference to a param or secret. */
  public sealed interface Part {}

  public record Literal(String text) implements Part {}

  public record Reference(String name) implements Part {}

  /** Splits a template into its parts. An unclosed {@code ${} is literal text. */
  public static List<Part> parse(String template) {
    List<Part> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    // The next '}' from where it was last looked for: each '}' is searched for once, so a text
    // of a million unclosed '${' is read in linear time.
    int close = -1;
    int closeFrom = Integer.MAX_VALUE;
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith("${", i) && (closeFrom > i + 2 || close != -1 && close < i + 2)) {
        closeFrom = i + 2;
        close = template.indexOf('}', closeFrom);
      }
      if (template.startsWith("$$", i)) {
        literal.append('$');
        i += 2;
      } else if (template.startsWith("${", i) && close > 0) {
        if (literal.length() > 0) {
          parts.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(new Reference(template.substring(i + 2, close)));
        i = close + 1;
      } else {
        literal.append(template.charAt(i));
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Literal(literal.toString()));
    }
    return parts;
  }

  /** The template of the given parts; {@code parse(format(parts))} gives the parts back (merged). */
  public static String format(List<Part> parts) {
    StringBuilder out = new StringBuilder();
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      if (part instanceof Reference reference) {
        out.append("${").append(reference.name()).append('}');
        continue;
      }
      if (!(part instanceof Literal literal)) {
        throw new IllegalStateException("a part of no known kind: " + part.getClass().getName());
      }
      String text = literal.text();
      boolean referenceFollows = p + 1 < parts.size() && parts.get(p + 1) instanceof Reference;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        out.append(c);
        if (c == '$') {
          // Doubled only where a single '$' would be read otherwise: before '{', '$' or a reference.
          boolean last = i + 1 == text.length();
          char next = last ? 0 : text.charAt(i + 1);
          if (next == '{' || next == '$' || (last && referenceFollows)) {
            out.append('$');
          }
        }
      }
    }
    return out.toString();
  }

  /** The template form of literal text alone. */
  public static String escape(String literal) {
    return format(List.of(new Literal(literal)));
  }
}
