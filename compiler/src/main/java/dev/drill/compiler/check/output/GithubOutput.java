package dev.drill.compiler.check.output;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;

/**
 * The findings as GitHub Actions workflow commands, which GitHub shows as annotations on
 * the pull request's files:
 *
 * <pre>
 * ::error file=guides/x.md,line=42,col=1,endLine=42,endColumn=9,title=D604 step without a section in the guide::message%0Ahint: ...
 * </pre>
 *
 * then the plain summary line. Values are escaped as the Actions toolkit escapes them.
 */
final class GithubOutput {

  private GithubOutput() {}

  static String render(CheckFindings findings, boolean strict) {
    StringBuilder out = new StringBuilder();
    for (CheckFindings.Entry entry : findings.entries()) {
      entry.diagnostics().forEach(d -> out.append(command(d)).append('\n'));
    }
    return out.append(SummaryLine.line(findings, strict)).append('\n').toString();
  }

  static String command(Diagnostic d) {
    SourceSpan span = d.span();
    StringBuilder out = new StringBuilder("::").append(d.severity().label())
        .append(" file=").append(property(span.file()))
        .append(",line=").append(span.line());
    // GitHub takes columns only for an annotation on a single line.
    if (span.endLine() == span.line()) {
      out.append(",col=").append(span.column())
          .append(",endLine=").append(span.endLine())
          .append(",endColumn=").append(Math.max(span.column(), span.endColumn()));
    } else {
      out.append(",endLine=").append(span.endLine());
    }
    out.append(",title=").append(property(d.code().name() + " " + d.code().title()))
        .append("::").append(data(DiagnosticText.withHints(d)));
    return out.toString();
  }

  /** Escapes a message the way the toolkit's {@code escapeData} does. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value the way the toolkit's {@code escapeProperty} does. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
