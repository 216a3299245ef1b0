package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.NameValue;
import dev.drill.compiler.ast.NumberValue;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.syntax.DirectParser.NotPlain;
import dev.drill.compiler.syntax.DirectTokens.Kind;
import dev.drill.plan.SourceSpan;
import java.math.BigDecimal;
import java.util.Optional;

/** Where the {@link DirectParser} is in the tokens, and the grammar's terminal rules. */
final class DirectCursor {

  private final DirectTokens tokens;
  private int at;

  DirectCursor(DirectTokens tokens) {
    this.tokens = tokens;
  }

  int position() {
    return at;
  }

  /** Moves past the current token; its index. */
  int advance() {
    return at++;
  }

  Kind kind(int token) {
    return tokens.kind(token);
  }

  SourceSpan tokenSpan(int token) {
    return tokens.span(token);
  }

  /** The file's span: from its first token to EOF, which ANTLR's file rule ends with. */
  SourceSpan spanOfFile() {
    return tokens.span(0, at);
  }

  NumberValue number() {
    int token = expect(Kind.NUMBER);
    return new NumberValue(tokens.span(token), new BigDecimal(tokens.text(token)));
  }

  DurationValue duration() {
    int token = expect(Kind.DURATION);
    return new DurationValue(tokens.span(token), tokens.duration(token), tokens.text(token));
  }

  /** The grammar's {@code name}: a NAME, or any keyword. */
  Name name() {
    if (!kind().isName()) {
      throw NotPlain.INSTANCE;
    }
    return new Name(tokens.span(at), tokens.text(at++));
  }

  NameValue nameValue() {
    Name name = name();
    return new NameValue(name.span(), name.value());
  }

  Text text() {
    return tokens.decoded(expect(Kind.STRING));
  }

  Optional<Text> optionalText() {
    return kind() == Kind.STRING ? Optional.of(text()) : Optional.empty();
  }

  /** The current token's kind. */
  Kind kind() {
    return tokens.kind(at);
  }

  /** Moves past the current token when it is of this kind. */
  boolean accept(Kind kind) {
    if (tokens.kind(at) == kind) {
      at++;
      return true;
    }
    return false;
  }

  /** The current token's index, moving past it; the direct parse ends when it is of another kind. */
  int expect(Kind kind) {
    if (tokens.kind(at) != kind) {
      throw NotPlain.INSTANCE;
    }
    return at++;
  }

  /** From the token at {@code start} to the last one consumed. */
  SourceSpan span(int start) {
    return tokens.span(start, at - 1);
  }
}
