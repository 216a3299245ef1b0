package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.time.Duration;

/** A duration literal such as {@code 1h30m}. */
public record DurationValue(SourceSpan span, Duration value, String text)
    implements AttributeValue {}
