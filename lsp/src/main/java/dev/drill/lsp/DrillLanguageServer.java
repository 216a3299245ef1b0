package dev.drill.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The drill language server ({@code drill lsp}): the compiler's diagnostics, formatter and
 * names, spoken over the Language Server Protocol. The compiler is its only parser.
 */
public final class DrillLanguageServer implements LanguageServer, LanguageClientAware {

  private final Documents documents = new Documents();
  private final DocumentService textDocuments = new DocumentService(documents);
  /** A changed file on disk may be one an open document imports: each is compiled again. */
  private final WorkspaceService workspace = new WorkspaceService() {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {}

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      textDocuments.recompileAll();
    }
  };
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private volatile boolean shutdown;

  private DrillLanguageServer() {}

  /**
   * Serves one client over the streams until it says {@code exit} or hangs up. Returns the
   * exit code the protocol asks for: 0 after a {@code shutdown} request, 1 otherwise.
   */
  public static int run(InputStream in, OutputStream out) {
    DrillLanguageServer server = new DrillLanguageServer();
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    Thread hangUp = new Thread(() -> {
      try {
        listening.get();
      } catch (InterruptedException | ExecutionException | CancellationException e) {
        // The connection ended either way.
      }
      server.exitCode.complete(server.shutdown ? 0 : 1);
    }, "drill-lsp-connection");
    hangUp.setDaemon(true);
    hangUp.start();
    int code = server.exitCode.join();
    listening.cancel(true);
    server.textDocuments.close();
    return code;
  }

  @Override
  public void connect(LanguageClient client) {
    textDocuments.connect(client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ServerCapabilities capabilities = new ServerCapabilities();
    capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
    capabilities.setDocumentFormattingProvider(true);
    capabilities.setDocumentSymbolProvider(true);
    capabilities.setFoldingRangeProvider(true);
    capabilities.setDefinitionProvider(true);
    capabilities.setReferencesProvider(true);
    capabilities.setHoverProvider(true);
    capabilities.setRenameProvider(true);
    capabilities.setCompletionProvider(new CompletionOptions(false, List.of("$", "{", "(", ",", " ")));
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("drill", DrillLanguageServer.class.getPackage().getImplementationVersion())));
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    exitCode.complete(shutdown ? 0 : 1);
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }
}
