package dev.drill.compiler.source;

import java.util.Arrays;
import java.util.Collection;

/** The text of a source file and the path it is reported under. */
public final class SourceFile {

  private final String path;
  private final String text;
  private volatile int[] lineStarts;

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
    int[] starts = lineStarts();
    if (number < 1 || number > starts.length) {
      return "";
    }
    int start = starts[number - 1];
    int end = number < starts.length ? starts[number] - 1 : text.length();
    if (end > start && end < text.length() && text.charAt(end) == '\n' && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  /**
   * The same file with only the given lines (1-based) kept and every other line empty: what a
   * check keeps to show excerpts, so that 10,000 drills with a warning each do not hold 10,000
   * texts until the findings are written.
   */
  public SourceFile excerpt(Collection<Integer> numbers) {
    int last = 0;
    for (int number : numbers) {
      last = Math.max(last, number);
    }
    // Read up to the last line kept, not indexed whole: a finding is mostly near a drill's top.
    StringBuilder kept = new StringBuilder();
    int start = 0;
    for (int number = 1; number <= last; number++) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      if (numbers.contains(number)) {
        kept.append(text, start, end);
      }
      kept.append('\n');
      if (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
        end++;
      }
      start = Math.min(end + 1, text.length());
    }
    return new SourceFile(path, kept.toString());
  }

  /** Two excerpts of one file joined: each line as the excerpt that kept it has it. */
  public SourceFile union(SourceFile other) {
    int last = Math.max(lineStarts().length, other.lineStarts().length);
    StringBuilder joined = new StringBuilder();
    for (int number = 1; number <= last; number++) {
      String line = line(number);
      joined.append(line.isEmpty() ? other.line(number) : line).append('\n');
    }
    return new SourceFile(path, joined.toString());
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int[] starts = new int[64];
      int count = 1;
      boolean lf = text.indexOf('\r') < 0;
      // Most files end lines with LF alone: found with indexOf, not looked at char by char.
      for (int i = lf ? text.indexOf('\n') : 0; i >= 0 && i < text.length(); i = lf ? text.indexOf('\n', i + 1) : i + 1) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
          }
          starts[count++] = i + 1;
        }
      }
      lineStarts = Arrays.copyOf(starts, count);
    }
    return lineStarts;
  }
}
