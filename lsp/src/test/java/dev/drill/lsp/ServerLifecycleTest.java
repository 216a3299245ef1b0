package dev.drill.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.HoverParams;
import org.junit.jupiter.api.Test;

/** The server's promises to any client: capabilities, exit codes, and no request that can bring it down. */
class ServerLifecycleTest {

  @Test
  void initializeAnnouncesFullSyncAndTheFeatures() throws Exception {
    try (LspClient client = LspClient.inProcess()) {
      InitializeResult result = client.initialize();
      var capabilities = result.getCapabilities();
      assertEquals(TextDocumentSyncKind.Full, capabilities.getTextDocumentSync().getLeft());
      assertTrue(capabilities.getDocumentFormattingProvider().getLeft());
      assertTrue(capabilities.getDocumentSymbolProvider().getLeft());
      assertTrue(capabilities.getDefinitionProvider().getLeft());
      assertTrue(capabilities.getReferencesProvider().getLeft());
      assertTrue(capabilities.getHoverProvider().getLeft());
      assertTrue(capabilities.getRenameProvider().getLeft());
      assertTrue(capabilities.getCompletionProvider() != null);
    }
  }

  @Test
  void exitAfterShutdownEndsTheServerWithZero() throws Exception {
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.server.shutdown().get(10, TimeUnit.SECONDS);
      client.server.exit();
      assertEquals(0, client.exitCode.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void exitWithoutShutdownEndsTheServerWithOne() throws Exception {
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      client.server.exit();
      assertEquals(1, client.exitCode.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aClientThatHangsUpEndsTheServer() throws Exception {
    LspClient client = LspClient.inProcess();
    client.initialize();
    client.close();
    assertEquals(1, client.exitCode.get(10, TimeUnit.SECONDS));
  }

  /** Every request, on texts a keystroke at a time from broken, answers: never an error, and the server lives on. */
  @Test
  void requestsOnBrokenDocumentsAnswerAndTheServerLivesOn() throws Exception {
    String uri = "file:///tmp/drill-lsp-broken/broken.drill";
    try (LspClient client = LspClient.inProcess()) {
      client.initialize();
      var documents = client.server.getTextDocumentService();
      TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
      for (String text : List.of("", "drill", "drill x {", "drill x { recover { step a by", "}}}{{{\"\"\"",
          "drill x { title \"\uD83D\uDD25 ${", "template t(a, { from", "\u0000\uFFFF", "drill x from (")) {
        client.open(uri, text);
        for (int line = 0; line < 2; line++) {
          for (int character : new int[] {0, 3, 40}) {
            var position = LspClient.at(uri, line, character).getPosition();
            documents.completion(new CompletionParams(id, position)).get(10, TimeUnit.SECONDS);
            documents.hover(new HoverParams(id, position)).get(10, TimeUnit.SECONDS);
            documents.definition(new DefinitionParams(id, position)).get(10, TimeUnit.SECONDS);
            documents.references(new ReferenceParams(id, position, new ReferenceContext(true))).get(10, TimeUnit.SECONDS);
            documents.rename(new RenameParams(id, position, "b")).handle((r, e) -> r).get(10, TimeUnit.SECONDS);
          }
        }
        documents.documentSymbol(new DocumentSymbolParams(id)).get(10, TimeUnit.SECONDS);
        documents.foldingRange(new FoldingRangeRequestParams(id)).get(10, TimeUnit.SECONDS);
        documents.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true))).get(10, TimeUnit.SECONDS);
      }
      client.open(uri, DrillFixtures.sample());
      client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
    }
  }
}
