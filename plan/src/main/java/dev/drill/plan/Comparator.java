package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/** A comparison operator of an expectation such as {@code expect status != 200}. */
public enum Comparator {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  @JsonValue
  public String symbol() {
    return symbol;
  }

  public boolean holds(BigDecimal actual, BigDecimal expected) {
    int c = actual.compareTo(expected);
    switch (this) {
      case EQ: return c == 0;
      case NE: return c != 0;
      case LT: return c < 0;
      case LE: return c <= 0;
      case GT: return c > 0;
      case GE: return c >= 0;
      default: throw new AssertionError(this);
    }
  }
}
