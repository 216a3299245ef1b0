package dev.drill.compiler.ast;

import dev.drill.plan.Comparator;
import dev.drill.plan.SourceSpan;
import java.util.List;

/** {@code != 200}; a bare number means {@code ==}. */
public record Comparison(SourceSpan span, Comparator op, NumberValue value) implements NumberCheck {

  @Override
  public List<NumberValue> numbers() {
    return List.of(value);
  }
}
