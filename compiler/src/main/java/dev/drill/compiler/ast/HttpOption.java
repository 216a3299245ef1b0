package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;

/** A request detail of an http action or probe. */
public sealed interface HttpOption {

  SourceSpan span();

  record Header(SourceSpan span, Text name, Text value) implements HttpOption {}

  record Body(SourceSpan span, Text body) implements HttpOption {}
}
