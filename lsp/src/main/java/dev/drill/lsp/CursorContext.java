package dev.drill.lsp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Position;

/**
 * Where the cursor is, read from the text before it: the blocks it is in (by the keyword that
 * opened each), the words of the statement it is in, and whether it is in a string, a
 * {@code ${...}} or a comment. A heuristic for completion only, on text that is usually
 * half typed; what the text means is the compiler's business.
 */
record CursorContext(List<String> blocks, List<String> statement, State state, String prefix) {

  enum State { CODE, STRING, REFERENCE, COMMENT }

  private static final Set<String> OPENERS = Set.of("drill", "template", "roles", "setup", "teardown", "steady", "check",
      "inject", "detect", "signal", "recover", "step", "verify", "comms", "abort", "debrief");

  /** The innermost block, or "" at the top level. */
  String block() {
    return blocks.isEmpty() ? "" : blocks.get(blocks.size() - 1);
  }

  /** The last whole word or sign before the one being typed. */
  Optional<String> previous() {
    return statement.isEmpty() ? Optional.empty() : Optional.of(statement.get(statement.size() - 1));
  }

  static CursorContext at(String text, Position position) {
    int end = offset(text, position);
    Deque<String> blocks = new ArrayDeque<>();
    List<String> statement = new ArrayList<>();
    int lineOfStatement = 0;
    int line = 0;
    int i = 0;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '#' || c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        int lineEnd = text.indexOf('\n', i);
        if (lineEnd < 0 || lineEnd >= end) {
          return new CursorContext(reversed(blocks), statement, State.COMMENT, "");
        }
        i = lineEnd;
      } else if (c == '"') {
        boolean block = text.startsWith("\"\"\"", i);
        int open = i + (block ? 3 : 1);
        int close = block ? text.indexOf("\"\"\"", open) : closingQuote(text, open);
        if (close < 0 || close >= end) {
          String inside = text.substring(open, end);
          int reference = inside.lastIndexOf("${");
          if (reference >= 0 && inside.indexOf('}', reference) < 0) {
            return new CursorContext(reversed(blocks), statement, State.REFERENCE, inside.substring(reference + 2));
          }
          return new CursorContext(reversed(blocks), statement, State.STRING, "");
        }
        line += (int) text.substring(i, close).chars().filter(ch -> ch == '\n').count();
        statement.add("\"");
        // A string left open at the end of its line ends there (the compiler reports it).
        i = close + (block ? 3 : text.charAt(close) == '\n' ? 0 : 1);
      } else if (c == '{') {
        blocks.push(opener(statement));
        statement.clear();
        i++;
      } else if (c == '}') {
        if (!blocks.isEmpty()) {
          blocks.pop();
        }
        statement.clear();
        i++;
      } else if (isWord(c)) {
        int start = i;
        while (i < end && isWord(text.charAt(i))) {
          i++;
        }
        if (i == end) {
          return new CursorContext(reversed(blocks), statement, State.CODE, text.substring(start, end));
        }
        // A keyword at the start of a line starts a statement (every statement starts with one).
        if (line > lineOfStatement && OPENERS.contains(text.substring(start, i)) || statement.isEmpty()) {
          statement.clear();
          lineOfStatement = line;
        }
        statement.add(text.substring(start, i));
      } else {
        if (!Character.isWhitespace(c)) {
          statement.add(String.valueOf(c));
        }
        i++;
      }
    }
    return new CursorContext(reversed(blocks), statement, State.CODE, "");
  }

  private static List<String> reversed(Deque<String> blocks) {
    List<String> outermostFirst = new ArrayList<>(blocks);
    Collections.reverse(outermostFirst);
    return outermostFirst;
  }

  /** The keyword that opened a block: the statement's first word that opens blocks. */
  private static String opener(List<String> statement) {
    return statement.stream().filter(OPENERS::contains).findFirst().orElse(statement.isEmpty() ? "" : statement.get(0));
  }

  private static int closingQuote(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      } else if (c == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '-' || c == '_';
  }

  /** The offset in the text of an LSP position (UTF-16 units, like Java strings). */
  static int offset(String text, Position position) {
    int offset = 0;
    for (int line = 0; line < position.getLine(); line++) {
      int next = text.indexOf('\n', offset);
      if (next < 0) {
        return text.length();
      }
      offset = next + 1;
    }
    int lineEnd = text.indexOf('\n', offset);
    return Math.min(offset + Math.max(0, position.getCharacter()), lineEnd < 0 ? text.length() : lineEnd);
  }
}
