package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Durations;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tokens of a well-formed file, for {@link DirectParser}: DrillLexer.g4's rules (longest
 * match, the first rule on a tie) without its runtime. Comments and white space are dropped;
 * strings are decoded here. Anything the lexical pass would report (a stray character, an
 * unterminated string, a malformed or too large duration, a control character, a string's
 * own problem) ends the direct parse: {@link DirectParser.NotPlain}.
 */
final class DirectTokens {

  /** A token's kind: the keywords first, spelled as their names in lower case. */
  enum Kind {
    AFTER, ALERT, ALL, AND, ANY, ABORT, ASK, AT, BACKGROUND, BETWEEN, BODY, BY, CADENCE, CHECK,
    COMMAND, COMMS, CONTAINS, COUNT, DEBRIEF, DEFAULT, DETECT, DRILL, ENV, ENVIRONMENT, EQUALS,
    EVERY, EXIT, EXPECT, FOR, FROM, GUIDE, HEADER, HTTP, IMPORT, IN, INJECT, JSON, KIND, LOG,
    MANUAL, MATCHES, NOTIFY, OUTPUT, OWNER, PARAM, PROMETHEUS, QUERY, RECOVER, RERUN, ROLES, RUN,
    SECRET, SETUP, SIGNAL, STATUS, STEADY, STEP, SUMMARY, TAGS, TEARDOWN, TEMPLATE, TIMEBOX,
    TIMEOUT, TITLE, UNDO, UPDATE, VERIFY, WAIT, WHEN, WITHIN,
    LBRACE, RBRACE, LPAREN, RPAREN, COMMA, ASSIGN, EQ, NE, LE, GE, LT, GT,
    DURATION, NUMBER, NAME, STRING, EOF;

    /** Whether the grammar's {@code name} rule takes this token: a NAME or any keyword. */
    boolean isName() {
      return ordinal() <= WITHIN.ordinal() || this == NAME;
    }
  }

  /** The keywords by their first letter, a to z: a word is looked up where it stands, not copied out first. */
  private static final List<List<Kind>> KEYWORDS = new ArrayList<>();
  private static final String[] SPELLINGS = new String[Kind.WITHIN.ordinal() + 1];

  static {
    for (char letter = 'a'; letter <= 'z'; letter++) {
      KEYWORDS.add(new ArrayList<>());
    }
    for (Kind kind : Kind.values()) {
      if (kind.ordinal() <= Kind.WITHIN.ordinal()) {
        SPELLINGS[kind.ordinal()] = kind.name().toLowerCase(Locale.ROOT);
        KEYWORDS.get(SPELLINGS[kind.ordinal()].charAt(0) - 'a').add(kind);
      }
    }
  }

  private final String file;
  private final String text;
  private final List<Diagnostic> decoding = new ArrayList<>();
  private int count;
  private Kind[] kinds;
  private int[] starts;
  private int[] ends;
  /** Start and end (inclusive) of each token: line and column, 1-based, in code points as ANTLR counts. */
  private int[] lines;
  private int[] columns;
  private int[] endLines;
  private int[] endColumns;
  /** What a STRING and a DURATION token mean, decoded once. */
  private Text[] texts;
  private Duration[] durations;

  private int at;
  private int line = 1;
  private int column = 1;

  private DirectTokens(String file, String text) {
    this.file = file;
    this.text = text;
    // A drill has a token for every 12 to 22 characters (comments and prose strings are long):
    // room for all of them at once, without allocating several times what is used.
    int capacity = 16 + text.length() / 10;
    kinds = new Kind[capacity];
    starts = new int[capacity];
    ends = new int[capacity];
    lines = new int[capacity];
    columns = new int[capacity];
    endLines = new int[capacity];
    endColumns = new int[capacity];
    texts = new Text[capacity];
    durations = new Duration[capacity];
  }

  /** The tokens of {@code text} (as the lexer reads it: lone CRs made LF). */
  static DirectTokens of(String file, String text) {
    DirectTokens tokens = new DirectTokens(file, text);
    tokens.lex();
    return tokens;
  }

  int count() {
    return count;
  }

  Kind kind(int token) {
    return kinds[token];
  }

  String text(int token) {
    return text.substring(starts[token], ends[token]);
  }

  /** The decoded string of a STRING token. */
  Text decoded(int token) {
    return texts[token];
  }

  /** The length of time a DURATION token stands for. */
  Duration duration(int token) {
    return durations[token];
  }

  SourceSpan span(int token) {
    return new SourceSpan(file, lines[token], columns[token], endLines[token], endColumns[token]);
  }

  /** From the start of one token to the end of another. */
  SourceSpan span(int first, int last) {
    return new SourceSpan(file, lines[first], columns[first], endLines[last], endColumns[last]);
  }

  private void lex() {
    int n = text.length();
    while (at < n) {
      char c = text.charAt(at);
      int start = at;
      switch (c) {
        case ' ', '\t', '\r', '\f', '\u00A0', '\uFEFF' -> {
          at++;
          column++;
        }
        case '\n' -> {
          at++;
          line++;
          column = 1;
        }
        case '#' -> comment(start);
        case '/' -> {
          if (at + 1 < n && text.charAt(at + 1) == '/') {
            comment(start);
          } else {
            throw DirectParser.NotPlain.INSTANCE;
          }
        }
        case '{' -> single(Kind.LBRACE, 1);
        case '}' -> single(Kind.RBRACE, 1);
        case '(' -> single(Kind.LPAREN, 1);
        case ')' -> single(Kind.RPAREN, 1);
        case ',' -> single(Kind.COMMA, 1);
        case '=' -> single(next('=') ? Kind.EQ : Kind.ASSIGN, next('=') ? 2 : 1);
        case '<' -> single(next('=') ? Kind.LE : Kind.LT, next('=') ? 2 : 1);
        case '>' -> single(next('=') ? Kind.GE : Kind.GT, next('=') ? 2 : 1);
        case '!' -> {
          if (!next('=')) {
            throw DirectParser.NotPlain.INSTANCE;
          }
          single(Kind.NE, 2);
        }
        case '"' -> string(start);
        case '-' -> {
          if (at + 1 < n && isDigit(text.charAt(at + 1))) {
            single(Kind.NUMBER, number(at + 1) - at);
          } else {
            throw DirectParser.NotPlain.INSTANCE;
          }
        }
        default -> {
          if (isDigit(c)) {
            digits(start);
          } else if (isLetter(c) || c == '_') {
            word(start);
          } else {
            throw DirectParser.NotPlain.INSTANCE;
          }
        }
      }
    }
    add(Kind.EOF, at, at, line, column, line, column);
  }

  private boolean next(char expected) {
    return at + 1 < text.length() && text.charAt(at + 1) == expected;
  }

  /** A token on one line, of ASCII characters only. */
  private void single(Kind kind, int length) {
    add(kind, at, at + length, line, column, line, column + length - 1);
    at += length;
    column += length;
  }

  /** A comment to the line's end, in one pass: control characters are not plain (see {@link TokenScanner#mayHoldControls}). */
  private void comment(int start) {
    int n = text.length();
    int end = start;
    int lowSurrogates = 0;
    for (char c; end < n && (c = text.charAt(end)) != '\n' && c != '\r'; end++) {
      if (c < ' ' && c != '\t' || c >= 0x7F && (c <= 0x9F || c >= 0x202A && c <= 0x2069)) {
        throw DirectParser.NotPlain.INSTANCE;
      }
      if (Character.isLowSurrogate(c) && end > start && Character.isHighSurrogate(text.charAt(end - 1))) {
        lowSurrogates++;
      }
    }
    column += end - start - lowSurrogates;
    at = end;
  }

  private void string(int start) {
    int n = text.length();
    boolean block = start + 2 < n && text.charAt(start + 1) == '"' && text.charAt(start + 2) == '"';
    if (!block && plainString(start)) {
      return;
    }
    int end;
    if (block) {
      int close = text.indexOf("\"\"\"", start + 3);
      if (close < 0) {
        throw DirectParser.NotPlain.INSTANCE;
      }
      end = close + 3;
    } else {
      end = start + 1;
      while (true) {
        if (end >= n) {
          throw DirectParser.NotPlain.INSTANCE;
        }
        char c = text.charAt(end);
        if (c == '"') {
          end++;
          break;
        }
        if (c == '\n' || c == '\r') {
          throw DirectParser.NotPlain.INSTANCE;
        }
        if (c == '\\' && (end + 1 >= n || text.charAt(end + 1) == '\n' || text.charAt(end + 1) == '\r')) {
          throw DirectParser.NotPlain.INSTANCE;
        }
        end += c == '\\' ? 2 : 1;
      }
    }
    String raw = text.substring(start, end);
    if (TokenScanner.mayHoldControls(raw)) {
      throw DirectParser.NotPlain.INSTANCE;
    }
    Text decoded = block
        ? TextDecoder.decodeBlock(file, raw, line, column, true, decoding)
        : TextDecoder.decodeString(file, raw, line, column, true, decoding);
    if (!decoding.isEmpty()) {
      throw DirectParser.NotPlain.INSTANCE;
    }
    SourceSpan span = decoded.span();
    add(Kind.STRING, start, end, line, column, span.endLine(), span.endColumn());
    texts[count - 1] = decoded;
    at = end;
    line = span.endLine();
    column = span.endColumn() + 1;
  }

  /**
   * A one-line string without escapes, references or control characters (most strings),
   * read in one pass: as {@link TextDecoder#decodeString} reads it, a literal of its content.
   * False, having read nothing, for any other string.
   */
  private boolean plainString(int start) {
    int n = text.length();
    int surrogates = 0;
    int end = start + 1;
    for (; ; end++) {
      if (end >= n) {
        return false;
      }
      char c = text.charAt(end);
      if (c == '"') {
        break;
      }
      if (c < ' ' || c == '\\' || c == '$' || c >= 0x7F && (c <= 0x9F || c >= 0x202A && c <= 0x2069)) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || end + 1 >= n || !Character.isLowSurrogate(text.charAt(end + 1))) {
          return false;
        }
        surrogates++;
        end++;
      }
    }
    int characters = end - start - 1 - surrogates;
    Text decoded = TextDecoder.plain(new SourceSpan(file, line, column, line, column + characters + 1),
        text.substring(start + 1, end), characters);
    add(Kind.STRING, start, end + 1, line, column, line, column + characters + 1);
    texts[count - 1] = decoded;
    at = end + 1;
    column += characters + 2;
    return true;
  }

  /**
   * A DURATION, a NUMBER, or what the lexer calls BAD_DURATION: digits and a letter, then
   * letters and digits. The longest wins; a duration ties with the bad form when it takes
   * every letter and digit, and is then a duration as its rule comes first.
   */
  private void digits(int start) {
    int n = text.length();
    int afterDigits = skipDigits(start);
    if (afterDigits < n && isLetter(text.charAt(afterDigits))) {
      int bad = afterDigits + 1;
      while (bad < n && (isLetter(text.charAt(bad)) || isDigit(text.charAt(bad)))) {
        bad++;
      }
      int duration = durationEnd(start);
      if (duration != bad) {
        throw DirectParser.NotPlain.INSTANCE;
      }
      Optional<Duration> value = Durations.parse(text.substring(start, bad));
      if (value.isEmpty()) {
        throw DirectParser.NotPlain.INSTANCE;
      }
      single(Kind.DURATION, bad - start);
      durations[count - 1] = value.get();
    } else {
      single(Kind.NUMBER, number(start) - start);
    }
  }

  /** Where {@code (DIGITS ('ms' | 's' | 'm' | 'h' | 'd' | 'w'))+} starting here ends, or here. */
  private int durationEnd(int start) {
    int n = text.length();
    int end = start;
    int p = start;
    while (p < n && isDigit(text.charAt(p))) {
      p = skipDigits(p);
      if (p >= n) {
        break;
      }
      char unit = text.charAt(p);
      if (unit == 'm' && p + 1 < n && text.charAt(p + 1) == 's') {
        p += 2;
      } else if (unit == 's' || unit == 'm' || unit == 'h' || unit == 'd' || unit == 'w') {
        p++;
      } else {
        break;
      }
      end = p;
    }
    return end;
  }

  /** The end of {@code DIGITS ('.' DIGITS)?} from {@code start}. */
  private int number(int start) {
    int end = skipDigits(start);
    if (end + 1 < text.length() && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
      end = skipDigits(end + 1);
    }
    return end;
  }

  private int skipDigits(int from) {
    int end = from;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return end;
  }

  /** {@code [a-zA-Z_] [a-zA-Z0-9_]* ('-' [a-zA-Z0-9_]+)*}, a keyword when it is spelled as one. */
  private void word(int start) {
    int n = text.length();
    int end = skipWord(start + 1);
    while (end + 1 < n && text.charAt(end) == '-' && isWordChar(text.charAt(end + 1))) {
      end = skipWord(end + 1);
    }
    single(keyword(start, end), end - start);
  }

  private Kind keyword(int start, int end) {
    char first = text.charAt(start);
    if (first >= 'a' && first <= 'z') {
      for (Kind kind : KEYWORDS.get(first - 'a')) {
        String spelling = SPELLINGS[kind.ordinal()];
        if (spelling.length() == end - start && text.startsWith(spelling, start)) {
          return kind;
        }
      }
    }
    return Kind.NAME;
  }

  private int skipWord(int from) {
    int end = from;
    while (end < text.length() && isWordChar(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private void add(Kind kind, int start, int end, int line, int column, int endLine, int endColumn) {
    if (count == kinds.length) {
      int size = count * 2;
      kinds = Arrays.copyOf(kinds, size);
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
      lines = Arrays.copyOf(lines, size);
      columns = Arrays.copyOf(columns, size);
      endLines = Arrays.copyOf(endLines, size);
      endColumns = Arrays.copyOf(endColumns, size);
      texts = Arrays.copyOf(texts, size);
      durations = Arrays.copyOf(durations, size);
    }
    kinds[count] = kind;
    starts[count] = start;
    ends[count] = end;
    lines[count] = line;
    columns[count] = column;
    endLines[count] = endLine;
    endColumns[count] = endColumn;
    count++;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }
}
