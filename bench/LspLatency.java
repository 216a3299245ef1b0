import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Time from a didChange to the publishDiagnostics of that version, against `./drill lsp` as an
 * editor starts it: a sample drill and a generated 2,000-line drill, each changed one keystroke
 * at a time (a changing comment, so the drill stays valid and is compiled in full), after a
 * warm-up. Prints one line per drill: lines, median, p95 and max in milliseconds.
 */
public class LspLatency {

  static final java.util.Map<Integer, CompletableFuture<Long>> WAITING = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int changes = Integer.parseInt(args.length > 1 ? args[1] : "200");
    Process server = new ProcessBuilder(root.resolve("drill").toString(), "lsp")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    var launcher = LSPLauncher.createClientLauncher(new Client(), server.getInputStream(), server.getOutputStream());
    launcher.startListening();
    LanguageServer lsp = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setCapabilities(new ClientCapabilities());
    lsp.initialize(init).get(60, TimeUnit.SECONDS);
    lsp.initialized(new InitializedParams());
    Path work = Files.createTempDirectory("drill-lsp-bench");
    Files.createDirectories(work.resolve(".git"));
    String sample = Files.readString(root.resolve("samples/drills/matching-engine-crash.drill"));
    measure(lsp, work.resolve("sample.drill"), sample, changes);
    measure(lsp, work.resolve("large.drill"), large(2000), changes);
    lsp.shutdown().get(10, TimeUnit.SECONDS);
    lsp.exit();
    server.waitFor(10, TimeUnit.SECONDS);
  }

  static int version;

  static void measure(LanguageServer lsp, Path file, String text, int changes) throws Exception {
    String uri = file.toUri().toString();
    CompletableFuture<Long> opened = expect(++version);
    lsp.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "drill", version, text)));
    opened.get(60, TimeUnit.SECONDS);
    List<Double> millis = new ArrayList<>();
    int warmup = changes / 2;
    for (int i = 0; i < warmup + changes; i++) {
      String changed = text + "# edit " + i + "\n";
      CompletableFuture<Long> published = expect(++version);
      long start = System.nanoTime();
      lsp.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
          List.of(new TextDocumentContentChangeEvent(changed))));
      long end = published.get(60, TimeUnit.SECONDS);
      if (i >= warmup) {
        millis.add((end - start) / 1e6);
      }
    }
    millis.sort(Double::compare);
    System.out.printf(java.util.Locale.ROOT, "%s lines=%d changes=%d median_ms=%.1f p95_ms=%.1f max_ms=%.1f%n",
        file.getFileName(), text.lines().count(), changes, millis.get(millis.size() / 2),
        millis.get((int) (millis.size() * 0.95)), millis.get(millis.size() - 1));
  }

  static CompletableFuture<Long> expect(int version) {
    CompletableFuture<Long> future = new CompletableFuture<>();
    WAITING.put(version, future);
    return future;
  }

  /** A valid drill of about this many lines: a long recovery of realistic steps. */
  static String large(int lines) {
    StringBuilder text = new StringBuilder("""
        drill large {
          title "A very long procedure"
          owner "platform"
          param host = "app.staging.internal"
          roles {
            operator "Runs the steps"
          }
          inject stop { run "ssh ${host} sudo systemctl stop app" undo "ssh ${host} sudo systemctl start app" }
          detect any within 5m {
            signal down "Health check fails" { http GET "http://${host}:8080/health" expect status != 200 every 10s }
          }
          recover {
        """);
    int step = 0;
    while (text.chars().filter(c -> c == '\n').count() < lines - 3) {
      text.append("    step step-").append(step).append(" \"Bring part ").append(step).append(" back\" by operator")
          .append(step > 0 ? " after step-" + (step - 1) : "").append(" {\n")
          .append("      run \"\"\"\n        ssh ${host} sudo systemctl restart app-part-").append(step).append("\n")
          .append("        ssh ${host} app-admin warm-cache --part ").append(step).append("\n      \"\"\"\n")
          .append("      verify { http GET \"http://${host}:8080/parts/").append(step).append("\" expect status 200 } within 1m\n")
          .append("    }\n");
      step++;
    }
    return text.append("  }\n}\n").toString();
  }

  static class Client implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      long now = System.nanoTime();
      if (!diagnostics.getDiagnostics().isEmpty()) {
        System.err.println("bench: unexpected diagnostics " + diagnostics.getDiagnostics());
      }
      if (diagnostics.getVersion() != null) {
        CompletableFuture<Long> waiting = WAITING.remove(diagnostics.getVersion());
        if (waiting != null) {
          waiting.complete(now);
        }
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
  }
}
