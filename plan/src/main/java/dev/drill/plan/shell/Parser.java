package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The POSIX shell grammar over the {@link Lexer}'s tokens, enough to know the simple
 * commands, their words and the pipelines they are in: lists, and-or lists, pipelines,
 * subshells, brace groups, if, while, until, for, case and function definitions. It never
 * throws: where the shell would report a syntax error the reading is marked broken there
 * and goes on.
 */
final class Parser {

  /** What ends a list: the end, a ')', a ';;', or one of some reserved words. */
  record Stop(boolean paren, boolean caseItem, Set<String> words) {
    static final Stop END = new Stop(false, false, Set.of());
    static final Stop PAREN = new Stop(true, false, Set.of());

    static Stop words(String... words) {
      return new Stop(false, false, Set.of(words));
    }
  }

  private static final Set<String> REDIRECTIONS = Set.of("<", ">", ">>", "<&", ">&", "<>", ">|", "<<", "<<-");
  private static final Set<String> COMPOUND = Set.of("{", "if", "while", "until", "for", "case");
  /** Reserved words that cannot start a command. */
  private static final Set<String> MISPLACED = Set.of("then", "else", "elif", "fi", "do", "done", "esac", "}", "in");

  private final Lexer lexer;
  private final Reading reading;
  private Token peeked;

  Parser(Lexer lexer, Reading reading) {
    this.lexer = lexer;
    this.reading = reading;
  }

  /** A whole script (or a backquoted one): lists to the end of the text. */
  List<Pipeline> script() {
    List<Pipeline> all = list(Stop.END);
    lexer.finish();
    return all;
  }

  private Token peek() {
    if (peeked == null) {
      peeked = lexer.next();
    }
    return peeked;
  }

  private Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  /** Takes the ')' that ends a {@code $(...)}; false when the text ended first. */
  boolean closeParen() {
    if (peek().is(")")) {
      next();
      return true;
    }
    return false;
  }

  List<Pipeline> list(Stop stop) {
    List<Pipeline> out = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.END) {
        return out;
      }
      if (t.kind() == Token.Kind.NEWLINE || t.is(";") || t.is("&")) {
        next();
        continue;
      }
      if (t.is(")")) {
        if (stop.paren()) {
          return out;
        }
        reading.broken(t.start(), "an unmatched ')'");
        next();
        continue;
      }
      if (t.is(";;")) {
        if (stop.caseItem()) {
          return out;
        }
        reading.broken(t.start(), "a ';;' outside a case");
        next();
        continue;
      }
      if (isStopWord(t, stop)) {
        return out;
      }
      andOr(out);
      Token after = peek();
      boolean separated = after.kind() == Token.Kind.END || after.kind() == Token.Kind.NEWLINE
          || after.is(";") || after.is("&") || after.is(")") || after.is(";;") || isStopWord(after, stop);
      if (!separated) {
        reading.broken(after.start(), "an unexpected " + after.describe());
        next();
      }
    }
  }

  private static boolean isStopWord(Token t, Stop stop) {
    return t.kind() == Token.Kind.WORD && t.word().plain().map(stop.words()::contains).orElse(false);
  }

  private void andOr(List<Pipeline> out) {
    pipeline(out);
    while (peek().is("&&") || peek().is("||")) {
      next();
      skipNewlines();
      pipeline(out);
    }
  }

  private void pipeline(List<Pipeline> out) {
    Pipeline p = new Pipeline();
    if (peek().isWord("!")) {
      next();
    }
    p.stages.add(command());
    while (peek().is("|")) {
      next();
      skipNewlines();
      p.stages.add(command());
    }
    out.add(p);
    reading.pipelines.add(p);
  }

  private void skipNewlines() {
    while (peek().kind() == Token.Kind.NEWLINE) {
      next();
    }
  }

  private Command command() {
    Command c = new Command(reading.nextOccurrence);
    Token t = peek();
    String reserved = t.kind() == Token.Kind.WORD ? t.word().plain().orElse("") : "";
    boolean compound = t.is("(") || COMPOUND.contains(reserved);
    if (compound) {
      c.compound = true;
      if (reading.enter(t.start())) {
        try {
          compound(c, t, reserved);
        } finally {
          reading.leave();
        }
      } else {
        lexer.abandon();
        peeked = null;
      }
      redirections(c);
    } else if (MISPLACED.contains(reserved)) {
      reading.broken(t.start(), "an unexpected '" + reserved + "'");
      next();
    } else {
      simple(c);
    }
    c.refEnd = reading.nextOccurrence;
    return c;
  }

  private void compound(Command c, Token open, String reserved) {
    next();
    if (open.is("(")) {
      c.body.addAll(list(Stop.PAREN));
      if (!closeParen()) {
        reading.broken(open.start(), "an unterminated '('");
      }
      return;
    }
    switch (reserved) {
      case "{":
        c.body.addAll(list(Stop.words("}")));
        expect("}", open);
        break;
      case "if":
        c.body.addAll(list(Stop.words("then")));
        expect("then", open);
        c.body.addAll(list(Stop.words("elif", "else", "fi")));
        while (peek().isWord("elif")) {
          next();
          c.body.addAll(list(Stop.words("then")));
          expect("then", open);
          c.body.addAll(list(Stop.words("elif", "else", "fi")));
        }
        if (peek().isWord("else")) {
          next();
          c.body.addAll(list(Stop.words("fi")));
        }
        expect("fi", open);
        break;
      case "while":
      case "until":
        c.body.addAll(list(Stop.words("do")));
        expect("do", open);
        c.body.addAll(list(Stop.words("done")));
        expect("done", open);
        break;
      case "for":
        forLoop(c, open);
        break;
      default:
        caseCommand(c, open);
    }
  }

  private void forLoop(Command c, Token open) {
    if (peek().kind() == Token.Kind.WORD) {
      c.others.add(next().word());
    }
    skipNewlines();
    if (peek().isWord("in")) {
      next();
      while (peek().kind() == Token.Kind.WORD) {
        c.others.add(next().word());
      }
    }
    while (peek().kind() == Token.Kind.NEWLINE || peek().is(";")) {
      next();
    }
    expect("do", open);
    c.body.addAll(list(Stop.words("done")));
    expect("done", open);
  }

  private void caseCommand(Command c, Token open) {
    if (peek().kind() == Token.Kind.WORD) {
      c.others.add(next().word());
    }
    skipNewlines();
    expect("in", open);
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.kind() == Token.Kind.END || t.isWord("esac")) {
        break;
      }
      if (t.is("(")) {
        next();
      }
      boolean closed = false;
      while (!closed) {
        Token p = peek();
        if (p.kind() == Token.Kind.WORD) {
          c.others.add(next().word());
        } else if (p.is("|")) {
          next();
        } else if (p.is(")")) {
          next();
          closed = true;
        } else {
          reading.broken(p.start(), "a case pattern without its ')'");
          break;
        }
      }
      if (!closed) {
        break;
      }
      c.body.addAll(list(new Stop(false, true, Set.of("esac"))));
      if (!peek().is(";;")) {
        break;
      }
      next();
    }
    expect("esac", open);
  }

  private void expect(String word, Token open) {
    if (peek().isWord(word)) {
      next();
    } else {
      reading.broken(open.start(), "an unterminated '" + open.word().text + "' (no '" + word + "')");
    }
  }

  private void simple(Command c) {
    reading.simpleCommands.add(c);
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.WORD) {
        next();
        if (t.word().ioNumber) {
          continue;
        }
        if (c.words.isEmpty() && isAssignment(t.word())) {
          c.assignments.add(t.word());
        } else {
          c.words.add(t.word());
        }
      } else if (t.kind() == Token.Kind.OPERATOR && REDIRECTIONS.contains(t.operator())) {
        redirection(c);
      } else if (t.is("(") && c.words.size() == 1 && c.assignments.isEmpty()) {
        function(c, t);
        return;
      } else {
        return;
      }
    }
  }

  /** {@code name() compound-command}. */
  private void function(Command c, Token open) {
    next();
    if (peek().is(")")) {
      next();
    } else {
      reading.broken(open.start(), "a function definition without '()'");
    }
    reading.simpleCommands.remove(c);
    c.function = true;
    c.words.get(0).plain().ifPresent(reading.functions::add);
    skipNewlines();
    Pipeline body = new Pipeline();
    body.stages.add(command());
    c.body.add(body);
    reading.pipelines.add(body);
  }

  private static boolean isAssignment(Word w) {
    String plain = w.plainPrefix();
    int equals = plain.indexOf('=');
    if (equals <= 0) {
      return false;
    }
    String name = plain.substring(0, equals);
    if (!(Character.isLetter(name.charAt(0)) && name.charAt(0) < 128 || name.charAt(0) == '_')) {
      return false;
    }
    return name.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'));
  }

  private void redirections(Command c) {
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.WORD && t.word().ioNumber) {
        next();
      } else if (t.kind() == Token.Kind.OPERATOR && REDIRECTIONS.contains(t.operator())) {
        redirection(c);
      } else {
        return;
      }
    }
  }

  private void redirection(Command c) {
    Token op = next();
    Token target = peek();
    if (target.kind() != Token.Kind.WORD) {
      reading.broken(op.start(), "a redirection '" + op.operator() + "' without a target");
      return;
    }
    next();
    if (op.operator().startsWith("<<")) {
      c.heredocs.add(lexer.heredoc(target.word(), op.operator().equals("<<-"), op.start()));
    } else {
      c.others.add(target.word());
    }
  }
}
