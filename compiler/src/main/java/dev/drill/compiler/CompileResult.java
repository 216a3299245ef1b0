package dev.drill.compiler;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What compiling one file gave: the plan when there is no error, and every diagnostic in
 * the order found. The source is absent only when the file could not be read as text;
 * {@code imported} holds the text of the files it imports, for the diagnostics located there.
 * {@code templatesOnly}: the file parsed, and holds templates and imports but no drill; it
 * gets no plan, and needs none. {@code idSpan}: where the file's one drill declares its id (the
 * name after {@code drill}), when it parsed.
 */
public record CompileResult(
    Optional<SourceFile> source, Optional<Plan> plan, List<Diagnostic> diagnostics, Map<String, SourceFile> imported,
    boolean templatesOnly, Optional<SourceSpan> idSpan) {

  public CompileResult {
    diagnostics = List.copyOf(diagnostics);
    imported = Map.copyOf(imported);
  }

  public CompileResult(Optional<SourceFile> source, Optional<Plan> plan, List<Diagnostic> diagnostics) {
    this(source, plan, diagnostics, Map.of(), false, Optional.empty());
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** The text of a file a diagnostic points into: the compiled file or one it imports. */
  public Optional<SourceFile> sourceOf(String file) {
    if (source.isPresent() && source.get().path().equals(file)) {
      return source;
    }
    return Optional.ofNullable(imported.get(file));
  }
}
