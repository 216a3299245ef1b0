package dev.drill.compiler.diagnostic;

import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.SourceSpan;
import java.util.Optional;

/**
 * Renders a diagnostic for people:
 *
 * <pre>
 * drills/x.drill:14:36: error D202: unknown role 'comander'
 *  14 |     step restart "Restart" by comander {
 *     |                               ^^^^^^^^
 *     = hint: did you mean 'commander'?
 * </pre>
 *
 * Tabs in the source line are kept in the caret line, so the caret stays aligned.
 */
public final class DiagnosticRenderer {

  private static final int MAX_SHOWN_LINE = 200;

  private DiagnosticRenderer() {}

  public static String render(Diagnostic d, Optional<SourceFile> source) {
    StringBuilder out = new StringBuilder();
    SourceSpan span = d.span();
    out.append(span.file()).append(':').append(span.line()).append(':').append(span.column())
        .append(": ").append(d.severity().label()).append(' ').append(d.code().name())
        .append(": ").append(printable(d.message())).append('\n');
    source.ifPresent(s -> excerpt(out, s, span));
    // '=' lines up with the '|' of the excerpt.
    String gutter = " ".repeat(String.valueOf(span.line()).length() + 2);
    for (String hint : d.hints()) {
      out.append(gutter).append("= hint: ").append(printable(hint)).append('\n');
    }
    d.related().ifPresent(r -> note(out, gutter, r));
    d.origin().ifPresent(r -> note(out, gutter, r));
    return out.toString();
  }

  private static void note(StringBuilder out, String gutter, Diagnostic.Related note) {
    out.append(gutter).append("= note: ").append(printable(note.message()))
        .append(" at ").append(note.span().file()).append(':').append(note.span().line()).append(':')
        .append(note.span().column()).append('\n');
  }

  private static void excerpt(StringBuilder out, SourceFile source, SourceSpan span) {
    String line = source.line(span.line());
    int lineLength = line.codePointCount(0, line.length());
    int start = Math.min(span.column() - 1, lineLength);
    int end = span.endLine() == span.line() ? Math.min(span.endColumn(), lineLength) : lineLength;
    int shownFrom = 0;
    if (lineLength > MAX_SHOWN_LINE) {
      // Show a window around the caret instead of a 10,000-character line.
      shownFrom = Math.max(0, start - MAX_SHOWN_LINE / 2);
      int shownTo = Math.min(lineLength, shownFrom + MAX_SHOWN_LINE);
      line = line.substring(line.offsetByCodePoints(0, shownFrom), line.offsetByCodePoints(0, shownTo));
      start -= shownFrom;
      end = Math.min(end - shownFrom, shownTo - shownFrom);
    }
    String number = String.valueOf(span.line());
    String gutter = " ".repeat(number.length());
    out.append(' ').append(number).append(" | ").append(printable(line)).append('\n');
    StringBuilder caret = new StringBuilder();
    int index = 0;
    for (int i = 0; i < line.length() && index < start; index++) {
      int cp = line.codePointAt(i);
      caret.append(cp == '\t' ? '\t' : ' ');
      i += Character.charCount(cp);
    }
    caret.append("^".repeat(Math.max(1, end - start)));
    out.append(' ').append(gutter).append(" | ").append(caret).append('\n');
  }

  /**
   * Control characters would garble a terminal, and text-direction ones would show the line in
   * another order: each is shown as U+FFFD, in the excerpt and in the user's text a message quotes.
   */
  private static String printable(String line) {
    if (line.codePoints().noneMatch(DiagnosticRenderer::unprintable)) {
      return line;
    }
    StringBuilder out = new StringBuilder(line.length());
    line.codePoints().forEach(cp -> {
      if (unprintable(cp)) {
        out.append('\uFFFD');
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static boolean unprintable(int cp) {
    return cp != '\t' && Character.isISOControl(cp) || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
  }
}
