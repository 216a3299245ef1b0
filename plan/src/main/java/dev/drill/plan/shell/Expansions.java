package dev.drill.plan.shell;

/**
 * The expansions in a word: {@code $name}, {@code $(...)}, {@code $((...))}, {@code ${...}}
 * and backquotes. A substitution is read by a nested {@link Parser}, which is how the shell
 * does it too: inside {@code "$(...)"} the quoting starts afresh. A backquoted command is
 * read from an unescaped copy of its text by a {@link Lexer} of its own.
 */
final class Expansions {

  private final Lexer lexer;
  private final Cursor cursor;
  private final Reading reading;

  Expansions(Lexer lexer, Cursor cursor, Reading reading) {
    this.lexer = lexer;
    this.cursor = cursor;
    this.reading = reading;
  }

  /** At a '$': an expansion, or a literal dollar. */
  void dollar(Word w, Context context) {
    int start = cursor.index();
    int origin = cursor.position();
    int n = cursor.at(1);
    if (n == '(') {
      w.expansion();
      if (cursor.at(2) == '(') {
        arithmetic(w);
      } else {
        cursor.skip(2);
        commandSubstitution(w, origin);
      }
    } else if (n == '{') {
      w.expansion();
      cursor.skip(2);
      parameter(w, context, origin);
    } else if (Cursor.isReference(n)) {
      w.text.append('$');
      cursor.skip(1);
      cursor.dollarBeforeReference();
      return;
    } else if (n != Cursor.NONE && (Character.isLetter(n) || n == '_')) {
      w.expansion();
      cursor.skip(1);
      while (cursor.at(0) != Cursor.NONE && (Character.isLetterOrDigit(cursor.at(0)) || cursor.at(0) == '_')) {
        cursor.skip(1);
      }
    } else if (n != Cursor.NONE && (Character.isDigit(n) || "@*#?-$!".indexOf(n) >= 0)) {
      w.expansion();
      cursor.skip(2);
    } else {
      w.text.append('$');
      cursor.skip(1);
      return;
    }
    cursor.appendSince(start, w.text);
  }

  private void commandSubstitution(Word w, int start) {
    if (!reading.enter(start)) {
      cursor.abandon();
      return;
    }
    try {
      Parser inner = new Parser(lexer, reading);
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
    int start = cursor.position();
    int first = reading.nextOccurrence;
    cursor.skip(3);
    if (!reading.enter(start)) {
      cursor.abandon();
      return;
    }
    try {
      int depth = 0;
      while (cursor.more()) {
        int c = cursor.at(0);
        if (Cursor.isReference(c)) {
          cursor.reference(Context.ARITHMETIC);
        } else if (c == '(') {
          depth++;
          cursor.skip(1);
        } else if (c == ')') {
          if (depth > 0) {
            depth--;
            cursor.skip(1);
          } else if (cursor.at(1) == ')') {
            cursor.skip(2);
            return;
          } else {
            reading.broken(start, "a $((...)) that does not end in '))'");
            cursor.skip(1);
            return;
          }
        } else if (c == '$') {
          dollar(w, Context.ARITHMETIC);
        } else if (c == '`') {
          backquoted(w, false);
        } else if (c == '\\') {
          lexer.backslash(w, Context.ARITHMETIC, null);
        } else {
          cursor.skip(1);
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
      cursor.abandon();
      return;
    }
    try {
      while (cursor.more()) {
        int c = cursor.at(0);
        if (c == '}') {
          cursor.skip(1);
          return;
        }
        if (Cursor.isReference(c)) {
          cursor.reference(context);
          continue;
        }
        switch (c) {
          case '\\': lexer.backslash(w, context, null); break;
          case '\'':
            if (context == Context.UNQUOTED) {
              lexer.singleQuoted(w);
            } else {
              cursor.skip(1);
            }
            break;
          case '"':
            if (context == Context.UNQUOTED || context == Context.DOUBLE_QUOTED) {
              lexer.doubleQuoted(w);
            } else {
              cursor.skip(1);
            }
            break;
          case '$': dollar(w, context); break;
          case '`': backquoted(w, context == Context.DOUBLE_QUOTED); break;
          default: cursor.skip(1);
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
  void backquoted(Word w, boolean inDoubleQuotes) {
    int start = cursor.position();
    w.expansion();
    cursor.skip(1);
    Cursor inner = cursor.untilBackquote(inDoubleQuotes);
    if (!cursor.more()) {
      reading.broken(start, "an unterminated `...`");
    } else {
      cursor.skip(1);
    }
    Lexer innerLexer = new Lexer(inner, reading);
    if (!reading.enter(start)) {
      innerLexer.abandon();
      return;
    }
    try {
      w.nested.addAll(new Parser(innerLexer, reading).script());
    } finally {
      reading.leave();
    }
  }
}
