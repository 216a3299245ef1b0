package dev.drill.plan.shell;

/** A token of the script: a word, an operator, a newline, or the end. */
record Token(Kind kind, String operator, Word word, int start) {

  enum Kind { WORD, OPERATOR, NEWLINE, END }

  static Token word(Word word) {
    return new Token(Kind.WORD, "", word, word.start);
  }

  static Token operator(String operator, int start) {
    return new Token(Kind.OPERATOR, operator, null, start);
  }

  static Token newline(int start) {
    return new Token(Kind.NEWLINE, "", null, start);
  }

  static Token end(int start) {
    return new Token(Kind.END, "", null, start);
  }

  boolean is(String op) {
    return kind == Kind.OPERATOR && operator.equals(op);
  }

  /** A reserved word is recognised only when written plain: {@code "if"} is an ordinary word. */
  boolean isWord(String reserved) {
    return kind == Kind.WORD && word.plain().filter(reserved::equals).isPresent();
  }

  String describe() {
    switch (kind) {
      case WORD: return "'" + word.text + "'";
      case OPERATOR: return "'" + operator + "'";
      case NEWLINE: return "a new line";
      default: return "the end";
    }
  }
}
