package dev.drill.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Diagnostics as the author types: the compiler's code, message, hints and exact range; gone once fixed. */
class DiagnosticsTest {

  @TempDir Path dir;

  @Test
  void anUnknownRoleIsUnderlinedWithItsCodeAndClearedAfterTheFix() throws Exception {
    String uri = dir.resolve("engine.drill").toUri().toString();
    String good = DrillFixtures.sample();
    String bad = good.replace("by operator after restart", "by operater after restart");
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, good);
      client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
      client.change(uri, bad);
      Diagnostic d = client.awaitDiagnostics(uri, p -> !p.getDiagnostics().isEmpty()).getDiagnostics().get(0);
      assertEquals("D202", d.getCode().getLeft());
      assertEquals(DiagnosticSeverity.Error, d.getSeverity());
      assertEquals("drill", d.getSource());
      assertTrue(d.getMessage().startsWith("unknown role 'operater'"), d.getMessage());
      assertTrue(d.getMessage().contains("\nhint: "), d.getMessage());
      assertEquals(rangeOf(bad, "operater"), d.getRange());
      client.change(uri, good);
      client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
    }
  }

  /** Columns count UTF-16 units in LSP and code points in drill: an emoji before the name takes two. */
  @Test
  void rangesAfterAnEmojiAreInUtf16Units() throws Exception {
    String uri = dir.resolve("emoji.drill").toUri().toString();
    String bad = DrillFixtures.sample().replace("step declare \"Declare the incident and assign roles\" by commander",
        "step declare \"Declare \uD83D\uDD25 the incident\" by commandr");
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, bad);
      Diagnostic d = client.awaitDiagnostics(uri, p -> !p.getDiagnostics().isEmpty()).getDiagnostics().get(0);
      assertEquals(rangeOf(bad, "commandr"), d.getRange());
    }
  }

  @Test
  void aSyntaxErrorIsPublishedWithItsCode() throws Exception {
    String uri = dir.resolve("syntax.drill").toUri().toString();
    String bad = DrillFixtures.sample().replace("timebox     90m", "timebox     90x");
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, bad);
      Diagnostic d = client.awaitDiagnostics(uri, p -> !p.getDiagnostics().isEmpty()).getDiagnostics().get(0);
      assertEquals("D005", d.getCode().getLeft());
      assertEquals(rangeOf(bad, "90x"), d.getRange());
    }
  }

  /** A problem in an imported file is shown in that file, and at the import that brings it in. */
  @Test
  void problemsOfAnImportedFileArePublishedToItsUri() throws Exception {
    Path drill = DrillFixtures.project(dir);
    Path library = drill.resolveSibling("lib/web.drill");
    String broken = DrillFixtures.LIBRARY.replace("expect status 200", "expect status 200 every 5x");
    Files.writeString(library, broken);
    String uri = drill.toUri().toString();
    String libraryUri = library.toRealPath().toUri().toString();
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, DrillFixtures.BUILT);
      Diagnostic inLibrary = client.awaitDiagnostics(libraryUri, p -> !p.getDiagnostics().isEmpty())
          .getDiagnostics().get(0);
      assertEquals(rangeOf(broken, "5x"), inLibrary.getRange());
      Diagnostic atImport = client.awaitDiagnostics(uri, p -> !p.getDiagnostics().isEmpty()).getDiagnostics().get(0);
      assertEquals("D814", atImport.getCode().getLeft());
      assertEquals(rangeOf(DrillFixtures.BUILT, "\"lib/web.drill\""), atImport.getRange());
      Files.writeString(library, DrillFixtures.LIBRARY);
      client.change(uri, DrillFixtures.BUILT + "\n");
      client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
      client.awaitDiagnostics(libraryUri, p -> p.getDiagnostics().isEmpty());
    }
  }

  /** The LSP range of the first occurrence of a word in a text. */
  static Range rangeOf(String text, String word) {
    int offset = text.indexOf(word);
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    int character = offset - (text.lastIndexOf('\n', offset - 1) + 1);
    return new Range(new Position(line, character), new Position(line, character + word.length()));
  }
}
