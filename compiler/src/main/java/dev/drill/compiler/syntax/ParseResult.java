package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/** The AST when the file is free of lexical and syntax errors, and what was found. */
public record ParseResult(Optional<DrillFile> ast, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }
}
