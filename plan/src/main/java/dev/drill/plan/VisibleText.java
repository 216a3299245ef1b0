package dev.drill.plan;

/**
 * Text from outside drill (a command's output, a probe's answer, a plan edited by hand) made
 * harmless to show on a terminal or in a report: every control or format character, an ANSI
 * escape's ESC among them, is written out as {@code \u001b}, so it can neither recolour the
 * terminal nor move its cursor, and a reader still sees that it was there. Line breaks and
 * tabs are kept.
 */
public final class VisibleText {

  private VisibleText() {}

  /** The text with every unsafe character but {@code \n} and {@code \t} escaped. */
  public static String of(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.append(c == '\n' || c == '\t' ? Character.toString(c) : escaped(c)));
    return out.toString();
  }

  /** One character, escaped as {@code \\uXXXX} when it is unsafe to show. */
  static String escaped(int c) {
    return isUnsafe(c) ? String.format("\\u%04x", c) : Character.toString(c);
  }

  private static boolean isUnsafe(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
