package dev.drill.lsp;

import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.SourceSpan;
import java.util.Optional;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Drill spans (1-based lines and columns, columns in code points, the end inclusive) to LSP
 * ranges (0-based lines, columns in UTF-16 units, the end exclusive), and back: a name
 * after an emoji or an accented letter is underlined where it is, in every client.
 */
final class Positions {

  private Positions() {}

  /** The span's range in a text; without the text, columns are taken as they are. */
  static Range range(SourceSpan span, Optional<SourceFile> text) {
    return new Range(
        position(span.line(), span.column() - 1, text),
        position(span.endLine(), span.endColumn(), text));
  }

  /** An LSP position from a 1-based line and a 0-based count of code points into it. */
  private static Position position(int line, int codePoints, Optional<SourceFile> text) {
    int character = Math.max(0, codePoints);
    if (text.isPresent()) {
      String lineText = text.get().line(line);
      character = lineText.offsetByCodePoints(0, Math.min(character, lineText.codePointCount(0, lineText.length())));
    }
    return new Position(line - 1, character);
  }

  /** The 1-based line and code-point column an LSP position points at (the column past a line's end allowed). */
  static Cursor cursor(Position position, SourceFile text) {
    String lineText = text.line(position.getLine() + 1);
    int units = Math.min(Math.max(0, position.getCharacter()), lineText.length());
    return new Cursor(position.getLine() + 1, lineText.codePointCount(0, units) + 1);
  }

  /** A place in a drill file as its spans count: 1-based line and code-point column. */
  record Cursor(int line, int column) {

    /** On the span, or just after its end (where the cursor is after typing a name). */
    boolean touches(SourceSpan span) {
      if (line < span.line() || line > span.endLine()) {
        return false;
      }
      return (line > span.line() || column >= span.column())
          && (line < span.endLine() || column <= span.endColumn() + 1);
    }
  }
}
