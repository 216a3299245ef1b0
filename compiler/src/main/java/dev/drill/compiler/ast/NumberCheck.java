package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;

/** What a status or exit status must be: {@code != 0}, {@code in 200, 204}, {@code between 200 and 299}. */
public sealed interface NumberCheck permits Comparison, NumberCheck.OneOf, NumberCheck.Between {

  SourceSpan span();

  /** Every number written, in source order. */
  List<NumberValue> numbers();

  record OneOf(SourceSpan span, List<NumberValue> values) implements NumberCheck {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public List<NumberValue> numbers() {
      return values;
    }
  }

  record Between(SourceSpan span, NumberValue low, NumberValue high) implements NumberCheck {
    @Override
    public List<NumberValue> numbers() {
      return List.of(low, high);
    }
  }
}
