package dev.drill.plan;

import java.math.BigDecimal;

/** A number compared with an operator: {@code != 200}, {@code > 0.5}. */
public record Expectation(Comparator op, BigDecimal value) {

  public boolean holds(BigDecimal actual) {
    return op.holds(actual, value);
  }

  @Override
  public String toString() {
    return op.symbol() + " " + value.toPlainString();
  }
}
