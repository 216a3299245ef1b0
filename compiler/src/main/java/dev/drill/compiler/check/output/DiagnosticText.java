package dev.drill.compiler.check.output;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;

/** A diagnostic as plain text without a source excerpt, for formats that carry one message string. */
final class DiagnosticText {

  private DiagnosticText() {}

  /** {@code guides/x.md:42:1: error D604: message}, the first line the compiler prints. */
  static String headline(Diagnostic d) {
    return position(d.span()) + ": " + d.severity().label() + " " + d.code().name() + ": " + d.message();
  }

  /** The message, then each hint and the related note on a line of its own. */
  static String withHints(Diagnostic d) {
    StringBuilder text = new StringBuilder(d.message());
    d.hints().forEach(h -> text.append("\nhint: ").append(h));
    d.related().ifPresent(r -> text.append("\nnote: ").append(r.message()).append(" at ").append(position(r.span())));
    d.origin().ifPresent(r -> text.append("\nnote: ").append(r.message()).append(" at ").append(position(r.span())));
    return text.toString();
  }

  private static String position(SourceSpan span) {
    return span.file() + ":" + span.line() + ":" + span.column();
  }
}
