package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/** An action as written: in setup, teardown, inject, undo and recovery steps. */
public sealed interface Action {

  SourceSpan span();

  record Run(SourceSpan span, Text command, Optional<DurationValue> timeout) implements Action {}

  record Http(
      SourceSpan span,
      Name method,
      Text url,
      List<HttpOption> options,
      Optional<Comparison> expectStatus)
      implements Action {
    public Http {
      options = List.copyOf(options);
    }
  }

  record Manual(SourceSpan span, Text instruction) implements Action {}

  record Wait(SourceSpan span, DurationValue duration) implements Action {}
}
