package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;

/** A name as written: a drill, step, role or param id, or a word such as an HTTP method. */
public record Name(SourceSpan span, String value) {}
