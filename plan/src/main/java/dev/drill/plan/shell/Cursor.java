package dev.drill.plan.shell;

import java.util.Arrays;

/**
 * The text being read and where reading stands in it. The text is an array of code points in
 * which a reference is one negative entry, {@code -(index + 1)}, so a reference can never be
 * mistaken for a character; taking a reference records the context it stands in.
 */
final class Cursor {

  /** What {@link #at} gives past the end of reading. */
  static final int NONE = Integer.MIN_VALUE;

  private final int[] code;
  /** For each entry, its position in the template: a backquoted part is re-read from a copy. */
  private final int[] origin;
  private final Reading reading;
  private int pos;
  /** Reading stops here: the end of the text, or of a here-document body. */
  private int limit;
  private boolean dollarPending;

  /** The whole template. */
  Cursor(int[] code, Reading reading) {
    this(code, identity(code.length), reading);
  }

  private Cursor(int[] code, int[] origin, Reading reading) {
    this.code = code;
    this.origin = origin;
    this.reading = reading;
    this.limit = code.length;
  }

  private static int[] identity(int length) {
    int[] origin = new int[length];
    Arrays.setAll(origin, i -> i);
    return origin;
  }

  /** Where reading stands, in the template: the end of the text once it is read. */
  int position() {
    if (pos < limit) {
      return origin[pos];
    }
    return limit == 0 ? (origin.length == 0 ? 0 : origin[0]) : origin[limit - 1] + 1;
  }

  boolean more() {
    return pos < limit;
  }

  /** The entry {@code ahead} of where reading stands, {@link #NONE} past the end of reading. */
  int at(int ahead) {
    int i = pos + ahead;
    return i < limit ? code[i] : NONE;
  }

  void skip(int count) {
    pos += count;
  }

  static boolean isReference(int c) {
    return c < 0 && c != NONE;
  }

  /** Takes the reference where reading stands: it stands in {@code context}. */
  Occurrence reference(Context context) {
    Occurrence o = reading.occurrences[-code[pos] - 1];
    o.context = context;
    o.dollarBefore = dollarPending;
    dollarPending = false;
    reading.nextOccurrence = Math.max(reading.nextOccurrence, o.index + 1);
    pos++;
    return o;
  }

  /** The '$' just read stands right before a reference (template {@code $$${x}}). */
  void dollarBeforeReference() {
    dollarPending = true;
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

  /** Appends the characters from {@code index} to where reading stands, references left out. */
  void appendSince(int index, StringBuilder out) {
    for (int i = index; i < pos && i < limit; i++) {
      if (!isReference(code[i])) {
        out.appendCodePoint(code[i]);
      }
    }
  }

  /**
   * The text up to the next backquote that no backslash escapes (or to the end), with the
   * backslashes before '$', '`', '\' (and '"' within double quotes) removed, as a cursor of
   * its own; reading stops at that backquote.
   */
  Cursor untilBackquote(boolean inDoubleQuotes) {
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
    return new Cursor(Arrays.copyOf(inner, length), Arrays.copyOf(innerOrigin, length), reading);
  }

  // Indexes into the text, for reading a here-document body up to its delimiter line.

  int index() {
    return pos;
  }

  int limit() {
    return limit;
  }

  int codeAt(int index) {
    return code[index];
  }

  void moveTo(int index) {
    pos = index;
  }

  void limitTo(int index) {
    limit = index;
  }
}
