package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;

public record TextList(SourceSpan span, List<Text> texts) implements AttributeValue {
  public TextList {
    texts = List.copyOf(texts);
  }
}
