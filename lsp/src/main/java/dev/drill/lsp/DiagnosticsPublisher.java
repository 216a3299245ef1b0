package dev.drill.lsp;

import dev.drill.compiler.diagnostic.Severity;
import dev.drill.plan.SourceSpan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Compiles a document a short while after its last change and publishes what the compiler
 * found: in the document, and in each file it imports where a problem is written. One worker
 * thread compiles, so a document's diagnostics arrive in the order of its changes; a change
 * that comes before the wait is over replaces the pending compile.
 */
final class DiagnosticsPublisher implements AutoCloseable {

  /** Long enough to let a burst of keystrokes through, short enough to feel immediate. */
  static final Duration DEBOUNCE = Duration.ofMillis(50);

  private final Documents documents;
  private final Consumer<PublishDiagnosticsParams> client;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "drill-lsp-diagnostics");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  /** For each document, the other files it last published diagnostics to: cleared when fixed. */
  private final Map<String, Set<String>> publishedElsewhere = new ConcurrentHashMap<>();

  DiagnosticsPublisher(Documents documents, Consumer<PublishDiagnosticsParams> client) {
    this.documents = documents;
    this.client = client;
  }

  void changed(String uri) {
    ScheduledFuture<?> next = worker.schedule(() -> Safely.run("diagnostics", () -> publish(uri)),
        DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
    ScheduledFuture<?> before = pending.put(uri, next);
    if (before != null) {
      before.cancel(false);
    }
  }

  /** A closed document's diagnostics go with it. */
  void closed(String uri) {
    worker.execute(() -> Safely.run("diagnostics", () -> {
      client.accept(new PublishDiagnosticsParams(uri, List.of()));
      publishedElsewhere.getOrDefault(uri, Set.of()).forEach(other -> client.accept(new PublishDiagnosticsParams(other, List.of())));
      publishedElsewhere.remove(uri);
    }));
  }

  private void publish(String uri) {
    Analysis analysis = documents.analysis(uri).orElse(null);
    if (analysis == null) {
      return;
    }
    Map<String, List<Diagnostic>> byUri = new LinkedHashMap<>();
    byUri.put(uri, new ArrayList<>());
    for (dev.drill.compiler.diagnostic.Diagnostic found : analysis.compiled().diagnostics()) {
      String file = found.span().file();
      String target = file.equals(analysis.document().path()) ? uri : Document.uriOf(file);
      byUri.computeIfAbsent(target, u -> new ArrayList<>()).add(diagnostic(found, analysis));
    }
    Set<String> elsewhere = new HashSet<>(byUri.keySet());
    elsewhere.remove(uri);
    // An open imported file publishes its own diagnostics, from its own text.
    elsewhere.removeIf(other -> documents.get(other).isPresent());
    for (String stale : publishedElsewhere.getOrDefault(uri, Set.of())) {
      if (!elsewhere.contains(stale) && documents.get(stale).isEmpty()) {
        client.accept(new PublishDiagnosticsParams(stale, List.of()));
      }
    }
    publishedElsewhere.put(uri, elsewhere);
    client.accept(new PublishDiagnosticsParams(uri, byUri.get(uri), analysis.document().version()));
    elsewhere.forEach(other -> client.accept(new PublishDiagnosticsParams(other, byUri.get(other))));
  }

  /** The compiler's finding as LSP shows it: code, exact range, hints after the message, related places linked. */
  static Diagnostic diagnostic(dev.drill.compiler.diagnostic.Diagnostic found, Analysis analysis) {
    StringBuilder message = new StringBuilder(found.message());
    found.hints().forEach(hint -> message.append("\nhint: ").append(hint));
    Diagnostic diagnostic = new Diagnostic(Positions.range(found.span(), analysis.text(found.span().file())),
        message.toString(), found.severity() == Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        "drill", found.code().name());
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    found.related().ifPresent(r -> related.add(related(r.span(), r.message(), analysis)));
    found.origin().ifPresent(r -> related.add(related(r.span(), r.message(), analysis)));
    if (!related.isEmpty()) {
      diagnostic.setRelatedInformation(related);
    }
    return diagnostic;
  }

  private static DiagnosticRelatedInformation related(SourceSpan span, String message, Analysis analysis) {
    String uri = span.file().equals(analysis.document().path()) ? analysis.document().uri() : Document.uriOf(span.file());
    return new DiagnosticRelatedInformation(new Location(uri, Positions.range(span, analysis.text(span.file()))), message);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
