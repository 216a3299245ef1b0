package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;

/** A name used as an attribute value, e.g. {@code kind security}. */
public record NameValue(SourceSpan span, String value) implements AttributeValue {}
