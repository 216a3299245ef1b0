package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where something came from in a source file: 1-based lines and columns, the end
 * inclusive. In JSON it is one compact string, {@code file:line:col-endLine:endCol}, so
 * a plan stays readable and a line can be found with a click.
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn)
    implements Comparable<SourceSpan> {

  private static final Pattern FORM = Pattern.compile("(.*):(\\d+):(\\d+)-(\\d+):(\\d+)");

  public SourceSpan {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column - 1)) {
      throw new IllegalArgumentException(
          "bad span " + file + ":" + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  public static SourceSpan at(String file, int line, int column) {
    return new SourceSpan(file, line, column, line, column);
  }

  /** The smallest span covering both. */
  public SourceSpan to(SourceSpan end) {
    return new SourceSpan(file, line, column, end.endLine, end.endColumn);
  }

  @JsonCreator
  public static SourceSpan parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a source span: '" + text + "'");
    }
    return new SourceSpan(
        m.group(1),
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)),
        Integer.parseInt(m.group(5)));
  }

  @JsonValue
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + "-" + endLine + ":" + endColumn;
  }

  @Override
  public int compareTo(SourceSpan other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) return byFile;
    if (line != other.line) return Integer.compare(line, other.line);
    return Integer.compare(column, other.column);
  }
}
