package dev.drill.compiler.ast;

import dev.drill.plan.Comparator;
import dev.drill.plan.SourceSpan;

/** {@code != 200}; a bare number means {@code ==}. */
public record Comparison(SourceSpan span, Comparator op, NumberValue value) {}
