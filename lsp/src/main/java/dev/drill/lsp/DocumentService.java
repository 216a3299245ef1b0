package dev.drill.lsp;

import dev.drill.compiler.syntax.Formatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text document half of the protocol: keeps the open documents, has them compiled as
 * they change, and answers each request from the latest analysis. Every answer goes through
 * {@link Safely}: a request that fails is logged and answered empty.
 */
final class DocumentService implements TextDocumentService, AutoCloseable {

  private final Documents documents;
  private DiagnosticsPublisher diagnostics;

  DocumentService(Documents documents) {
    this.documents = documents;
  }

  void connect(LanguageClient client) {
    diagnostics = new DiagnosticsPublisher(documents, client::publishDiagnostics);
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    Safely.run("didOpen", () -> {
      var item = params.getTextDocument();
      documents.put(Document.of(item.getUri(), item.getVersion(), item.getText()));
      diagnostics.changed(item.getUri());
    });
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    Safely.run("didChange", () -> {
      var changes = params.getContentChanges();
      if (changes.isEmpty()) {
        return;
      }
      String uri = params.getTextDocument().getUri();
      // Full sync: the last change holds the whole text.
      documents.put(Document.of(uri, params.getTextDocument().getVersion(), changes.get(changes.size() - 1).getText()));
      diagnostics.changed(uri);
    });
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    Safely.run("didClose", () -> {
      documents.close(params.getTextDocument().getUri());
      diagnostics.closed(params.getTextDocument().getUri());
    });
  }

  /** A saved file may be imported by another open one: each is compiled again. */
  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    recompileAll();
  }

  void recompileAll() {
    Safely.run("recompile", () -> documents.all().forEach(d -> diagnostics.changed(d.uri())));
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    return answer("formatting", List.of(), () -> documents.get(params.getTextDocument().getUri())
        .flatMap(document -> Formatter.format(document.source())
            .filter(formatted -> !formatted.equals(document.text()))
            .map(formatted -> List.of(new TextEdit(whole(document.text()), formatted))))
        .orElse(List.of()));
  }

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    return answer("documentSymbol", List.of(), () -> documents.analysis(params.getTextDocument().getUri())
        .map(analysis -> Symbols.of(analysis).stream()
            .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList())
        .orElse(List.of()));
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    return answer("foldingRange", List.of(), () -> documents.analysis(params.getTextDocument().getUri())
        .map(Folding::of).orElse(List.of()));
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
      DefinitionParams params) {
    return answer("definition", Either.forLeft(List.of()), () -> Either.forLeft(
        navigation(params.getTextDocument().getUri()).map(n -> n.definition(params.getPosition())).orElse(List.of())));
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    return answer("references", List.of(), () -> navigation(params.getTextDocument().getUri())
        .map(n -> n.references(params.getPosition(), params.getContext().isIncludeDeclaration())).orElse(List.of()));
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    return answer("rename", new WorkspaceEdit(), () -> navigation(params.getTextDocument().getUri())
        .map(n -> n.rename(params.getPosition(), params.getNewName())).orElse(new WorkspaceEdit()));
  }

  /** What the name under the cursor names, or what the keyword under it means. */
  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument().getUri();
    return answer("hover", null, () -> navigation(uri).flatMap(n -> n.hover(params.getPosition()))
        .or(() -> documents.get(uri).flatMap(d -> Words.at(d.text(), params.getPosition()))
            .flatMap(word -> KeywordDocs.of(word).map(doc -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, doc)))))
        .orElse(null));
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    return answer("completion", Either.forLeft(List.of()), () -> Either.forLeft(
        documents.analysis(params.getTextDocument().getUri())
            .map(analysis -> Completions.at(analysis, params.getPosition())).orElse(List.of())));
  }

  private Optional<Navigation> navigation(String uri) {
    return documents.analysis(uri).flatMap(Navigation::in);
  }

  /** The range of a whole text: from its start to just after its last character. */
  static Range whole(String text) {
    int line = 0;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    return new Range(new Position(0, 0), new Position(line, text.length() - lineStart));
  }

  /** The answer, or the empty one when computing it failed; a refusal (a rename to a bad name) is the client's error. */
  private static <T> CompletableFuture<T> answer(String request, T empty, Supplier<T> answer) {
    try {
      return CompletableFuture.completedFuture(Safely.get(request, empty, answer));
    } catch (ResponseErrorException refused) {
      return CompletableFuture.failedFuture(refused);
    }
  }

  @Override
  public void close() {
    if (diagnostics != null) {
      diagnostics.close();
    }
  }
}
