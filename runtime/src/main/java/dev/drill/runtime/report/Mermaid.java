package dev.drill.runtime.report;

import java.util.Locale;
import java.util.Set;

/** Text for a Mermaid gantt chart, where a task name must not hold what the chart's syntax uses. */
final class Mermaid {

  private static final Set<String> KEYWORDS = Set.of("title", "section", "dateformat", "axisformat",
      "tickinterval", "excludes", "includes", "todaymarker", "weekday", "weekend", "inclusiveenddates",
      "topaxis", "acctitle", "accdescr", "click", "gantt");

  private Mermaid() {}

  /**
   * A task name: {@code :} ends the name, {@code #} and {@code %%} start comments, {@code ;}
   * ends a statement, quotes, backticks and angle brackets are read as markup; each becomes a
   * harmless look-alike or a space. A name that starts with a keyword of the chart is prefixed.
   */
  static String task(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case ':':
          out.append(" -");
          break;
        case '#':
          out.append("no. ");
          break;
        case ';':
          out.append(',');
          break;
        case '"':
        case '`':
        case '\'':
          out.append(' ');
          break;
        case '<':
          out.append('(');
          break;
        case '>':
          out.append(')');
          break;
        case '%':
          out.append(" percent ");
          break;
        case '\n':
        case '\r':
        case '\t':
          out.append(' ');
          break;
        default:
          out.append(c);
      }
    }
    String name = out.toString().replaceAll(" {2,}", " ").strip();
    if (name.isEmpty()) {
      return "(untitled)";
    }
    String firstWord = name.split("[^A-Za-z]", 2)[0].toLowerCase(Locale.ROOT);
    return KEYWORDS.contains(firstWord) ? "- " + name : name;
  }
}
