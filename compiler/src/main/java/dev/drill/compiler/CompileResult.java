package dev.drill.compiler;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * What compiling one file gave: the plan when there is no error, and every diagnostic in
 * source order. The source is absent only when the file could not be read as text.
 */
public record CompileResult(Optional<SourceFile> source, Optional<Plan> plan, List<Diagnostic> diagnostics) {

  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
