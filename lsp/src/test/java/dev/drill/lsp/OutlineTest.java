package dev.drill.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.syntax.Formatter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Formatting, the outline and folding of a document. */
class OutlineTest {

  @TempDir Path dir;

  @Test
  void formattingGivesWhatDrillFmtWrites() throws Exception {
    String uri = dir.resolve("messy.drill").toUri().toString();
    String messy = DrillFixtures.sample().replace("  title       \"", "title \"").replace("    check engine-up", "check   engine-up");
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, messy);
      List<? extends TextEdit> edits = client.server.getTextDocumentService()
          .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true)))
          .get(10, TimeUnit.SECONDS);
      assertEquals(1, edits.size());
      assertEquals(Formatter.format(new SourceFile("messy.drill", messy)).orElseThrow(), edits.get(0).getNewText());
      assertEquals(DocumentService.whole(messy), edits.get(0).getRange());
      client.change(uri, edits.get(0).getNewText());
      assertEquals(List.of(), client.server.getTextDocumentService()
          .formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri), new FormattingOptions(2, true)))
          .get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void symbolsAreTheDrillItsBlocksAndWhatTheyName() throws Exception {
    String uri = dir.resolve("engine.drill").toUri().toString();
    String text = DrillFixtures.sample();
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, text);
      List<DocumentSymbol> symbols = client.server.getTextDocumentService()
          .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS)
          .stream().map(e -> e.getRight()).toList();
      assertEquals(1, symbols.size());
      DocumentSymbol drill = symbols.get(0);
      assertEquals("matching-engine-crash", drill.getName());
      assertEquals(List.of("host", "port", "token", "roles", "setup", "teardown", "steady", "kill-engine", "detect",
          "recover", "comms", "abort", "debrief"), drill.getChildren().stream().map(DocumentSymbol::getName).toList());
      DocumentSymbol recover = drill.getChildren().get(9);
      assertEquals(List.of("declare", "restart", "replay"), recover.getChildren().stream().map(DocumentSymbol::getName).toList());
      DocumentSymbol restart = recover.getChildren().get(1);
      assertEquals("\"Restart the matching engine\" by operator within 10m", restart.getDetail());
      assertEquals(DiagnosticsTest.rangeOf(text, "restart \"Restart"), extend(restart.getSelectionRange(), 9));
      DocumentSymbol detect = drill.getChildren().get(8);
      assertEquals(List.of("health-failing", "alert-fired", "paged"),
          detect.getChildren().stream().map(DocumentSymbol::getName).toList());
      assertEquals(List.of("engine-up"), drill.getChildren().get(6).getChildren().stream().map(DocumentSymbol::getName).toList());
    }
  }

  @Test
  void everyBlockAndEveryTripleQuotedTextFolds() throws Exception {
    String uri = dir.resolve("engine.drill").toUri().toString();
    String text = DrillFixtures.sample();
    List<String> lines = text.lines().toList();
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.open(uri, text);
      List<FoldingRange> folds = client.server.getTextDocumentService()
          .foldingRange(new FoldingRangeRequestParams(new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
      List<String> starts = folds.stream().map(f -> lines.get(f.getStartLine()).trim()).toList();
      assertEquals("drill matching-engine-crash {", starts.get(0));
      assertEquals(lines.size() - 1, folds.get(0).getEndLine());
      for (String opener : List.of("summary     \"\"\"", "roles {", "steady {", "check engine-up", "detect all", "recover within",
          "step restart", "run \"\"\"", "comms {", "debrief {")) {
        assertTrue(starts.stream().anyMatch(s -> s.startsWith(opener)), opener + " folds: " + starts);
      }
      // A block on one line does not fold.
      assertTrue(starts.stream().noneMatch(s -> s.startsWith("setup")), starts.toString());
    }
  }

  private static org.eclipse.lsp4j.Range extend(org.eclipse.lsp4j.Range range, int characters) {
    return new org.eclipse.lsp4j.Range(range.getStart(),
        new org.eclipse.lsp4j.Position(range.getEnd().getLine(), range.getEnd().getCharacter() + characters));
  }
}
