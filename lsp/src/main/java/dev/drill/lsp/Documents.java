package dev.drill.lsp;

import dev.drill.compiler.DrillOutline;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open documents and their latest analyses. Safe between the protocol's thread and the
 * diagnostics worker: an analysis is computed at most once per version, by whoever asks first.
 */
final class Documents {

  private final Map<String, Document> open = new ConcurrentHashMap<>();
  private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
  private final Map<String, DrillOutline> lastParsed = new ConcurrentHashMap<>();

  void put(Document document) {
    open.put(document.uri(), document);
  }

  void close(String uri) {
    open.remove(uri);
    analyses.remove(uri);
    lastParsed.remove(uri);
  }

  Optional<Document> get(String uri) {
    return Optional.ofNullable(open.get(uri));
  }

  Collection<Document> all() {
    return open.values();
  }

  /** The URI of an open document, when the path a span names is one. */
  Optional<String> uriOfPath(String path) {
    return open.values().stream().filter(d -> d.path().equals(path)).map(Document::uri).findFirst();
  }

  /** The analysis of the document's current text; compiled now when the last one is of an older version. */
  Optional<Analysis> analysis(String uri) {
    Optional<Document> document = get(uri);
    if (document.isEmpty()) {
      return Optional.empty();
    }
    synchronized (this) {
      Analysis known = analyses.get(uri);
      if (known != null && known.document().equals(document.get())) {
        return Optional.of(known);
      }
      Analysis fresh = Analysis.of(document.get(), Optional.ofNullable(lastParsed.get(uri)));
      fresh.outline().file().ifPresent(ast -> lastParsed.put(uri, fresh.outline()));
      if (open.containsKey(uri)) {
        analyses.put(uri, fresh);
      }
      return Optional.of(fresh);
    }
  }
}
