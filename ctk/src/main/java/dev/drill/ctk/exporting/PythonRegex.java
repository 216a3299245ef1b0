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

  /** Java's quoted runs ({@code \\Q...\\E}), which Python does not have, escaped character by character. */
  private static String unquoted(String java) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < java.length()) {
      int start = java.indexOf("\\Q", i);
      if (start < 0 || escaped(java, start)) {
        out.append(java, i, start < 0 ? java.length() : start + 2);
        i = start < 0 ? java.length() : start + 2;
        continue;
      }
      int end = java.indexOf("\\E", start + 2);
      out.append(java, i, start).append(quote(java.substring(start + 2, end < 0 ? java.length() : end)));
      i = end < 0 ? java.length() : end + 2;
    }
    return out.toString();
  }

  /** Whether the backslash at {@code at} is itself escaped (preceded by an odd run of backslashes). */
  private static boolean escaped(String text, int at) {
    int n = 0;
    for (int j = at - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** A Java pattern in Python's syntax: named groups are {@code (?P<name>...)}, {@code (?P=name)}. */
  static String fromJava(String java) {
    return unquoted(java).replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
        .replaceAll("\\\\k<([A-Za-z][A-Za-z0-9]*)>", "(?P=$1)");
  }
}
