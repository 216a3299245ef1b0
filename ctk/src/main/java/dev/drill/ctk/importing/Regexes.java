package dev.drill.ctk.importing;

/**
 * Python regular expressions as Java reads them. The two dialects agree on what experiments
 * write, but for named groups: Python's {@code (?P<name>...)} and {@code (?P=name)} are Java's
 * {@code (?<name>...)} and {@code \k<name>}.
 */
final class Regexes {

  private Regexes() {}

  static String toJava(String python) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < python.length(); i++) {
      char c = python.charAt(i);
      if (c == '\\' && i + 1 < python.length()) {
        out.append(c).append(python.charAt(++i));
      } else if (python.startsWith("(?P<", i)) {
        out.append("(?<");
        i += 3;
      } else if (python.startsWith("(?P=", i)) {
        int end = python.indexOf(')', i);
        if (end < 0) {
          out.append(python.substring(i));
          break;
        }
        out.append("\\k<").append(python, i + 4, end).append('>');
        i = end;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
