package dev.drill.compiler;

import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.library.Scope;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.syntax.ParseResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an editor shows of a file besides its diagnostics: the file's AST, with the spans of
 * every name, and the ASTs of the files it imports (by the path their spans name them with),
 * so that a name can be followed into another file. The parses come from the session: after
 * {@link DrillCompiler#compile(String, byte[], Library)} of the same text in the same session,
 * nothing is parsed again. {@code file} is empty when the file has syntax errors.
 */
public record DrillOutline(Optional<DrillFile> file, Map<String, DrillFile> imported) {

  public DrillOutline {
    imported = Map.copyOf(imported);
  }

  /** The outline of a file with syntax errors: nothing to show. */
  public static DrillOutline empty() {
    return new DrillOutline(Optional.empty(), Map.of());
  }

  /** The outline of a file already read, its imports resolved from its path. */
  public static DrillOutline of(SourceFile source, Library library) {
    Path path = Path.of(source.path());
    ParseResult parsed = library.parse(source, path);
    if (parsed.ast().isEmpty()) {
      return empty();
    }
    Scope scope = library.scope(path, parsed.ast().get());
    Map<String, DrillFile> imported = new LinkedHashMap<>();
    scope.sources().forEach((shown, text) ->
        library.parse(text, Path.of(shown)).ast().ifPresent(ast -> imported.put(shown, ast)));
    return new DrillOutline(parsed.ast(), imported);
  }
}
