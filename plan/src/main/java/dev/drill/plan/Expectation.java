package dev.drill.plan;

import java.math.BigDecimal;
import java.util.List;

/** A number compared with an operator: {@code != 200}, {@code > 0.5}. */
public record Expectation(Comparator op, BigDecimal value) implements NumberExpectation {

  @Override
  public boolean holds(BigDecimal actual) {
    return op.holds(actual, value);
  }

  @Override
  public List<BigDecimal> numbers() {
    return List.of(value);
  }

  @Override
  public String toString() {
    return op.symbol() + " " + value.toPlainString();
  }
}
