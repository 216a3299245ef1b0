package dev.drill.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definition, references, hover and rename, in one file and across an import. */
class NavigationTest {

  @TempDir Path dir;
  private LspClient client;
  private TextDocumentService documents;
  private String uri;
  private String libraryUri;
  private final String text = DrillFixtures.BUILT;

  @BeforeEach
  void open() throws Exception {
    Path drill = DrillFixtures.project(dir);
    uri = drill.toUri().toString();
    libraryUri = drill.resolveSibling("lib/web.drill").toUri().toString();
    client = LspClient.inProcess();
    client.initialize();
    documents = client.server.getTextDocumentService();
    client.open(uri, text);
    client.awaitDiagnostics(uri, p -> p.getDiagnostics().isEmpty());
  }

  @AfterEach
  void close() throws Exception {
    client.close();
  }

  /** The position of the n-th occurrence (0-based) of a word, plus an offset into it. */
  private Position at(String word, int nth, int into) {
    int offset = -1;
    for (int i = 0; i <= nth; i++) {
      offset = text.indexOf(word, offset + 1);
    }
    int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
    return new Position(line, offset - (text.lastIndexOf('\n', offset - 1) + 1) + into);
  }

  private Range range(String word, int nth) {
    Position start = at(word, nth, 0);
    return new Range(start, new Position(start.getLine(), start.getCharacter() + word.length()));
  }

  private List<? extends Location> definition(Position position) throws Exception {
    return documents.definition(new DefinitionParams(new TextDocumentIdentifier(uri), position)).get(10, TimeUnit.SECONDS).getLeft();
  }

  @Test
  void aStepAfterGoesToTheStep() throws Exception {
    assertEquals(List.of(new Location(uri, range("restart", 0))), definition(at("after restart", 0, 7)));
  }

  @Test
  void aParamReferenceGoesToItsDeclaration() throws Exception {
    assertEquals(List.of(new Location(uri, range("region", 0))), definition(at("${region}", 0, 3)));
  }

  @Test
  void aRoleDeclaredInTheTemplateIsFoundInTheImportedFile() throws Exception {
    List<? extends Location> found = definition(at("by operator", 0, 4));
    assertEquals(1, found.size());
    assertEquals(libraryUri, found.get(0).getUri());
    assertEquals(new Range(new Position(2, 4), new Position(2, 12)), found.get(0).getRange());
  }

  @Test
  void aTemplateAndItsParameterAreFoundInTheImportedFile() throws Exception {
    List<? extends Location> template = definition(at("web-crash", 0, 2));
    assertEquals(List.of(new Location(libraryUri, new Range(new Position(0, 9), new Position(0, 18)))), template);
    List<? extends Location> parameter = definition(at("host = ", 0, 1));
    assertEquals(List.of(new Location(libraryUri, new Range(new Position(0, 19), new Position(0, 23)))), parameter);
  }

  @Test
  void referencesOfARoleAreEveryByThatNamesIt() throws Exception {
    List<? extends Location> found = documents.references(new ReferenceParams(new TextDocumentIdentifier(uri),
        at("commander", 0, 0), new ReferenceContext(true))).get(10, TimeUnit.SECONDS);
    assertEquals(List.of(new Location(uri, range("commander", 0)), new Location(uri, range("commander", 1))), found);
  }

  @Test
  void referencesOfAParamIncludeItsUsesInStrings() throws Exception {
    List<? extends Location> found = documents.references(new ReferenceParams(new TextDocumentIdentifier(uri),
        at("region", 0, 0), new ReferenceContext(false))).get(10, TimeUnit.SECONDS);
    assertEquals(4, found.size(), found.toString());
  }

  @Test
  void hoverOnAStepSaysItsTitleRoleAndBudget() throws Exception {
    Hover hover = documents.hover(new HoverParams(new TextDocumentIdentifier(uri), at("after restart", 0, 8)))
        .get(10, TimeUnit.SECONDS);
    assertTrue(hover.getContents().getRight().getValue()
        .contains("step restart \"Restart the app\" by operator within 5m"), hover.toString());
  }

  @Test
  void hoverOnATemplateShowsItsSignatureAndFile() throws Exception {
    Hover hover = documents.hover(new HoverParams(new TextDocumentIdentifier(uri), at("web-crash", 0, 1)))
        .get(10, TimeUnit.SECONDS);
    String value = hover.getContents().getRight().getValue();
    assertTrue(value.contains("template web-crash(host, port = \"8080\")"), value);
    assertTrue(value.contains("lib/web.drill"), value);
  }

  @Test
  void hoverOnAKeywordExplainsItFromTheLanguageReference() throws Exception {
    Hover hover = documents.hover(new HoverParams(new TextDocumentIdentifier(uri), at("recover", 0, 2)))
        .get(10, TimeUnit.SECONDS);
    assertTrue(hover.getContents().getRight().getValue().startsWith("`recover [within DURATION] { step ... }`"),
        hover.toString());
    Hover owner = documents.hover(new HoverParams(new TextDocumentIdentifier(uri), at("owner", 0, 2)))
        .get(10, TimeUnit.SECONDS);
    assertTrue(owner.getContents().getRight().getValue().contains("the team that maintains the drill"), owner.toString());
  }

  @Test
  void renameOfAStepChangesItsDeclarationAndEveryAfter() throws Exception {
    var edit = documents.rename(new RenameParams(new TextDocumentIdentifier(uri), at("after restart", 0, 7), "reboot"))
        .get(10, TimeUnit.SECONDS);
    List<TextEdit> edits = edit.getChanges().get(uri).stream()
        .sorted(Comparator.comparingInt(e -> e.getRange().getStart().getLine())).map(e -> (TextEdit) e).toList();
    assertEquals(List.of(new TextEdit(range("restart", 0), "reboot"), new TextEdit(range("restart", 1), "reboot")), edits);
  }

  @Test
  void renameOfAParamChangesItsReferences() throws Exception {
    var edit = documents.rename(new RenameParams(new TextDocumentIdentifier(uri), at("region", 0, 1), "zone"))
        .get(10, TimeUnit.SECONDS);
    assertEquals(5, edit.getChanges().get(uri).size());
  }

  @Test
  void renameToAnInvalidNameOrOfANameFromAnotherFileIsRefused() {
    ExecutionException invalid = assertThrows(ExecutionException.class, () -> documents.rename(
        new RenameParams(new TextDocumentIdentifier(uri), at("after restart", 0, 7), "Re Boot")).get(10, TimeUnit.SECONDS));
    assertTrue(invalid.getCause() instanceof ResponseErrorException, invalid.toString());
    assertTrue(invalid.getCause().getMessage().contains("not a name drill accepts"), invalid.getCause().getMessage());
    ExecutionException elsewhere = assertThrows(ExecutionException.class, () -> documents.rename(
        new RenameParams(new TextDocumentIdentifier(uri), at("by operator", 0, 4), "ops")).get(10, TimeUnit.SECONDS));
    assertTrue(elsewhere.getCause().getMessage().contains("another file"), elsewhere.getCause().getMessage());
  }
}
