package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;

/** The value of a metadata attribute: a text, a list of texts, a name or a duration. */
public sealed interface AttributeValue permits Text, TextList, NameValue, DurationValue {
  SourceSpan span();
}
