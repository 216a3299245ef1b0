package dev.drill.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion in each context, on text half typed (so it does not compile) after a version that did. */
class CompletionTest {

  @TempDir Path dir;
  private LspClient client;
  private String uri;

  @BeforeEach
  void open() throws Exception {
    uri = DrillFixtures.project(dir).toUri().toString();
    client = LspClient.inProcess();
    client.initialize();
    client.open(uri, DrillFixtures.BUILT);
    client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
  }

  @AfterEach
  void close() throws Exception {
    client.close();
  }

  /** The labels offered at the '|' after the text {@code replace} in the fixture is replaced by {@code with}. */
  private List<String> labels(String replace, String with) throws Exception {
    String edited = DrillFixtures.BUILT.replace(replace, with);
    assertTrue(edited.contains("|") && !edited.equals(DrillFixtures.BUILT), with);
    int offset = edited.indexOf('|');
    String text = edited.substring(0, offset) + edited.substring(offset + 1);
    client.change(uri, text);
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    Position position = new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1));
    return client.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), position))
        .get(10, TimeUnit.SECONDS).getLeft().stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void atTheTopLevelTheFileKeywords() throws Exception {
    assertEquals(List.of("import", "template", "drill"), labels("import \"lib/web.drill\"\n", "import \"lib/web.drill\"\n|\n"));
  }

  @Test
  void inADrillItsItems() throws Exception {
    List<String> labels = labels("owner \"shop\"\n", "owner \"shop\"\n  re|\n");
    assertTrue(labels.containsAll(List.of("title", "param", "roles", "recover", "detect", "comms", "debrief")), labels.toString());
    assertFalse(labels.contains("step"), labels.toString());
  }

  @Test
  void inAStepItsActions() throws Exception {
    List<String> labels = labels("manual \"Tell the shop team\"\n", "manual \"Tell the shop team\"\n      |\n");
    assertTrue(labels.containsAll(List.of("run", "http", "manual", "wait", "verify")), labels.toString());
  }

  @Test
  void inAStepHeaderItsClauses() throws Exception {
    List<String> labels = labels("step announce by commander after restart {", "step announce |");
    assertEquals(List.of("by", "within", "after"), labels);
  }

  @Test
  void afterByTheRolesIncludingTheTemplates() throws Exception {
    assertEquals(List.of("commander", "operator"), labels("by commander after restart", "by |"));
  }

  @Test
  void afterAfterTheSteps() throws Exception {
    assertEquals(List.of("announce", "restart"), labels("after restart {", "after |"));
    assertEquals(List.of("announce", "restart"), labels("after restart {", "after restart, |"));
  }

  @Test
  void insideAReferenceTheParams() throws Exception {
    assertEquals(List.of("region"), labels("manual \"Tell the shop team\"", "manual \"Tell ${re|"));
  }

  @Test
  void afterHttpTheMethods() throws Exception {
    assertTrue(labels("signal down { http GET", "signal down { http |").containsAll(List.of("GET", "POST", "HEAD")));
  }

  @Test
  void inASignalTheProbeKinds() throws Exception {
    List<String> labels = labels("signal down { http GET", "signal down { | http GET");
    assertTrue(labels.containsAll(List.of("http", "command", "prometheus query", "prometheus alert", "log", "manual")),
        labels.toString());
  }

  @Test
  void afterFromTheTemplatesAndInItsArgumentsTheirParameters() throws Exception {
    assertEquals(List.of("web-crash"), labels("from web-crash(host", "from |(host"));
    assertEquals(List.of("host", "port"), labels("from web-crash(host = \"checkout.internal\")", "from web-crash(|"));
    assertEquals(List.of("host", "port"), labels("from web-crash(host = \"checkout.internal\")",
        "from web-crash(host = \"checkout.internal\", |"));
  }

  @Test
  void nothingInAStringOrAComment() throws Exception {
    assertEquals(List.of(), labels("title \"Checkout web server crash\"", "title \"Checkout |web server crash\""));
    assertEquals(List.of(), labels("owner \"shop\"\n", "owner \"shop\" # by |\n"));
  }
}
