package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;

/** {@code from NAME(a = "...", ...)}: the template a drill or a template is built from. */
public record TemplateCall(SourceSpan span, Name template, List<Argument> arguments) {

  public TemplateCall {
    arguments = List.copyOf(arguments);
  }

  /** {@code NAME = "VALUE"}: arguments are named, never positional. */
  public record Argument(SourceSpan span, Name name, Text value) {}
}
