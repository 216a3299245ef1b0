package dev.drill.compiler.check.output;

import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.SourceFile;
import java.util.Optional;
import java.util.function.Function;

/** Every diagnostic as the compiler shows it (with the source excerpt when the file is known), then the summary. */
final class TextOutput {

  private TextOutput() {}

  static String render(CheckFindings findings, Function<String, Optional<SourceFile>> sources, boolean strict) {
    StringBuilder out = new StringBuilder();
    for (CheckFindings.Entry entry : findings.entries()) {
      for (Diagnostic d : entry.diagnostics()) {
        out.append(DiagnosticRenderer.render(d, sources.apply(d.span().file())));
      }
    }
    return out.append(SummaryLine.line(findings, strict)).append('\n').toString();
  }
}
