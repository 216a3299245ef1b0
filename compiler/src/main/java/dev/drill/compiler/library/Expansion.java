package dev.drill.compiler.library;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/**
 * A drill with its templates expanded: its items merged over theirs, and the chain it was
 * built through (its own {@code from} first), or the problems that stopped the expansion.
 */
public record Expansion(Optional<Drill> drill, List<Instantiation> chain, List<Diagnostic> diagnostics) {

  public Expansion {
    chain = List.copyOf(chain);
    diagnostics = List.copyOf(diagnostics);
  }

  /** One link of the chain: the template, and the {@code from} that named it. */
  public record Instantiation(String template, SourceSpan from) {}
}
