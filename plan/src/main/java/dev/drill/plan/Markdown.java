package dev.drill.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts text into Markdown without letting it change the document's structure: a title
 * cannot open a list, a note cannot close a code block, {@code <script>} stays text. Shared
 * by the compiler's recovery guides and the runtime's reports, which both render plans.
 */
public final class Markdown {

  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");
  private static final Pattern LINE_START_MARK = Pattern.compile("^(\\s*)([#>+=-]|\\d+[.)])");

  private Markdown() {}

  /** Inline text: every character with a Markdown meaning is escaped; line breaks become spaces. */
  public static String text(String raw) {
    String oneLine = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    return escapeLine(oneLine);
  }

  /** Block text: each line escaped, paragraph breaks (blank lines) kept. */
  public static String block(String raw) {
    StringBuilder out = new StringBuilder();
    for (String line : raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(line.isBlank() ? "" : escapeLine(line.strip()));
    }
    return out.toString();
  }

  private static String escapeLine(String line) {
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
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
  public static String code(String raw) {
    String oneLine = raw.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    String fence = "`".repeat(longestRun(oneLine) + 1);
    // CommonMark strips one space from each end when both ends have one (and it is not all
    // spaces): pad then, and around backticks, so the span reads back as the text.
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`")
        || (oneLine.startsWith(" ") && oneLine.endsWith(" ") && !oneLine.isBlank());
    return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
  }

  /** The fence for a code block around the text: longer than any backtick run inside. */
  public static String fence(String raw) {
    return "`".repeat(Math.max(3, longestRun(raw) + 1));
  }

  private static int longestRun(String text) {
    int longest = 0;
    Matcher m = BACKTICK_RUN.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }

  /** Text for a fenced code block: line ends normalised, no trailing newline (the closing fence follows). */
  public static String codeBlock(String raw) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * At most one blank line between blocks and one final newline, so a template's
   * whitespace never shows in diffs; code blocks are left exactly as they are.
   */
  public static String tidy(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    String fence = null;
    int blankRun = 0;
    for (String line : markdown.split("\n", -1)) {
      String stripped = line.strip();
      if (fence == null) {
        String trimmedRight = line.stripTrailing();
        if (trimmedRight.isEmpty()) {
          blankRun++;
          continue;
        }
        if (out.length() > 0) {
          out.append(blankRun > 0 ? "\n\n" : "\n");
        }
        blankRun = 0;
        out.append(trimmedRight);
        if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
          fence = stripped.replaceAll("^(`+|~+).*$", "$1");
        }
      } else {
        out.append('\n').append(line);
        if (stripped.startsWith(fence) && stripped.replace(fence.substring(0, 1), "").isEmpty()) {
          fence = null;
        }
      }
    }
    return out.append('\n').toString();
  }
}
