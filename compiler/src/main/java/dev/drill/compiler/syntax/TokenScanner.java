package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Durations;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.grammar.DrillLexer;
import dev.drill.plan.SourceSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The lexical pass: reports the tokens the lexer could only half-recognise (stray
 * characters, unterminated strings, malformed durations) and repairs them so the parser
 * sees a plausible stream and reports only real syntax errors. Decodes every string.
 */
final class TokenScanner {

  private static final Pattern BAD_UNIT = Pattern.compile("(\\d+)([a-zA-Z][a-zA-Z0-9]*)");

  private final String file;
  private final List<Diagnostic> diagnostics;
  private final Map<Integer, Text> texts = new HashMap<>();

  TokenScanner(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Decoded strings by token index. */
  Map<Integer, Text> texts() {
    return texts;
  }

  void scan(List<Token> tokens) {
    Token strayStart = null;
    Token strayEnd = null;
    for (Token token : tokens) {
      if (token.getType() == DrillLexer.UNEXPECTED_CHAR) {
        if (strayEnd != null && strayEnd.getStopIndex() + 1 == token.getStartIndex()) {
          strayEnd = token;
        } else {
          reportStray(strayStart, strayEnd);
          strayStart = token;
          strayEnd = token;
        }
        ((CommonToken) token).setChannel(Token.HIDDEN_CHANNEL);
        continue;
      }
      reportStray(strayStart, strayEnd);
      strayStart = null;
      strayEnd = null;
      repairAndDecode((CommonToken) token);
    }
    reportStray(strayStart, strayEnd);
  }

  private void repairAndDecode(CommonToken token) {
    int line = token.getLine();
    int column = token.getCharPositionInLine() + 1;
    // Only these tokens' text is looked at; the rest (most of a file) pass without a copy.
    switch (token.getType()) {
      case DrillLexer.LINE_COMMENT:
        reportControls(token.getText(), line, column, Kind.COMMENT);
        return;
      case DrillLexer.STRING:
      case DrillLexer.UNTERMINATED_STRING:
      case DrillLexer.BLOCK_STRING:
      case DrillLexer.UNTERMINATED_BLOCK_STRING:
      case DrillLexer.BAD_DURATION:
      case DrillLexer.DURATION:
        break;
      default:
        return;
    }
    String raw = token.getText();
    switch (token.getType()) {
      case DrillLexer.STRING:
        reportControls(raw, line, column, Kind.STRING);
        texts.put(token.getTokenIndex(), TextDecoder.decodeString(file, raw, line, column, true, diagnostics));
        break;
      case DrillLexer.UNTERMINATED_STRING:
        reportControls(raw, line, column, Kind.STRING);
        diagnostics.add(Diagnostic.of(Code.D002, TextDecoder.span(file, raw, line, column),
            "string is not closed before the end of the line",
            "add the closing '\"'; for text over several lines use a \"\"\" block"));
        token.setType(DrillLexer.STRING);
        texts.put(token.getTokenIndex(), TextDecoder.decodeString(file, raw, line, column, false, diagnostics));
        break;
      case DrillLexer.BLOCK_STRING:
        reportControls(raw, line, column, Kind.BLOCK);
        texts.put(token.getTokenIndex(), TextDecoder.decodeBlock(file, raw, line, column, true, diagnostics));
        break;
      case DrillLexer.UNTERMINATED_BLOCK_STRING:
        reportControls(raw, line, column, Kind.BLOCK);
        diagnostics.add(Diagnostic.of(Code.D003, new SourceSpan(file, line, column, line, column + 2),
            "'\"\"\"' block is not closed before the end of the file",
            "add the closing \"\"\""));
        token.setType(DrillLexer.BLOCK_STRING);
        texts.put(token.getTokenIndex(), TextDecoder.decodeBlock(file, raw, line, column, false, diagnostics));
        break;
      case DrillLexer.BAD_DURATION:
        reportBadDuration(raw, line, column);
        token.setType(DrillLexer.DURATION);
        break;
      case DrillLexer.DURATION:
        if (Durations.parse(raw).isEmpty()) {
          diagnostics.add(Diagnostic.of(Code.D005, TextDecoder.span(file, raw, line, column),
              "duration '" + raw + "' is too large"));
        }
        break;
      default:
        break;
    }
  }

  /** Where a control character is, named as a message says it. */
  private enum Kind {
    STRING("a string"), BLOCK("a \"\"\" block"), COMMENT("a comment");

    private final String where;

    Kind(String where) {
      this.where = where;
    }
  }

  /**
   * Characters a drill's text may not hold as they are: control characters other than tab and
   * line breaks (C0, DEL, C1), which no command, path or guide carries as meant and which garble
   * a terminal; and the text-direction controls, which make a line read in another order than
   * drill reads it (a command reviewed is not the command run).
   */
  private static boolean isControl(int cp) {
    return cp != '\t' && cp != '\n' && cp != '\r' && Character.isISOControl(cp) || isDirectionControl(cp);
  }

  private static boolean isDirectionControl(int cp) {
    return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
  }

  /** Each run of control characters in a string or a comment (D013), at its first character. */
  private void reportControls(String raw, int line, int column, Kind kind) {
    if (!mayHoldControls(raw)) {
      return;
    }
    int l = line;
    int c = column;
    int runLine = 0;
    int runColumn = 0;
    int runEnd = 0;
    int first = -1;
    int count = 0;
    for (int i = 0; i < raw.length(); ) {
      int cp = raw.codePointAt(i);
      i += Character.charCount(cp);
      if (isControl(cp)) {
        if (count == 0) {
          runLine = l;
          runColumn = c;
          first = cp;
        }
        count++;
        runEnd = c;
      } else if (count > 0) {
        reportControl(first, count, new SourceSpan(file, runLine, runColumn, runLine, runEnd), kind);
        count = 0;
      }
      if (cp == '\n') {
        l++;
        c = 1;
      } else {
        c++;
      }
    }
    if (count > 0) {
      reportControl(first, count, new SourceSpan(file, runLine, runColumn, runLine, runEnd), kind);
    }
  }

  /**
   * A quick look, char by char, before the exact one by code point: every control character
   * this pass reports is below U+0020, from U+007F to U+009F, or from U+202A to U+2069, and
   * almost no string holds one.
   */
  static boolean mayHoldControls(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < ' ' && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F || c >= 0x202A && c <= 0x2069) {
        return true;
      }
    }
    return false;
  }

  private void reportControl(int cp, int count, SourceSpan span, Kind kind) {
    String shown = String.format("U+%04X", cp);
    String escape = String.format("\\u%04x", cp);
    boolean direction = isDirectionControl(cp);
    String what = direction
        ? "text-direction character " + shown + " (" + Character.getName(cp).toLowerCase(Locale.ROOT) + ")"
        : "control character " + shown;
    String message = count == 1 ? what + " in " + kind.where
        : what.replaceFirst("character", "characters starting with") + " in " + kind.where
            + " (" + count + " in a row)";
    String why = direction ? "remove it: it shows the text in another order than drill reads it" : "remove it";
    String hint;
    if (kind == Kind.COMMENT || cp == 0) {
      hint = why;
    } else if (kind == Kind.STRING) {
      hint = why + "; if it is meant, write it as the escape " + escape;
    } else {
      hint = why + "; a \"\"\" block has no escapes: if it is meant, use a \"...\" string with the escape " + escape;
    }
    diagnostics.add(Diagnostic.of(Code.D013, span, message, hint));
  }

  private void reportBadDuration(String raw, int line, int column) {
    Matcher m = BAD_UNIT.matcher(raw);
    String unit = m.matches() ? m.group(2) : raw;
    diagnostics.add(Diagnostic.of(Code.D005, TextDecoder.span(file, raw, line, column),
        "'" + raw + "' is not a duration: unknown unit '" + unit + "'",
        "a duration is a number with ms, s, m, h, d or w, such as 90s, 5m or 1h30m"));
  }

  private void reportStray(Token first, Token last) {
    if (first == null) {
      return;
    }
    int line = first.getLine();
    int column = first.getCharPositionInLine() + 1;
    int count = last.getTokenIndex() - first.getTokenIndex() + 1;
    boolean sameLine = last.getLine() == line;
    SourceSpan span = sameLine
        ? new SourceSpan(file, line, column, line, last.getCharPositionInLine() + 1)
        : SourceSpan.at(file, line, column);
    String shown = describe(first.getText());
    String[] hints = hintFor(first.getText());
    if (count == 1) {
      diagnostics.add(Diagnostic.of(Code.D001, span, "unexpected character " + shown, hints));
    } else {
      diagnostics.add(Diagnostic.of(Code.D001, span,
          "unexpected characters starting with " + shown + " (" + count + " in a row)", hints));
    }
  }

  /** Typographic quotes come with text pasted from a word processor or a chat. */
  private static String[] hintFor(String character) {
    if ("\u201C\u201D\u201E\u2018\u2019\u00AB\u00BB".contains(character)) {
      return new String[] {"strings are written in straight double quotes: \"...\""};
    }
    return new String[0];
  }

  static String describe(String character) {
    int cp = character.codePointAt(0);
    if (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)
        || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.PRIVATE_USE
        || Character.getType(cp) == Character.SURROGATE) {
      return String.format("U+%04X", cp);
    }
    return "'" + character + "'";
  }
}
