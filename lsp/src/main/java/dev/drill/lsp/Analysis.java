package dev.drill.lsp;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.DrillOutline;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One compile of an open document's text: its diagnostics, and the outline the editor
 * features read. {@code outline} is this text's when it parses, else the last one that did,
 * so that symbols and navigation keep working while a line is half typed.
 */
record Analysis(Document document, CompileResult compiled, DrillOutline outline) {

  /**
   * Compiles the text as the file it is open as, through a session of its own: imported
   * files are read from disk afresh, and nothing of an unsaved buffer outlives the compile.
   */
  static Analysis of(Document document, Optional<DrillOutline> lastParsed) {
    Library library = Library.session();
    CompileResult compiled = DrillCompiler.compile(document.path(), document.text().getBytes(StandardCharsets.UTF_8),
        library);
    DrillOutline outline = compiled.source().map(source -> DrillOutline.of(source, library))
        .orElse(DrillOutline.empty());
    if (outline.file().isEmpty() && lastParsed.isPresent()) {
      outline = lastParsed.get();
    }
    return new Analysis(document, compiled, outline);
  }

  /** The text of a file the analysis names (the document or a file it imports), for positions. */
  Optional<SourceFile> text(String file) {
    if (file.equals(document.path())) {
      return Optional.of(document.source());
    }
    return compiled.sourceOf(file);
  }
}
