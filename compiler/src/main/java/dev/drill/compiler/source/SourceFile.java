package dev.drill.compiler.source;

import java.util.ArrayList;
import java.util.List;

/** The text of a source file and the path it is reported under. */
public final class SourceFile {

  private final String path;
  private final String text;
  private List<Integer> lineStarts;

  public SourceFile(String path, String text) {
    this.path = path;
    this.text = text;
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /**
   * The text of a 1-based line without its line break, or "" past the end. A line ends at
   * LF, CRLF or a lone CR (as on an old Mac), as editors and the lexer see it.
   */
  public String line(int number) {
    List<Integer> starts = lineStarts();
    if (number < 1 || number > starts.size()) {
      return "";
    }
    int start = starts.get(number - 1);
    int end = number < starts.size() ? starts.get(number) - 1 : text.length();
    if (end > start && end < text.length() && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  private List<Integer> lineStarts() {
    if (lineStarts == null) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
          starts.add(i + 1);
        }
      }
      lineStarts = starts;
    }
    return lineStarts;
  }
}
