package dev.drill.lsp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentPositionParams;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP4J client talking JSON-RPC to a server: either the server started in this JVM
 * over pipes, or a {@code drill lsp} process over its stdio. Records every publishDiagnostics.
 */
final class LspClient implements LanguageClient, AutoCloseable {

  final Map<String, List<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();
  LanguageServer server;
  CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private int version;

  /** A server in this JVM, on its own threads, over piped streams. */
  static LspClient inProcess() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream toServer = new PipedOutputStream(serverIn);
    PipedInputStream clientIn = new PipedInputStream(1 << 16);
    PipedOutputStream toClient = new PipedOutputStream(clientIn);
    LspClient client = new LspClient();
    Thread serverThread = new Thread(() -> {
      int code = DrillLanguageServer.run(serverIn, toClient);
      client.exitCode.complete(code);
    }, "test-server");
    serverThread.setDaemon(true);
    serverThread.start();
    client.connect(clientIn, toServer);
    client.resources.add(toServer);
    return client;
  }

  void connect(InputStream in, OutputStream out) {
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, in, out);
    server = launcher.getRemoteProxy();
    launcher.startListening();
  }

  InitializeResult initialize() throws Exception {
    InitializeParams params = new InitializeParams();
    params.setCapabilities(new ClientCapabilities());
    InitializeResult result = server.initialize(params).get(30, TimeUnit.SECONDS);
    server.initialized(new org.eclipse.lsp4j.InitializedParams());
    return result;
  }

  void open(String uri, String text) {
    published.remove(uri);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "drill", ++version, text)));
  }

  void change(String uri, String text) {
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, ++version), List.of(new TextDocumentContentChangeEvent(text))));
  }

  /** Waits until the latest publication to the URI satisfies the test. */
  PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> test) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      List<PublishDiagnosticsParams> seen = published.getOrDefault(uri, List.of());
      synchronized (seen) {
        if (!seen.isEmpty() && test.test(seen.get(seen.size() - 1))) {
          return seen.get(seen.size() - 1);
        }
      }
      Thread.sleep(5);
    }
    return fail("no diagnostics as expected for " + uri + "; published: " + published.get(uri));
  }

  static TextDocumentPositionParams at(String uri, int line, int character) {
    return new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new Position(line, character));
  }

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
    List<PublishDiagnosticsParams> list = published.computeIfAbsent(diagnostics.getUri(), u -> new ArrayList<>());
    synchronized (list) {
      list.add(diagnostics);
    }
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

  @Override
  public void close() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }
}
