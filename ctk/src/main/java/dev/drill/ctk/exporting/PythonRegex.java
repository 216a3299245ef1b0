package dev.drill.ctk.exporting;

/** Regular expressions as Python's {@code re} reads them. */
final class PythonRegex {

  private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";

  private PythonRegex() {}

  /** {@code re.escape}: the text, matched as it is. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> {
      if (SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append((char) c);
    });
    return out.toString();
  }

  /** A Java pattern in Python's syntax: named groups are {@code (?P<name>...)}, {@code (?P=name)}. */
  static String fromJava(String java) {
    return java.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
        .replaceAll("\\\\k<([A-Za-z][A-Za-z0-9]*)>", "(?P=$1)");
  }
}
