package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.ctk.document.Node;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with an experiment, or approximated in its drill, each at its line and column. */
final class Findings {

  private final String file;
  private final List<Diagnostic> found = new ArrayList<>();

  Findings(String file) {
    this.file = file;
  }

  void add(Code code, Node.Position at, String message, String... hints) {
    found.add(Diagnostic.of(code, SourceSpan.at(file, at.line(), at.column()), message, hints));
  }

  boolean hasErrors() {
    return found.stream().anyMatch(Diagnostic::isError);
  }

  List<Diagnostic> all() {
    return List.copyOf(found);
  }
}
