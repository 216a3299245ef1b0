package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Here-documents: a {@code <<} redirection's delimiter is noted where it stands, and the
 * bodies of a line are read, in order, after its newline.
 */
final class HeredocReader {

  private final Lexer lexer;
  private final Cursor cursor;
  private final Expansions expansions;
  private final Reading reading;
  private final List<Heredoc> pending = new ArrayList<>();

  HeredocReader(Lexer lexer, Cursor cursor, Expansions expansions, Reading reading) {
    this.lexer = lexer;
    this.cursor = cursor;
    this.expansions = expansions;
    this.reading = reading;
  }

  /** A {@code <<} redirection's delimiter word: its body is read at the next newline. */
  Heredoc start(Word delimiter, boolean stripTabs, int position) {
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

  /** At a newline: the bodies of the here-documents started on the line. */
  void readBodies() {
    List<Heredoc> due = new ArrayList<>(pending);
    pending.clear();
    for (Heredoc h : due) {
      body(h);
    }
  }

  /** Here-documents started on a line without one: their body never comes. */
  void finish() {
    if (!pending.isEmpty()) {
      reading.broken(pending.get(0).position, "a here-document without a body");
      pending.clear();
    }
  }

  /** The body runs to the line that is the delimiter (after leading tabs, for {@code <<-}). */
  private void body(Heredoc h) {
    int start = cursor.position();
    int limit = cursor.limit();
    int end = limit;
    int after = limit;
    boolean found = false;
    for (int line = cursor.index(); line < limit && !found; ) {
      int lineEnd = line;
      while (lineEnd < limit && cursor.codeAt(lineEnd) != '\n') {
        lineEnd++;
      }
      int from = line;
      while (h.stripTabs && from < lineEnd && cursor.codeAt(from) == '\t') {
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
    cursor.limitTo(end);
    if (h.quoted) {
      quotedBody(h);
    } else {
      unquotedBody(body);
    }
    cursor.limitTo(limit);
    cursor.moveTo(after);
    body.refEnd = reading.nextOccurrence;
  }

  private boolean isText(int from, int to, String text) {
    int[] points = text.codePoints().toArray();
    if (to - from != points.length) {
      return false;
    }
    for (int i = 0; i < points.length; i++) {
      if (cursor.codeAt(from + i) != points[i]) {
        return false;
      }
    }
    return true;
  }

  private void quotedBody(Heredoc h) {
    List<Object> line = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean holdsReference = false;
    while (cursor.index() <= cursor.limit()) {
      int c = cursor.more() ? cursor.at(0) : '\n';
      if (c == '\n') {
        if (holdsReference) {
          line.add(literal.toString());
          h.lines.add(List.copyOf(line));
        }
        line.clear();
        literal.setLength(0);
        holdsReference = false;
        cursor.skip(1);
      } else if (Cursor.isReference(c)) {
        line.add(literal.toString());
        literal.setLength(0);
        line.add(cursor.reference(Context.QUOTED_HEREDOC));
        holdsReference = true;
      } else {
        literal.appendCodePoint(c);
        cursor.skip(1);
      }
    }
  }

  /** Like double quotes, except that quotes are plain characters. */
  private void unquotedBody(Word w) {
    while (cursor.more()) {
      int c = cursor.at(0);
      if (Cursor.isReference(c)) {
        cursor.reference(Context.HEREDOC);
        continue;
      }
      switch (c) {
        case '\\': lexer.backslash(w, Context.HEREDOC, "$`\\"); break;
        case '$': expansions.dollar(w, Context.HEREDOC); break;
        case '`': expansions.backquoted(w, false); break;
        default: cursor.skip(1);
      }
    }
  }
}
