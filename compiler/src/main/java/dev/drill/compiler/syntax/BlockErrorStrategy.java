package dev.drill.compiler.syntax;

import dev.drill.grammar.DrillLexer;
import dev.drill.grammar.DrillParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's error recovery, made aware of blocks and lines so that one mistake does not hide
 * the next. When it skips input to resynchronise, it skips a whole {@code { ... }} group at a
 * time: the closing brace of a misspelt block is never taken for the end of the enclosing one.
 * It stops at a later line that starts with a statement's keyword, or a word that looks like
 * one: a misspelt keyword there ({@code cadense 30d} after {@code timebox 5 m}) is the next
 * statement, reported in its turn instead of skipped with the broken one. A bad first statement of a
 * block is skipped like a bad later one, up to the next statement, instead of abandoning the
 * whole block. And a brace is never deleted as a stray token.
 */
final class BlockErrorStrategy extends DefaultErrorStrategy {

  /** Set by {@link #consumeUntil} when it stopped at a later line's first word rather than at a token of its set. */
  private boolean stoppedAtLine;
  /** Whether the skipping may stop at its first token: not when that token was reported as the one out of place. */
  private boolean mayStopAtFirst;

  @Override
  public void sync(Parser recognizer) throws RecognitionException {
    if (inErrorRecoveryMode(recognizer)) {
      super.sync(recognizer);
      return;
    }
    // Each round reports the token it stands at and skips at least that token.
    do {
      stoppedAtLine = false;
      syncOnce(recognizer);
      if (stoppedAtLine) {
        endErrorCondition(recognizer);
      }
    } while (stoppedAtLine);
  }

  private void syncOnce(Parser recognizer) {
    ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
    if (state.getStateType() != ATNState.STAR_LOOP_ENTRY) {
      super.sync(recognizer);
      return;
    }
    IntervalSet next = recognizer.getATN().nextTokens(state);
    int la = recognizer.getInputStream().LA(1);
    if (next.contains(la) || next.contains(Token.EPSILON)) {
      super.sync(recognizer);
      return;
    }
    if (singleTokenDeletion(recognizer) != null) {
      return;
    }
    // As ANTLR does at the end of a loop iteration; by default it gives up on the rule here.
    reportUnwantedToken(recognizer);
    consumeUntil(recognizer, recognizer.getExpectedTokens().or(getErrorRecoverySet(recognizer)));
  }

  /**
   * After a statement that ended too early (a value missing at the end of its line), the word
   * that starts the next line was not the mistake: skipping stops there, and it is parsed, or
   * reported, as a statement of its own.
   */
  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    stoppedAtLine = false;
    mayStopAtFirst = true;
    try {
      super.recover(recognizer, e);
    } finally {
      mayStopAtFirst = false;
    }
    if (stoppedAtLine) {
      stoppedAtLine = false;
      endErrorCondition(recognizer);
    }
  }

  /** A brace is never the extra token: deleting one would pair the wrong braces. */
  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    int type = recognizer.getInputStream().LA(1);
    if (type == DrillLexer.LBRACE || type == DrillLexer.RBRACE) {
      return null;
    }
    return super.singleTokenDeletion(recognizer);
  }

  @Override
  protected void consumeUntil(Parser recognizer, IntervalSet set) {
    TokenStream tokens = recognizer.getInputStream();
    int depth = 0;
    boolean consumed = false;
    int type = tokens.LA(1);
    while (type != Token.EOF && (depth > 0 || !set.contains(type))) {
      if (depth == 0 && (consumed || mayStopAtFirst) && startsStatementLine(tokens)) {
        stoppedAtLine = true;
        return;
      }
      if (type == DrillLexer.LBRACE) {
        depth++;
      } else if (type == DrillLexer.RBRACE && depth > 0) {
        depth--;
      }
      recognizer.consume();
      consumed = true;
      type = tokens.LA(1);
    }
  }

  /**
   * Whether the next token is the first of its line and a keyword that starts a statement
   * somewhere, or a word that looks like one ({@code cadense}). Not a keyword that goes on a
   * statement ({@code header}, {@code expect}, {@code every}): on a line of its own, that is the
   * rest of the broken statement.
   */
  private static boolean startsStatementLine(TokenStream tokens) {
    Token next = tokens.LT(1);
    Token previous = tokens.LT(-1);
    if (previous != null && next.getLine() <= SyntaxErrorListener.endLine(previous)) {
      return false;
    }
    return STATEMENT_STARTS.contains(next.getType()) || next.getType() == DrillLexer.NAME
        && SyntaxErrorListener.nearestKeyword(next.getText(), STATEMENT_STARTS).isPresent();
  }

  /** The tokens a statement of some block can start with: items, actions, probes, steps... */
  private static final IntervalSet STATEMENT_STARTS = statementStarts();

  private static IntervalSet statementStarts() {
    ATN atn = DrillParser._ATN;
    IntervalSet starts = new IntervalSet();
    for (int rule : new int[] {DrillParser.RULE_drill, DrillParser.RULE_drillItem, DrillParser.RULE_check,
        DrillParser.RULE_injectItem, DrillParser.RULE_signal, DrillParser.RULE_step, DrillParser.RULE_stepItem,
        DrillParser.RULE_commsDuty, DrillParser.RULE_ask, DrillParser.RULE_probe}) {
      starts.addAll(atn.nextTokens(atn.ruleToStartState[rule]));
    }
    return starts;
  }
}
