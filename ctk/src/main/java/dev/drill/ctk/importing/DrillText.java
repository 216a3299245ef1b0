package dev.drill.ctk.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

/** Drill's literals, written so that the compiler reads back exactly the text meant. */
final class DrillText {

  /** Words sh reads as they are, so a command stays readable without quotes. */
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private DrillText() {}

  /** A quoted drill string of literal text and references. */
  static String quoted(List<Templates.Part> parts) {
    StringBuilder out = new StringBuilder("\"");
    for (Templates.Part part : parts) {
      if (part instanceof Templates.Literal literal) {
        escape(literal.text(), out);
      } else if (part instanceof Templates.Reference reference) {
        out.append("${").append(reference.name()).append('}');
      }
    }
    return out.append('"').toString();
  }

  /** A quoted drill string of literal text only. */
  static String quoted(String text) {
    return quoted(List.of(new Templates.Literal(text)));
  }

  private static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '$':
          out.append(i + 1 < text.length() && text.charAt(i + 1) == '{' ? "\\$" : "$");
          break;
        default:
          // Controls, separators and invisible format characters (text direction) only as escapes (D013);
          // half a surrogate pair too (JSON can escape one alone), which no UTF-8 file can hold: the
          // drill is written, and its check says where the half is (D004).
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT
              || Character.isSurrogate(c) && !pairAt(text, i) && !pairAt(text, i - 1)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
  }

  /** Whether a high surrogate at {@code i} and a low one after it make one character. */
  private static boolean pairAt(String text, int i) {
    return i >= 0 && i + 1 < text.length() && Character.isHighSurrogate(text.charAt(i))
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /** One shell word that sh reads as exactly these parts: literal text quoted, references as they are (data). */
  static List<Templates.Part> shellWord(List<Templates.Part> parts) {
    List<Templates.Part> word = new java.util.ArrayList<>();
    for (Templates.Part part : parts) {
      if (part instanceof Templates.Literal literal) {
        word.add(new Templates.Literal(shellQuoted(literal.text())));
      } else {
        word.add(part);
      }
    }
    return word;
  }

  static String shellQuoted(String text) {
    if (PLAIN_WORD.matcher(text).matches()) {
      return text;
    }
    return "'" + text.replace("'", "'\"'\"'") + "'";
  }

  /** A drill duration for a number of seconds (whole milliseconds, largest units first); empty for zero. */
  static java.util.Optional<String> duration(BigDecimal seconds) {
    long millis = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    if (millis <= 0) {
      return java.util.Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    long[] sizes = {3_600_000L, 60_000L, 1_000L, 1L};
    String[] units = {"h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis >= sizes[i]) {
        out.append(millis / sizes[i]).append(units[i]);
        millis %= sizes[i];
      }
    }
    return java.util.Optional.of(out.toString());
  }

  /** Text for a comment: a line break (or any control character) would end it. */
  static String comment(String text) {
    return text.replaceAll("[\\p{Cntrl}\u2028\u2029]", " ");
  }

  /** A number as drill writes it: {@code 200}, {@code 0.5}. */
  static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
