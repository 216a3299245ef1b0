package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.Optional;

/** {@code expect json "PATH"}, with {@code count N} or {@code equals "JSON"} or neither. */
public record JsonCheck(SourceSpan span, Text path, Optional<NumberValue> count, Optional<Text> equals) {}
