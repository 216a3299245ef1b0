package dev.drill.plan.shell;

/**
 * Splits a script into tokens the way POSIX sh (dash) does: operators, newlines, and words
 * with their quoting (escapes, single and double quotes), deciding for every reference the
 * context it stands in. Comments are skipped, their references taken as standing in one;
 * the {@link Expansions} in a word and the {@linkplain HeredocReader here-documents} are
 * read by helpers over the same {@link Cursor}.
 */
final class Lexer {

  private final Cursor cursor;
  private final Reading reading;
  private final Expansions expansions;
  private final HeredocReader heredocs;

  Lexer(Cursor cursor, Reading reading) {
    this.cursor = cursor;
    this.reading = reading;
    this.expansions = new Expansions(this, cursor, reading);
    this.heredocs = new HeredocReader(this, cursor, expansions, reading);
  }

  private static boolean isOperator(int c) {
    return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
  }

  Token next() {
    while (true) {
      while (cursor.more()) {
        int c = cursor.at(0);
        if (c == ' ' || c == '\t') {
          cursor.skip(1);
        } else if (c == '\\' && cursor.at(1) == '\n') {
          cursor.skip(2);
        } else {
          break;
        }
      }
      if (!cursor.more()) {
        return Token.end(cursor.position());
      }
      int start = cursor.position();
      int c = cursor.at(0);
      if (c == '\n') {
        cursor.skip(1);
        heredocs.readBodies();
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
    heredocs.finish();
  }

  /** Reads nothing more: every reference left is taken as it comes (the script is already broken there). */
  void abandon() {
    cursor.abandon();
  }

  /** A {@code <<} redirection's delimiter word: its body is read at the next newline. */
  Heredoc heredoc(Word delimiter, boolean stripTabs, int position) {
    return heredocs.start(delimiter, stripTabs, position);
  }

  private void comment() {
    while (cursor.more() && cursor.at(0) != '\n') {
      if (Cursor.isReference(cursor.at(0))) {
        cursor.reference(Context.COMMENT);
      } else {
        cursor.skip(1);
      }
    }
  }

  private String operator() {
    int c = cursor.at(0);
    int n = cursor.at(1);
    String op;
    switch (c) {
      case ';': op = n == ';' ? ";;" : ";"; break;
      case '&': op = n == '&' ? "&&" : "&"; break;
      case '|': op = n == '|' ? "||" : "|"; break;
      case '(': op = "("; break;
      case ')': op = ")"; break;
      case '<':
        op = n == '<' ? (cursor.at(2) == '-' ? "<<-" : "<<") : n == '&' ? "<&" : n == '>' ? "<>" : "<";
        break;
      case '>': op = n == '>' ? ">>" : n == '&' ? ">&" : n == '|' ? ">|" : ">"; break;
      default: return null;
    }
    cursor.skip(op.length());
    return op;
  }

  private Word word() {
    Word w = new Word(cursor.position(), reading.nextOccurrence);
    while (cursor.more()) {
      int c = cursor.at(0);
      if (Cursor.isReference(c)) {
        cursor.reference(Context.UNQUOTED);
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
        case '`': expansions.backquoted(w, false); break;
        case '$': expansions.dollar(w, Context.UNQUOTED); break;
        default: w.text.appendCodePoint(c); cursor.skip(1);
      }
    }
    if (!w.quoted && !w.expanded && w.text.length() > 0 && w.text.chars().allMatch(Character::isDigit)
        && (cursor.at(0) == '<' || cursor.at(0) == '>')) {
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
  void backslash(Word w, Context context, String escapable) {
    int n = cursor.at(1);
    if (n == '\n') {
      cursor.skip(2);
    } else if (n == Cursor.NONE) {
      w.text.append('\\');
      cursor.skip(1);
    } else if (Cursor.isReference(n)) {
      int backslash = cursor.position();
      cursor.skip(1);
      cursor.reference(context).escapedBy = backslash;
      w.expansion();
    } else if (escapable == null || escapable.indexOf(n) >= 0) {
      w.quote();
      w.text.appendCodePoint(n);
      cursor.skip(2);
    } else {
      w.text.append('\\');
      cursor.skip(1);
    }
  }

  void singleQuoted(Word w) {
    int start = cursor.position();
    w.quote();
    cursor.skip(1);
    while (cursor.more() && cursor.at(0) != '\'') {
      if (Cursor.isReference(cursor.at(0))) {
        cursor.reference(Context.SINGLE_QUOTED);
        w.expansion();
      } else {
        w.text.appendCodePoint(cursor.at(0));
        cursor.skip(1);
      }
    }
    if (!cursor.more()) {
      reading.broken(start, "an unterminated '...'");
      return;
    }
    cursor.skip(1);
  }

  void doubleQuoted(Word w) {
    int start = cursor.position();
    w.quote();
    cursor.skip(1);
    if (!reading.enter(start)) {
      cursor.abandon();
      return;
    }
    try {
      while (cursor.more()) {
        int c = cursor.at(0);
        if (c == '"') {
          cursor.skip(1);
          return;
        }
        if (Cursor.isReference(c)) {
          cursor.reference(Context.DOUBLE_QUOTED);
          w.expansion();
          continue;
        }
        switch (c) {
          case '\\': backslash(w, Context.DOUBLE_QUOTED, "$`\"\\"); break;
          case '$': expansions.dollar(w, Context.DOUBLE_QUOTED); break;
          case '`': expansions.backquoted(w, true); break;
          default: w.text.appendCodePoint(c); cursor.skip(1);
        }
      }
      reading.broken(start, "an unterminated \"...\"");
    } finally {
      reading.leave();
    }
  }
}
