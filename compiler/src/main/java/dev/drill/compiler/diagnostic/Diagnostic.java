package dev.drill.compiler.diagnostic;

import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * One finding about a source file: what rule, how bad, where, in words, and what to do.
 * {@code related} points at a second place that explains the first (the earlier
 * declaration of a duplicate, the block a budget must fit in). {@code origin}, for a
 * finding in a template's text, points at the drill built from it ({@code from ...}).
 */
public record Diagnostic(
    Code code,
    Severity severity,
    SourceSpan span,
    String message,
    List<String> hints,
    Optional<Related> related,
    Optional<Related> origin) {

  public Diagnostic {
    hints = List.copyOf(hints);
  }

  public Diagnostic(Code code, Severity severity, SourceSpan span, String message, List<String> hints,
      Optional<Related> related) {
    this(code, severity, span, message, hints, related, Optional.empty());
  }

  public record Related(SourceSpan span, String message) {}

  public static Diagnostic of(Code code, SourceSpan span, String message, String... hints) {
    return new Diagnostic(code, code.severity(), span, message, List.of(hints), Optional.empty());
  }

  public Diagnostic withRelated(SourceSpan span, String message) {
    return new Diagnostic(code, severity, this.span, this.message, hints,
        Optional.of(new Related(span, message)), origin);
  }

  public Diagnostic withOrigin(SourceSpan span, String message) {
    return new Diagnostic(code, severity, this.span, this.message, hints, related,
        Optional.of(new Related(span, message)));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
