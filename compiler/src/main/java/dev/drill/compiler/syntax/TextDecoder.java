package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a string token into a {@link Text}: escapes in {@code "..."}, dedenting of
 * {@code """} blocks, and {@code ${name}} references, each with its exact position.
 * Problems are collected, never thrown.
 */
final class TextDecoder {

  private final String file;
  private final List<Diagnostic> diagnostics;
  private final List<Text.Part> parts = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();
  private int literalLine;
  private int literalColumn;
  private int lastLine;
  private int lastColumn;

  private TextDecoder(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /**
   * @param raw the token text including its quotes; the closing quotes may be missing
   * @param line 1-based line of the opening quote
   * @param column 1-based column of the opening quote
   */
  static Text decodeString(
      String file, String raw, int line, int column, boolean terminated, List<Diagnostic> out) {
    int end = terminated ? raw.length() - 1 : raw.length();
    if (isPlain(raw, 1, end)) {
      return plainString(file, raw, raw.substring(1, end), line, column);
    }
    return decodeAnyString(file, raw, line, column, terminated, out);
  }

  /** {@link #decodeString} for any string, plain or not. */
  static Text decodeAnyString(
      String file, String raw, int line, int column, boolean terminated, List<Diagnostic> out) {
    int end = terminated ? raw.length() - 1 : raw.length();
    TextDecoder decoder = new TextDecoder(file, out);
    decoder.scanLine(raw.substring(1, end), line, column + 1, false);
    return decoder.finish(span(file, raw, line, column), false);
  }

  /** Whether a string's content has neither an escape nor a reference: most strings. */
  private static boolean isPlain(String raw, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c == '\\' || c == '$') {
        return false;
      }
    }
    return true;
  }

  /** What {@link #scanLine} makes of a plain string's content: one literal, or none when empty. */
  private static Text plainString(String file, String raw, String content, int line, int column) {
    return plain(span(file, raw, line, column), content, content.codePointCount(0, content.length()));
  }

  /**
   * A one-line string token over {@code span} whose content, of {@code characters} code points,
   * has no escape or reference: one literal, or none when empty.
   */
  static Text plain(SourceSpan span, String content, int characters) {
    String file = span.file();
    int line = span.line();
    int column = span.column();
    if (content.isEmpty()) {
      return new Text(span, List.of(), false);
    }
    SourceSpan literal = new SourceSpan(file, line, column + 1, line, column + characters);
    return new Text(span, List.of(new Text.Literal(literal, content)), false);
  }

  static Text decodeBlock(
      String file, String raw, int line, int column, boolean terminated, List<Diagnostic> out) {
    TextDecoder decoder = new TextDecoder(file, out);
    int end = terminated ? raw.length() - 3 : raw.length();
    String[] lines = raw.substring(3, end).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].endsWith("\r")) {
        lines[i] = lines[i].substring(0, lines[i].length() - 1);
      }
    }
    int first = lines.length > 1 && lines[0].isBlank() ? 1 : 0;
    int last = lines.length - 1;
    if (last > first && lines[last].isBlank()) {
      last--;
    }
    int indent = Integer.MAX_VALUE;
    for (int i = first; i <= last; i++) {
      if (!lines[i].isBlank()) {
        indent = Math.min(indent, leadingWhitespace(lines[i]));
      }
    }
    for (int i = first; i <= last; i++) {
      if (i > first) {
        decoder.appendLiteral("\n", line + i, 1);
      }
      if (lines[i].isBlank()) {
        continue;
      }
      int lineColumn = i == 0 ? column + 3 : 1;
      int skip = i == 0 ? 0 : indent;
      decoder.scanLine(lines[i].substring(skip), line + i, lineColumn + skip, true);
    }
    return decoder.finish(span(file, raw, line, column), true);
  }

  private static int leadingWhitespace(String line) {
    int n = 0;
    while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
      n++;
    }
    return n;
  }

  /** Scans one line of string content starting at the given position. */
  private void scanLine(String content, int line, int startColumn, boolean block) {
    int column = startColumn;
    int i = 0;
    while (i < content.length()) {
      int cp = content.codePointAt(i);
      int width = Character.charCount(cp);
      if (block && content.startsWith("$${", i)) {
        appendLiteral("${", line, column);
        i += 3;
        column += 3;
      } else if (content.startsWith("${", i)) {
        int consumed = reference(content, i, line, column, block);
        column += content.codePointCount(i, i + consumed);
        i += consumed;
      } else if (!block && cp == '\\') {
        int consumed = escape(content, i, line, column);
        column += content.codePointCount(i, i + consumed);
        i += consumed;
      } else {
        // A run of plain characters up to the next one that may start a reference or an escape.
        int end = nextSpecial(content, i + width, block);
        int characters = content.codePointCount(i, end);
        appendRun(content, i, end, line, column, column + characters - 1);
        column += characters;
        i = end;
      }
    }
  }

  private static int nextSpecial(String content, int from, boolean block) {
    for (int i = from; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '$' || (!block && c == '\\')) {
        return i;
      }
    }
    return content.length();
  }

  private int reference(String content, int at, int line, int column, boolean block) {
    String literalForm = block ? "$${" : "\\${";
    int close = content.indexOf('}', at + 2);
    if (close < 0) {
      diagnostics.add(Diagnostic.of(Code.D007, new SourceSpan(file, line, column, line, column + 1),
          "'${' is not closed with '}'",
          "write " + literalForm + " for a literal '${'"));
      appendLiteral("${", line, column);
      return 2;
    }
    String name = content.substring(at + 2, close);
    int width = content.codePointCount(at, close + 1);
    SourceSpan span = new SourceSpan(file, line, column, line, column + width - 1);
    if (name.isEmpty()) {
      diagnostics.add(Diagnostic.of(Code.D007, span, "'${}' names no param",
          "put a param name inside, as in ${host}"));
    } else if (!isReferenceName(name)) {
      diagnostics.add(Diagnostic.of(Code.D007, span,
          "'${" + name + "}' is not a param reference",
          "a reference is ${name}; write " + literalForm + " for a literal '${'"
              + (block ? ", as for a shell variable" : "")));
    } else {
      flushLiteral();
      parts.add(new Text.Reference(span, name));
      lastLine = line;
      lastColumn = span.endColumn();
      return close + 1 - at;
    }
    appendLiteral(content.substring(at, close + 1), line, column);
    return close + 1 - at;
  }

  private int escape(String content, int at, int line, int column) {
    if (at + 1 >= content.length()) {
      appendLiteral("\\", line, column);
      return 1;
    }
    char next = content.charAt(at + 1);
    switch (next) {
      case '"': appendLiteral("\"", line, column); return 2;
      case '\\': appendLiteral("\\", line, column); return 2;
      case 'n': appendLiteral("\n", line, column); return 2;
      case 't': appendLiteral("\t", line, column); return 2;
      case 'r': appendLiteral("\r", line, column); return 2;
      case '$': appendLiteral("$", line, column); return 2;
      case 'u':
        if (isUnicodeEscape(content, at)) {
          char value = (char) Integer.parseInt(content.substring(at + 2, at + 6), 16);
          if (Character.isSurrogate(value)) {
            return surrogateEscape(content, at, value, line, column);
          }
          if (value == 0) {
            // A process's arguments and environment, a path, an HTTP header and a Markdown guide all refuse it.
            diagnostics.add(Diagnostic.of(Code.D013, new SourceSpan(file, line, column, line, column + 5),
                "'" + content.substring(at, at + 6) + "' is a NUL character, which no command, value, path,"
                    + " header or guide can hold",
                "remove it; a pattern matches a NUL byte with \\\\x00"));
          }
          appendLiteral(String.valueOf(value), line, column);
          return 6;
        }
        diagnostics.add(Diagnostic.of(Code.D004, new SourceSpan(file, line, column, line, column + 1),
            "'\\u' must be followed by four hex digits, as in \\u00e9"));
        return 2;
      default:
        int cp = content.codePointAt(at + 1);
        String seq = "\\" + new String(Character.toChars(cp));
        diagnostics.add(Diagnostic.of(Code.D004, new SourceSpan(file, line, column, line, column + 1),
            "invalid escape '" + seq + "' in string",
            "the escapes are \\\" \\\\ \\n \\t \\r \\$ and \\uXXXX; write \\\\ for a backslash"));
        return 1 + Character.charCount(cp);
    }
  }

  /** Whether {@code \}{@code uXXXX} (four hex digits) starts at {@code at}. */
  private static boolean isUnicodeEscape(String content, int at) {
    return at + 6 <= content.length() && content.charAt(at) == '\\' && content.charAt(at + 1) == 'u'
        && content.substring(at + 2, at + 6).chars().allMatch(TextDecoder::isHex);
  }

  /**
   * A character beyond U+FFFF is escaped as its UTF-16 pair, two escapes in a row
   * ({@code \}{@code uD83D}{@code \}{@code uDE00}); half a pair alone is no character, which no
   * file, command or guide can hold.
   */
  private int surrogateEscape(String content, int at, char value, int line, int column) {
    if (Character.isHighSurrogate(value) && isUnicodeEscape(content, at + 6)) {
      char low = (char) Integer.parseInt(content.substring(at + 8, at + 12), 16);
      if (Character.isLowSurrogate(low)) {
        markLiteral(line, column, column + 11);
        literal.append(value).append(low);
        return 12;
      }
    }
    diagnostics.add(Diagnostic.of(Code.D004, new SourceSpan(file, line, column, line, column + 5),
        "'" + content.substring(at, at + 6) + "' is half of a UTF-16 surrogate pair, not a character",
        Character.isHighSurrogate(value)
            ? "follow it with the pair's low half (\\uDC00 to \\uDFFF), as in \\uD83D\\uDE00, or write the character itself"
            : "a low half (\\uDC00 to \\uDFFF) comes after a high one, as in \\uD83D\\uDE00, or write the character itself"));
    return 6;
  }

  /** {@code [A-Za-z_][A-Za-z0-9_-]*}, checked by hand: every reference of every drill is. */
  static boolean isReferenceName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-'))) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static boolean isHex(int c) {
    return Character.digit(c, 16) >= 0;
  }

  private void appendLiteral(String text, int line, int column) {
    markLiteral(line, column, column);
    literal.append(text);
  }

  private void appendRun(String content, int start, int end, int line, int firstColumn, int lastColumn) {
    markLiteral(line, firstColumn, lastColumn);
    literal.append(content, start, end);
  }

  private void markLiteral(int line, int firstColumn, int lastColumn) {
    if (literal.length() == 0) {
      literalLine = line;
      literalColumn = firstColumn;
    }
    lastLine = line;
    this.lastColumn = lastColumn;
  }

  private void flushLiteral() {
    if (literal.length() > 0) {
      parts.add(new Text.Literal(
          new SourceSpan(file, literalLine, literalColumn, lastLine, Math.max(lastColumn, 1)),
          literal.toString()));
      literal.setLength(0);
    }
  }

  private Text finish(SourceSpan span, boolean block) {
    flushLiteral();
    return new Text(span, parts, block);
  }

  static SourceSpan span(String file, String raw, int line, int column) {
    int lastBreak = raw.lastIndexOf('\n');
    if (lastBreak < 0) {
      return new SourceSpan(file, line, column, line, column + raw.codePointCount(0, raw.length()) - 1);
    }
    int breaks = 0;
    for (int i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) {
      breaks++;
    }
    int endColumn = raw.codePointCount(lastBreak + 1, raw.length());
    return new SourceSpan(file, line, column, line + breaks, Math.max(endColumn, 1));
  }
}
