package dev.drill.compiler.library;

import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A file as the library read it, once: where it really is (symlinks followed, so that two
 * spellings of one file are one file), its text, its AST when it parsed, and what reading
 * and parsing it found. Its imports are not resolved here: that depends on who asks.
 */
record LibraryFile(Path realPath, Optional<SourceFile> source, Optional<DrillFile> ast, List<Diagnostic> diagnostics) {

  LibraryFile {
    diagnostics = List.copyOf(diagnostics);
  }
}
