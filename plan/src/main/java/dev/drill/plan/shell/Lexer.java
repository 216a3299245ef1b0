package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a script into tokens the way POSIX sh (dash) does, deciding for every reference
 * the context it stands in: quotes, escapes, {@code $(...)}, backquotes, {@code $((...))},
 * {@code ${...}}, comments and here-document bodies. A substitution is read by a nested
 * {@link Parser} over the same text, which is how the shell does it too: inside
 * {@code "$(...)"} the quoting starts afresh.
 *
 * <p>The text is an array of code points in which a reference is one negative entry,
 * {@code -(index + 1)}, so a reference can never be mistaken for a character.
 */
final class Lexer {

  private static final int NONE = Integer.MIN_VALUE;

  private final int[] code;
  /** For each entry, its position in the template: a backquoted part is re-read from a copy. */
  private final int[] origin;
  private final Reading reading;
  private int pos;
  /** Reading stops here: the end of the text, or of a here-document body. */
  private int limit;
  private boolean dollarPending;
  private final List<Heredoc> pending = new ArrayList<>();

  Lexer(int[] code, int[] origin, Reading reading) {
    this.code = code;
    this.origin = origin;
    this.reading = reading;
    this.limit = code.length;
  }

  static int[] identity(int length) {
    int[] origin = new int[length];
    Arrays.setAll(origin, i -> i);
    return origin;
  }

  int position() {
    if (pos < limit) {
      return origin[pos];
    }
    return limit == 0 ? (origin.length == 0 ? 0 : origin[0]) : origin[limit - 1] + 1;
  }

  private int at(int ahead) {
    int i = pos + ahead;
    return i < limit ? code[i] : NONE;
  }

  private static boolean isReference(int c) {
    return c < 0 && c != NONE;
  }

  private static boolean isOperator(int c) {
    return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
  }

  Token next() {
    while (true) {
      while (pos < limit) {
        int c = code[pos];
        if (c == ' ' || c == '\t') {
          pos++;
        } else if (c == '\\' && at(1) == '\n') {
          pos += 2;
        } else {
          break;
        }
      }
      if (pos >= limit) {
        return Token.end(position());
      }
      int start = position();
      int c = code[pos];
      if (c == '\n') {
        pos++;
        readHeredocs();
        return Token.newline(start);
      }
      if (c == '#') {
        comment();
        continue;
      }
      String op = operator();
      if (op != null) {
        return Token.operator(op, start);
      }
      return Token.word(word());
    }
  }

  /** Here-documents started on a line without one: their body never comes. */
  void finish() {
    if (!pending.isEmpty()) {
      reading.broken(pending.get(0).position, "a here-document without a body");
      pending.clear();
    }
  }

  /** Reads nothing more: every reference left is taken as it comes (the script is already broken there). */
  void abandon() {
    while (pos < limit) {
      if (isReference(code[pos])) {
        reference(Context.UNQUOTED);
      } else {
        pos++;
      }
    }
  }

  private Occurrence reference(Context context) {
    Occurrence o = reading.occurrences[-code[pos] - 1];
    o.context = context;
    o.dollarBefore = dollarPending;
    dollarPending = false;
    reading.nextOccurrence = Math.max(reading.nextOccurrence, o.index + 1);
    pos++;
    return o;
  }

  private void comment() {
    while (pos < limit && code[pos] != '\n') {
      if (isReference(code[pos])) {
        reference(Context.COMMENT);
      } else {
        pos++;
      }
    }
  }

  private String operator() {
    int c = code[pos];
    int n = at(1);
    String op;
    switch (c) {
      case ';': op = n == ';' ? ";;" : ";"; break;
      case '&': op = n == '&' ? "&&" : "&"; break;
      case '|': op = n == '|' ? "||" : "|"; break;
      case '(': op = "("; break;
      case ')': op = ")"; break;
      case '<':
        op = n == '<' ? (at(2) == '-' ? "<<-" : "<<") : n == '&' ? "<&" : n == '>' ? "<>" : "<";
        break;
      case '>': op = n == '>' ? ">>" : n == '&' ? ">&" : n == '|' ? ">|" : ">"; break;
      default: return null;
    }
    pos += op.length();
    return op;
  }

  private Word word() {
    Word w = new Word(position(), reading.nextOccurrence);
    while (pos < limit) {
      int c = code[pos];
      if (isReference(c)) {
        reference(Context.UNQUOTED);
        w.expansion();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || isOperator(c)) {
        break;
      }
      switch (c) {
        case '\\': backslash(w, Context.UNQUOTED, null); break;
        case '\'': singleQuoted(w); break;
        case '"': doubleQuoted(w); break;
        case '`': backquoted(w, false); break;
        case '$': dollar(w, Context.UNQUOTED); break;
        default: w.text.appendCodePoint(c); pos++;
      }
    }
    if (!w.quoted && !w.expanded && w.text.length() > 0 && w.text.chars().allMatch(Character::isDigit)
        && (at(0) == '<' || at(0) == '>')) {
      w.ioNumber = true;
    }
    w.refEnd = reading.nextOccurrence;
    return w;
  }

  /**
   * A backslash escapes the next character ({@code escapable}: which ones it escapes here, null
   * for all). Before a reference it is dropped: the value is data whatever escapes it, and
   * kept it would escape the quote the reference is written with.
   */
  private void backslash(Word w, Context context, String escapable) {
    int n = at(1);
    if (n == '\n') {
      pos += 2;
    } else if (n == NONE) {
      w.text.append('\\');
      pos++;
    } else if (isReference(n)) {
      int backslash = origin[pos];
      pos++;
      reference(context).escapedBy = backslash;
      w.expansion();
    } else if (escapable == null || escapable.indexOf(n) >= 0) {
      w.quote();
      w.text.appendCodePoint(n);
      pos += 2;
    } else {
      w.text.append('\\');
      pos++;
    }
  }

  private void singleQuoted(Word w) {
    int start = position();
    w.quote();
    pos++;
    while (pos < limit && code[pos] != '\'') {
      if (isReference(code[pos])) {
        reference(Context.SINGLE_QUOTED);
        w.expansion();
      } else {
        w.text.appendCodePoint(code[pos]);
        pos++;
      }
    }
    if (pos >= limit) {
      reading.broken(start, "an unterminated '...'");
      return;
    }
    pos++;
  }

  private void doubleQuoted(Word w) {
    int start = position();
    w.quote();
    pos++;
    if (!reading.enter(start)) {
      abandon();
      return;
    }
    try {
      while (pos < limit) {
        int c = code[pos];
        if (c == '"') {
          pos++;
          return;
        }
        if (isReference(c)) {
          reference(Context.DOUBLE_QUOTED);
          w.expansion();
          continue;
        }
        switch (c) {
          case '\\': backslash(w, Context.DOUBLE_QUOTED, "$`\"\\"); break;
          case '$': dollar(w, Context.DOUBLE_QUOTED); break;
          case '`': backquoted(w, true); break;
          default: w.text.appendCodePoint(c); pos++;
        }
      }
      reading.broken(start, "an unterminated \"...\"");
    } finally {
      reading.leave();
    }
  }

  /** At a '$': an expansion, or a literal dollar. */
  private void dollar(Word w, Context context) {
    int start = pos;
    int n = at(1);
    if (n == '(') {
      w.expansion();
      if (at(2) == '(') {
        arithmetic(w);
      } else {
        pos += 2;
        commandSubstitution(w, origin[start]);
      }
    } else if (n == '{') {
      w.expansion();
      pos += 2;
      parameter(w, context, origin[start]);
    } else if (isReference(n)) {
      w.text.append('$');
      pos++;
      dollarPending = true;
      return;
    } else if (n != NONE && (Character.isLetter(n) || n == '_')) {
      w.expansion();
      pos++;
      while (at(0) != NONE && (Character.isLetterOrDigit(at(0)) || at(0) == '_')) {
        pos++;
      }
    } else if (n != NONE && (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0)) {
      w.expansion();
      pos += 2;
    } else {
      w.text.append('$');
      pos++;
      return;
    }
    for (int i = start; i < pos && i < limit; i++) {
      if (!isReference(code[i])) {
        w.text.appendCodePoint(code[i]);
      }
    }
  }

  private void commandSubstitution(Word w, int start) {
    if (!reading.enter(start)) {
      abandon();
      return;
    }
    try {
      Parser inner = new Parser(this, reading);
      w.nested.addAll(inner.list(Parser.Stop.PAREN));
      if (!inner.closeParen()) {
        reading.broken(start, "an unterminated $(...)");
      }
    } finally {
      reading.leave();
    }
  }

  /** {@code $((...))}: its text is evaluated as an arithmetic expression, which bash evaluates again. */
  private void arithmetic(Word w) {
    int start = origin[pos];
    int first = reading.nextOccurrence;
    pos += 3;
    if (!reading.enter(start)) {
      abandon();
      return;
    }
    try {
      int depth = 0;
      while (pos < limit) {
        int c = code[pos];
        if (isReference(c)) {
          reference(Context.ARITHMETIC);
        } else if (c == '(') {
          depth++;
          pos++;
        } else if (c == ')') {
          if (depth > 0) {
            depth--;
            pos++;
          } else if (at(1) == ')') {
            pos += 2;
            return;
          } else {
            reading.broken(start, "a $((...)) that does not end in '))'");
            pos++;
            return;
          }
        } else if (c == '$') {
          dollar(w, Context.ARITHMETIC);
        } else if (c == '`') {
          backquoted(w, false);
        } else if (c == '\\') {
          backslash(w, Context.ARITHMETIC, null);
        } else {
          pos++;
        }
      }
      reading.broken(start, "an unterminated $((...))");
    } finally {
      reading.arithmetic.add(new int[] {first, reading.nextOccurrence});
      reading.leave();
    }
  }

  /**
   * {@code ${...}}: a reference inside stands in the context around it. Within double quotes
   * a single quote is a plain character (as dash reads it); a double quote opens a nested string.
   */
  private void parameter(Word w, Context context, int start) {
    if (!reading.enter(start)) {
      abandon();
      return;
    }
    try {
      while (pos < limit) {
        int c = code[pos];
        if (c == '}') {
          pos++;
          return;
        }
        if (isReference(c)) {
          reference(context);
          continue;
        }
        switch (c) {
          case '\\': backslash(w, context, null); break;
          case '\'':
            if (context == Context.UNQUOTED) {
              singleQuoted(w);
            } else {
              pos++;
            }
            break;
          case '"':
            if (context == Context.UNQUOTED || context == Context.DOUBLE_QUOTED) {
              doubleQuoted(w);
            } else {
              pos++;
            }
            break;
          case '$': dollar(w, context); break;
          case '`': backquoted(w, context == Context.DOUBLE_QUOTED); break;
          default: pos++;
        }
      }
      reading.broken(start, "an unterminated ${...}");
    } finally {
      reading.leave();
    }
  }

  /**
   * A backquoted command: its text up to the closing backquote, with the backslashes before
   * '$', '`', '\' (and '"' within double quotes) removed, is read as a script of its own.
   */
  private void backquoted(Word w, boolean inDoubleQuotes) {
    int start = origin[pos];
    w.expansion();
    pos++;
    int end = pos;
    while (end < limit && code[end] != '`') {
      end += code[end] == '\\' && end + 1 < limit ? 2 : 1;
    }
    int[] inner = new int[end - pos];
    int[] innerOrigin = new int[end - pos];
    int length = 0;
    while (pos < end) {
      int c = code[pos];
      int n = at(1);
      if (c == '\\' && (n == '`' || n == '$' || n == '\\' || (inDoubleQuotes && n == '"'))) {
        pos++;
        c = n;
      }
      inner[length] = c;
      innerOrigin[length] = origin[pos];
      length++;
      pos++;
    }
    if (pos >= limit) {
      reading.broken(start, "an unterminated `...`");
    } else {
      pos++;
    }
    Lexer lexer = new Lexer(Arrays.copyOf(inner, length), Arrays.copyOf(innerOrigin, length), reading);
    if (!reading.enter(start)) {
      lexer.abandon();
      return;
    }
    try {
      w.nested.addAll(new Parser(lexer, reading).script());
    } finally {
      reading.leave();
    }
  }

  /** A {@code <<} redirection's delimiter word: its body is read at the next newline. */
  Heredoc heredoc(Word delimiter, boolean stripTabs, int position) {
    String text = delimiter.text.toString();
    if (delimiter.holdsReferences()) {
      reading.broken(delimiter.start, "a here-document delimiter holding a value");
      text = "";
    }
    Heredoc h = new Heredoc(position, delimiter.quoted, stripTabs, text);
    pending.add(h);
    reading.heredocs.add(h);
    return h;
  }

  private void readHeredocs() {
    List<Heredoc> due = new ArrayList<>(pending);
    pending.clear();
    for (Heredoc h : due) {
      body(h);
    }
  }

  /** The body runs to the line that is the delimiter (after leading tabs, for {@code <<-}). */
  private void body(Heredoc h) {
    int start = position();
    int end = limit;
    int after = limit;
    boolean found = false;
    for (int line = pos; line < limit && !found; ) {
      int lineEnd = line;
      while (lineEnd < limit && code[lineEnd] != '\n') {
        lineEnd++;
      }
      int from = line;
      while (h.stripTabs && from < lineEnd && code[from] == '\t') {
        from++;
      }
      if (!h.delimiter.isEmpty() && isText(from, lineEnd, h.delimiter)) {
        end = line;
        after = Math.min(lineEnd + 1, limit);
        found = true;
      }
      line = lineEnd + 1;
    }
    if (!found) {
      reading.broken(start, "an unterminated here-document");
    }
    Word body = new Word(start, reading.nextOccurrence);
    h.body = body;
    int outer = limit;
    limit = end;
    if (h.quoted) {
      quotedBody(h);
    } else {
      unquotedBody(body);
    }
    limit = outer;
    pos = after;
    body.refEnd = reading.nextOccurrence;
  }

  private boolean isText(int from, int to, String text) {
    int[] points = text.codePoints().toArray();
    if (to - from != points.length) {
      return false;
    }
    for (int i = 0; i < points.length; i++) {
      if (code[from + i] != points[i]) {
        return false;
      }
    }
    return true;
  }

  private void quotedBody(Heredoc h) {
    List<Object> line = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean holdsReference = false;
    while (pos <= limit) {
      int c = pos < limit ? code[pos] : '\n';
      if (c == '\n') {
        if (holdsReference) {
          line.add(literal.toString());
          h.lines.add(List.copyOf(line));
        }
        line.clear();
        literal.setLength(0);
        holdsReference = false;
        pos++;
      } else if (isReference(c)) {
        line.add(literal.toString());
        literal.setLength(0);
        line.add(reference(Context.QUOTED_HEREDOC));
        holdsReference = true;
      } else {
        literal.appendCodePoint(c);
        pos++;
      }
    }
  }

  /** Like double quotes, except that quotes are plain characters. */
  private void unquotedBody(Word w) {
    while (pos < limit) {
      int c = code[pos];
      if (isReference(c)) {
        reference(Context.HEREDOC);
        continue;
      }
      switch (c) {
        case '\\': backslash(w, Context.HEREDOC, "$`\\"); break;
        case '$': dollar(w, Context.HEREDOC); break;
        case '`': backquoted(w, false); break;
        default: pos++;
      }
    }
  }
}
