package dev.drill.lsp;

import dev.drill.plan.PlanValidator;
import dev.drill.plan.SourceSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Go to definition, find references, rename and hover, for the name under the cursor. */
final class Navigation {

  private final Analysis analysis;
  private final Names names;

  private Navigation(Analysis analysis, Names names) {
    this.analysis = analysis;
    this.names = names;
  }

  /** Navigation in a document, through the names of its latest outline; none when it never parsed. */
  static Optional<Navigation> in(Analysis analysis) {
    return analysis.outline().file().map(file -> new Navigation(analysis, Names.of(file, analysis.outline().imported().values())));
  }

  Names names() {
    return names;
  }

  /** The name under the cursor: on it, or just after it. */
  Optional<Names.Occurrence> at(Position position) {
    Positions.Cursor cursor = Positions.cursor(position, analysis.document().source());
    String file = analysis.document().path();
    return names.all().stream()
        .filter(o -> o.span().file().equals(file) && cursor.touches(o.span()))
        // On a name rather than just after one, when both.
        .min(Comparator.comparingInt(o -> cursor.column() > o.span().endColumn() ? 1 : 0));
  }

  List<Location> definition(Position position) {
    return at(position).flatMap(names::declaration).map(d -> List.of(location(d.span()))).orElse(List.of());
  }

  List<Location> references(Position position, boolean includeDeclaration) {
    return at(position).flatMap(names::declaration)
        .map(declaration -> names.references(declaration).stream()
            .filter(o -> includeDeclaration || !o.declaration())
            .map(o -> location(o.span())).toList())
        .orElse(List.of());
  }

  /** What the name under the cursor names: its declaration as written, and where, when in another file. */
  Optional<Hover> hover(Position position) {
    Optional<Names.Occurrence> at = at(position);
    return at.flatMap(names::declaration).map(declaration -> {
      String where = declaration.span().file().equals(analysis.document().path()) ? ""
          : "\n\ndeclared in `" + declaration.span().file() + "`";
      return new Hover(new MarkupContent(MarkupKind.MARKDOWN, "```drill\n" + declaration.description() + "\n```" + where),
          location(at.get().span()).getRange());
    });
  }

  /**
   * Every occurrence of the role, step or param under the cursor, renamed. Refused when the new
   * name is not one drill accepts, or when the name is declared or used in another file.
   */
  WorkspaceEdit rename(Position position, String newName) {
    Names.Occurrence declaration = at(position).flatMap(names::declaration)
        .orElseThrow(() -> refused("there is no role, step or param to rename here"));
    if (declaration.kind() == Names.Kind.TEMPLATE) {
      throw refused("templates are renamed in their library: rename '" + declaration.name() + "' there and where drills use it");
    }
    if (!PlanValidator.isId(newName)) {
      throw refused("'" + newName + "' is not a name drill accepts: use lower-case words joined by '-'");
    }
    List<Names.Occurrence> references = names.references(declaration);
    String file = analysis.document().path();
    if (references.stream().anyMatch(o -> !o.span().file().equals(file))) {
      throw refused("'" + declaration.name() + "' is declared or used in another file; rename it there");
    }
    List<TextEdit> edits = references.stream().map(o -> new TextEdit(location(o.span()).getRange(), newName)).toList();
    return new WorkspaceEdit(Map.of(analysis.document().uri(), edits));
  }

  private static ResponseErrorException refused(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
  }

  Location location(SourceSpan span) {
    String uri = span.file().equals(analysis.document().path()) ? analysis.document().uri() : Document.uriOf(span.file());
    return new Location(uri, Positions.range(span, analysis.text(span.file())));
  }
}
