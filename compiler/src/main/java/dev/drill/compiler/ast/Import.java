package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;

/** {@code import "PATH"}: a file of templates, relative to the importing file. */
public record Import(SourceSpan span, Text path) {}
