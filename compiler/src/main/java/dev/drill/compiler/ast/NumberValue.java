package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.math.BigDecimal;

public record NumberValue(SourceSpan span, BigDecimal value) {}
