package dev.drill.compiler.syntax;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.grammar.DrillLexer;
import dev.drill.grammar.DrillParser;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's reports into messages in the user's words: what was expected, in terms
 * of the language ("a duration such as 5m"), after which word, and what was found
 * instead; a did-you-mean hint for a misspelt keyword.
 */
final class SyntaxErrorListener extends BaseErrorListener {

  private static final int[] ATTRIBUTE_KEYWORDS = {
    DrillLexer.TITLE, DrillLexer.SUMMARY, DrillLexer.OWNER, DrillLexer.KIND, DrillLexer.TAGS,
    DrillLexer.ENVIRONMENT, DrillLexer.TIMEBOX, DrillLexer.CADENCE, DrillLexer.RERUN,
    DrillLexer.GUIDE, DrillLexer.PARAM, DrillLexer.SECRET
  };
  private static final int[] BLOCK_KEYWORDS = {
    DrillLexer.ROLES, DrillLexer.SETUP, DrillLexer.TEARDOWN, DrillLexer.STEADY,
    DrillLexer.INJECT, DrillLexer.DETECT, DrillLexer.RECOVER, DrillLexer.COMMS,
    DrillLexer.ABORT, DrillLexer.DEBRIEF
  };

  private final String file;
  private final List<Diagnostic> diagnostics;
  private int lastErrorToken = -1;
  private boolean lastPlacedBefore;

  SyntaxErrorListener(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    Parser parser = (Parser) recognizer;
    Token offending = (Token) offendingSymbol;
    // ANTLR may report a token more than once. Twice only when the first report was about
    // something missing before it (the end of a statement), and the second about the token itself.
    boolean again = offending.getTokenIndex() == lastErrorToken;
    if (again && !lastPlacedBefore) {
      return;
    }
    if (offending.getType() == Token.EOF && diagnostics.stream().anyMatch(d -> d.code() == Code.D003)) {
      // An unclosed """ block runs to the end of the file: every block around it is unclosed too.
      return;
    }
    IntervalSet expected = e != null && e.getExpectedTokens() != null
        ? e.getExpectedTokens()
        : parser.getExpectedTokens();
    Token previous = previousToken(parser, offending);
    String expectation = describeExpected(expected);
    StringBuilder message = new StringBuilder("expected ").append(expectation);
    if (previous != null) {
      message.append(" after ").append(quote(previous));
    }
    if (offending.getType() == Token.EOF) {
      message.append(", found the end of the file");
      openBlock(parser.getContext()).ifPresent(open -> message.append(
          "; the '" + open.start.getText() + "' block at line " + open.start.getLine()
              + " is not closed"));
    } else {
      message.append(", found ").append(describeFound(offending));
    }
    ParserRuleContext context = e != null && e.getCtx() instanceof ParserRuleContext failed
        ? failed
        : parser.getContext();
    boolean betweenStatements = expected.contains(DrillLexer.RBRACE) || expected.contains(Token.EOF);
    boolean enclosing = offending.getType() != Token.EOF && offending.getType() != DrillLexer.RBRACE
        && startsEnclosingStatement(parser, context, offending.getType());
    List<String> hints = new ArrayList<>();
    didYouMean(offending, expected).ifPresent(k -> hints.add("did you mean '" + k + "'?"));
    if (betweenStatements && enclosing) {
      openBlock(context).ifPresent(open -> hints.add("is the '" + open.start.getText()
          + "' block at line " + open.start.getLine() + " missing its '}'?"));
    }
    SourceSpan span = place(offending, previous, betweenStatements && !enclosing);
    boolean placedBefore = offending.getType() != Token.EOF && (span.line() < offending.getLine()
        || span.line() == offending.getLine() && span.column() <= offending.getCharPositionInLine());
    if (again && placedBefore) {
      return;
    }
    lastErrorToken = offending.getTokenIndex();
    lastPlacedBefore = placedBefore;
    diagnostics.add(new Diagnostic(Code.D006, Code.D006.severity(), span, message.toString(), hints,
        Optional.empty()));
  }

  /** Where the caret goes: at the offending token, or just after the previous one when the
   *  offending token is on a later line and something is missing there: the rest of an
   *  unfinished statement, or a '}' before a statement of an enclosing block. Only a token
   *  that is out of place where it stands is marked itself, say a misspelt keyword. */
  private SourceSpan place(Token offending, Token previous, boolean outOfPlace) {
    if (previous != null && (offending.getType() == Token.EOF
        || offending.getLine() > endLine(previous) && !outOfPlace)) {
      SourceSpan prev = TextDecoder.span(file, previous.getText(), previous.getLine(),
          previous.getCharPositionInLine() + 1);
      return SourceSpan.at(file, prev.endLine(), prev.endColumn() + 1);
    }
    if (offending.getType() == Token.EOF) {
      return SourceSpan.at(file, Math.max(offending.getLine(), 1), offending.getCharPositionInLine() + 1);
    }
    return TextDecoder.span(file, offending.getText(), offending.getLine(),
        offending.getCharPositionInLine() + 1);
  }

  /** The line a token ends on: a """ block may span several. */
  static int endLine(Token token) {
    return token.getLine() + (int) token.getText().chars().filter(c -> c == '\n').count();
  }

  private static Token previousToken(Parser parser, Token offending) {
    for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
      Token token = parser.getTokenStream().get(i);
      if (token.getChannel() == Token.DEFAULT_CHANNEL) {
        return token;
      }
    }
    return null;
  }

  /** Whether the token may come once one of the rules being parsed has ended. */
  private static boolean startsEnclosingStatement(Parser parser, RuleContext context, int type) {
    ATN atn = parser.getATN();
    for (RuleContext c = context; c != null && c.invokingState >= 0; c = c.parent) {
      RuleTransition call = (RuleTransition) atn.states.get(c.invokingState).transition(0);
      if (atn.nextTokens(call.followState).contains(type)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<ParserRuleContext> openBlock(ParserRuleContext context) {
    for (ParserRuleContext c = context; c != null; c = c.getParent()) {
      if (c.start != null && c.start.getType() != Token.EOF && !(c instanceof DrillParser.FileContext)
          && c.getChildCount() > 0 && containsBrace(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static boolean containsBrace(ParserRuleContext c) {
    for (int i = 0; i < c.getChildCount(); i++) {
      if (c.getChild(i).getText().equals("{")) {
        return true;
      }
    }
    return false;
  }

  static String describeExpected(IntervalSet expected) {
    Set<String> words = new LinkedHashSet<>();
    // Where a name is expected, every keyword is too (keywords are valid names): say "a name".
    boolean name = expected.contains(DrillLexer.NAME);
    boolean drillBody = !name && expected.contains(DrillLexer.TITLE) && expected.contains(DrillLexer.RECOVER);
    boolean action = !name && expected.contains(DrillLexer.RUN) && expected.contains(DrillLexer.WAIT);
    boolean probe = !name && expected.contains(DrillLexer.COMMAND) && expected.contains(DrillLexer.LOG);
    if (drillBody) {
      words.add("an attribute such as 'title' or a block such as 'recover'");
    }
    if (action) {
      words.add("an action (run, http, manual or wait)");
    }
    if (probe) {
      words.add("a probe (http, command, prometheus, log or manual)");
    }
    if (name) {
      words.add("a name");
    }
    for (int type : expected.toList()) {
      if (type == DrillLexer.NAME || isKeyword(type) && (drillBody && isDrillKeyword(type)
          || action && isActionKeyword(type) || probe && isProbeKeyword(type) || name)) {
        continue;
      }
      words.add(describeType(type));
    }
    List<String> list = new ArrayList<>(words);
    if (list.isEmpty()) {
      return "something else";
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }

  private static boolean isDrillKeyword(int type) {
    for (int t : ATTRIBUTE_KEYWORDS) {
      if (t == type) return true;
    }
    for (int t : BLOCK_KEYWORDS) {
      if (t == type) return true;
    }
    return false;
  }

  private static boolean isActionKeyword(int type) {
    return type == DrillLexer.RUN || type == DrillLexer.HTTP || type == DrillLexer.MANUAL
        || type == DrillLexer.WAIT;
  }

  private static boolean isProbeKeyword(int type) {
    return type == DrillLexer.HTTP || type == DrillLexer.COMMAND || type == DrillLexer.PROMETHEUS
        || type == DrillLexer.LOG || type == DrillLexer.MANUAL;
  }

  static boolean isKeyword(int type) {
    String literal = DrillLexer.VOCABULARY.getLiteralName(type);
    return literal != null && Character.isLetter(literal.charAt(1));
  }

  private static String describeType(int type) {
    switch (type) {
      case DrillLexer.DURATION: return "a duration such as 5m";
      case DrillLexer.STRING:
      case DrillLexer.BLOCK_STRING: return "a string in double quotes";
      case DrillLexer.NUMBER: return "a number";
      case Token.EOF: return "the end of the file";
      default:
        String literal = DrillLexer.VOCABULARY.getLiteralName(type);
        return literal != null ? literal : DrillLexer.VOCABULARY.getDisplayName(type);
    }
  }

  private static String describeFound(Token token) {
    String text = token.getText();
    switch (token.getType()) {
      case DrillLexer.STRING:
      case DrillLexer.BLOCK_STRING:
        return "the string " + abbreviate(text);
      case DrillLexer.DURATION:
        return "the duration " + text;
      case DrillLexer.NUMBER:
        return "the number " + text;
      default:
        return quote(token);
    }
  }

  private static String quote(Token token) {
    if (token.getType() == DrillLexer.STRING || token.getType() == DrillLexer.BLOCK_STRING) {
      return abbreviate(token.getText());
    }
    return "'" + token.getText() + "'";
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 30 ? oneLine : oneLine.substring(0, 27) + "...";
  }

  private static Optional<String> didYouMean(Token offending, IntervalSet expected) {
    if (offending.getType() != DrillLexer.NAME) {
      return Optional.empty();
    }
    return nearestKeyword(offending.getText(), expected);
  }

  /** The keyword among the token types that the word is a likely misspelling of. */
  static Optional<String> nearestKeyword(String word, IntervalSet types) {
    return types.toList().stream()
        .filter(SyntaxErrorListener::isKeyword)
        .map(t -> DrillLexer.VOCABULARY.getLiteralName(t).replace("'", ""))
        .filter(k -> NearMiss.distance(word, k) <= Math.max(1, Math.min(2, k.length() / 3)))
        .min(Comparator.comparingInt((String k) -> NearMiss.distance(word, k)).thenComparing(k -> k));
  }
}
