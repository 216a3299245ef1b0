package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * {@code template NAME(PARAMS) [from OTHER(ARGS)] { ITEMS }}: a drill body whose
 * {@code ${param}} references are replaced by arguments when a drill is built from it.
 */
public record Template(
    SourceSpan span, Name name, List<Parameter> parameters, Optional<TemplateCall> from, List<DrillItem> items) {

  public Template {
    parameters = List.copyOf(parameters);
    items = List.copyOf(items);
  }

  /** {@code NAME} or {@code NAME = "DEFAULT"} in a template's parameter list. */
  public record Parameter(SourceSpan span, Name name, Optional<Text> defaultValue) {}
}
