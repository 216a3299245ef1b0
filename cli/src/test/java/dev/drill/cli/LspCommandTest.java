package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drill lsp} as an editor starts it: a process speaking LSP on its stdin and stdout. */
class LspCommandTest {

  @TempDir Path dir;

  @Test
  void helpDescribesTheServer() {
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new String[] {"lsp", "--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
    assertTrue(out.toString().contains("Language Server Protocol"), out.toString());
  }

  @Test
  void theProcessPublishesDiagnosticsAndExitsWithZeroAfterShutdown() throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "lsp")
        .redirectError(dir.resolve("stderr.log").toFile())
        .start();
    LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(new Recorder(published),
        process.getInputStream(), process.getOutputStream());
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    server.initialize(init).get(60, TimeUnit.SECONDS);
    String uri = dir.resolve("bad.drill").toUri().toString();
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
        new TextDocumentItem(uri, "drill", 1, "drill x {\n  title \"t\" @\n}\n")));
    PublishDiagnosticsParams diagnostics = published.poll(60, TimeUnit.SECONDS);
    assertEquals(uri, diagnostics.getUri());
    assertEquals("D001", diagnostics.getDiagnostics().get(0).getCode().getLeft());
    assertEquals(1, diagnostics.getDiagnostics().get(0).getRange().getStart().getLine());
    assertEquals(12, diagnostics.getDiagnostics().get(0).getRange().getStart().getCharacter());
    server.shutdown().get(30, TimeUnit.SECONDS);
    server.exit();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "drill lsp did not end after exit");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("stderr.log")));
  }

  private record Recorder(LinkedBlockingQueue<PublishDiagnosticsParams> published) implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
