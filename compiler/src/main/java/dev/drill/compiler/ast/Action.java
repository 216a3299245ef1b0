package dev.drill.compiler.ast;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/** An action as written: in setup, teardown, inject, undo and recovery steps. */
public sealed interface Action {

  SourceSpan span();

  /** The visitor's method for this kind of action. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of action: a new kind is a compile error wherever every kind must be handled. */
  interface Visitor<R> {
    R visit(Run run);

    R visit(Http http);

    R visit(Manual manual);

    R visit(Wait wait);
  }

  record Run(SourceSpan span, Text command, Optional<DurationValue> timeout, Optional<NumberCheck> expectExit)
      implements Action {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Http(
      SourceSpan span,
      Name method,
      Text url,
      List<HttpOption> options,
      Optional<NumberCheck> expectStatus,
      Optional<DurationValue> timeout)
      implements Action {
    public Http {
      options = List.copyOf(options);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Manual(SourceSpan span, Text instruction) implements Action {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Wait(SourceSpan span, DurationValue duration) implements Action {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }
}
