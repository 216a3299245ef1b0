package dev.drill.runtime.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts text from the world (titles, notes, command output) into Markdown without letting it
 * change the report's structure: a note cannot open a list or close a code block, and
 * {@code <script>} stays text. The same approach as the compiler's guides, which the runtime
 * cannot depend on.
 */
final class Markdown {

  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");
  private static final Pattern LINE_START_MARK = Pattern.compile("^(\\s*)([#>+=-]|\\d+[.)])");

  private Markdown() {}

  /** Inline text, also safe in a table cell: every character with a Markdown meaning escaped, line breaks as spaces. */
  static String text(String raw) {
    String oneLine = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    StringBuilder out = new StringBuilder(oneLine.length() + 8);
    for (int i = 0; i < oneLine.length(); i++) {
      char c = oneLine.charAt(i);
      if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    Matcher start = LINE_START_MARK.matcher(out);
    if (start.find()) {
      String mark = start.group(2);
      int at = start.end(1) + (Character.isDigit(mark.charAt(0)) ? mark.length() - 1 : 0);
      out.insert(at, '\\');
    }
    return out.toString();
  }

  /** An inline code span that holds any text, backticks included. */
  static String code(String raw) {
    String oneLine = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    String fence = "`".repeat(longestRun(oneLine) + 1);
    // CommonMark strips one space from each end when both ends have one: pad then, and
    // around backticks, so the span reads back as the text.
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`")
        || (oneLine.startsWith(" ") && oneLine.endsWith(" ") && !oneLine.isBlank());
    return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
  }

  /** The fence of a code block around the text: longer than any backtick run inside it. */
  static String fence(String raw) {
    return "`".repeat(Math.max(3, longestRun(raw) + 1));
  }

  /** Text for a code block: line ends normalised, no trailing newline (the closing fence follows). */
  static String block(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  private static int longestRun(String text) {
    int longest = 0;
    Matcher m = BACKTICK_RUN.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}
