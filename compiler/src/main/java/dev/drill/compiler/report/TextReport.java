package dev.drill.compiler.report;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.SourceFile;
import java.util.Optional;
import java.util.function.Function;

/** Every diagnostic as the compiler shows it (with the source excerpt when the file is known), then the summary. */
final class TextReport {

  private TextReport() {}

  static String render(CheckReport report, Function<String, Optional<SourceFile>> sources, boolean strict) {
    StringBuilder out = new StringBuilder();
    for (CheckReport.Entry entry : report.entries()) {
      for (Diagnostic d : entry.diagnostics()) {
        out.append(DiagnosticRenderer.render(d, sources.apply(d.span().file())));
      }
    }
    return out.append(Summary.line(report, strict)).append('\n').toString();
  }
}
