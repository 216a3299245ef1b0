package dev.drill.compiler.syntax;

import dev.drill.grammar.DrillLexer;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's error recovery, made aware of blocks so that one mistake does not hide the next.
 * When it skips input to resynchronise, it skips a whole {@code { ... }} group at a time:
 * the closing brace of a misspelt block is never taken for the end of the enclosing one.
 * A bad first statement of a block is skipped like a bad later one, up to the next
 * statement keyword, instead of abandoning the whole block. And a brace is never deleted
 * as a stray token.
 */
final class BlockErrorStrategy extends DefaultErrorStrategy {

  @Override
  public void sync(Parser recognizer) throws RecognitionException {
    ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
    if (inErrorRecoveryMode(recognizer) || state.getStateType() != ATNState.STAR_LOOP_ENTRY) {
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
    int type = tokens.LA(1);
    while (type != Token.EOF && (depth > 0 || !set.contains(type))) {
      if (type == DrillLexer.LBRACE) {
        depth++;
      } else if (type == DrillLexer.RBRACE && depth > 0) {
        depth--;
      }
      recognizer.consume();
      type = tokens.LA(1);
    }
  }
}
