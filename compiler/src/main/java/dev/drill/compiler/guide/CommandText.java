package dev.drill.compiler.guide;

/**
 * How the check compares a guide's commands and probes with the drill's: whitespace-insensitive,
 * and what it shows of two that differ.
 */
final class CommandText {

  private CommandText() {}

  /**
   * Whitespace-insensitive: indentation, line breaks and runs of spaces do not matter. A NUL
   * reads as U+FFFD, as CommonMark reads it, so a command holding one is found in its guide.
   */
  static String normalize(String text) {
    // By hand, not a regex: every command and probe of every guide goes through here.
    String stripped = text.strip();
    StringBuilder out = new StringBuilder(stripped.length());
    boolean inSpace = false;
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (GuideMarkers.isSpace(c)) {
        if (!inSpace) {
          out.append(' ');
        }
        inSpace = true;
      } else {
        out.append(c == '\u0000' ? '\uFFFD' : c);
        inSpace = false;
      }
    }
    return out.toString();
  }

  /**
   * Whether two texts are the same once {@link #normalize normalized}, compared in place: a
   * guide's commands and probes nearly always are, and this runs for each of them.
   */
  static boolean same(String a, String b) {
    int ai = firstNonWhitespace(a);
    int bi = firstNonWhitespace(b);
    int aEnd = afterLastNonWhitespace(a, ai);
    int bEnd = afterLastNonWhitespace(b, bi);
    // Texts equal once stripped are the same; regionMatches compares them a fraction faster than charAt.
    if (aEnd - ai == bEnd - bi && a.regionMatches(ai, b, bi, aEnd - ai)) {
      return true;
    }
    while (ai < aEnd && bi < bEnd) {
      char ca = a.charAt(ai);
      char cb = b.charAt(bi);
      if (GuideMarkers.isSpace(ca) || GuideMarkers.isSpace(cb)) {
        if (!GuideMarkers.isSpace(ca) || !GuideMarkers.isSpace(cb)) {
          return false;
        }
        while (GuideMarkers.isSpace(a.charAt(ai))) {
          ai++;
        }
        while (GuideMarkers.isSpace(b.charAt(bi))) {
          bi++;
        }
      } else if ((ca == '\u0000' ? '\uFFFD' : ca) != (cb == '\u0000' ? '\uFFFD' : cb)) {
        return false;
      } else {
        ai++;
        bi++;
      }
    }
    return ai == aEnd && bi == bEnd;
  }

  /** Where {@link String#strip} starts. */
  private static int firstNonWhitespace(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where {@link String#strip} ends. */
  private static int afterLastNonWhitespace(String text, int from) {
    int end = text.length();
    while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** The two texts around where they first differ, so a long command's change is visible. */
  static String[] excerpts(String a, String b) {
    int limit = 80;
    if (a.length() <= limit && b.length() <= limit) {
      return new String[] {a, b};
    }
    int first = 0;
    while (first < a.length() && first < b.length() && a.charAt(first) == b.charAt(first)) {
      first++;
    }
    int from = Math.max(0, first - 30);
    return new String[] {window(a, from, limit), window(b, from, limit)};
  }

  private static String window(String text, int from, int limit) {
    int to = Math.min(text.length(), from + limit);
    return (from > 0 ? "..." : "") + text.substring(Math.min(from, text.length()), to) + (to < text.length() ? "..." : "");
  }

  /** On one line, and cut short past 80 characters. */
  static String oneLine(String text) {
    String line = normalize(text);
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
