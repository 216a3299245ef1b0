package dev.drill.lsp;

import dev.drill.compiler.ast.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;

/**
 * What may be written at the cursor: the keywords of the block it is in, role names after
 * {@code by}, step names after {@code after}, param names inside {@code ${}, probe kinds,
 * HTTP methods, template names after {@code from} and their parameters inside its arguments.
 * Names come from the document's latest outline, so they are offered while the text is broken.
 */
final class Completions {

  private Completions() {}

  static List<CompletionItem> at(Analysis analysis, Position position) {
    CursorContext context = CursorContext.at(analysis.document().text(), position);
    Optional<Names> names = Navigation.in(analysis).map(Navigation::names);
    List<CompletionItem> items = new ArrayList<>();
    switch (context.state()) {
      case COMMENT:
      case STRING:
        return items;
      case REFERENCE:
        names.ifPresent(n -> declared(n, Names.Kind.PARAM, analysis, CompletionItemKind.Variable, items));
        return items;
      default:
        break;
    }
    String previous = context.previous().orElse("");
    Optional<String> called = calledTemplate(context.statement());
    if (called.isPresent()) {
      if (previous.equals("(") || previous.equals(",")) {
        names.flatMap(n -> n.template(called.get())).ifPresent(template -> template.parameters().forEach(p ->
            items.add(item(p.name().value(), CompletionItemKind.Property,
                "parameter of " + called.get() + p.defaultValue().map(d -> " = \"" + d.literal() + "\"").orElse("")))));
      }
      return items;
    }
    if (previous.equals("by")) {
      names.ifPresent(n -> declared(n, Names.Kind.ROLE, analysis, CompletionItemKind.EnumMember, items));
    } else if (previous.equals("after") || previous.equals(",") && inAfterList(context.statement())) {
      names.ifPresent(n -> declared(n, Names.Kind.STEP, analysis, CompletionItemKind.Function, items));
    } else if (previous.equals("from")) {
      names.ifPresent(n -> n.templates().values().forEach(t ->
          items.add(item(t.name().value(), CompletionItemKind.Class, signature(t)))));
    } else if (previous.equals("http")) {
      Vocabulary.HTTP_METHODS.forEach(m -> items.add(item(m, CompletionItemKind.EnumMember, "HTTP method")));
    } else if (previous.equals("prometheus")) {
      List.of("query", "alert").forEach(k -> items.add(keyword(k)));
    } else if (previous.equals("kind")) {
      Vocabulary.KINDS.forEach(k -> items.add(item(k, CompletionItemKind.EnumMember, "kind of drill")));
    } else {
      keywords(context).forEach(k -> items.add(keyword(k)));
    }
    return items;
  }

  /** The keywords that may start a statement in the cursor's block (or continue a step's header). */
  private static List<String> keywords(CursorContext context) {
    if (context.statement().contains("step") && context.block().equals("recover")) {
      return Vocabulary.STEP_CLAUSES;
    }
    switch (context.block()) {
      case "":
        return Vocabulary.TOP_LEVEL;
      case "drill":
      case "template":
        return Vocabulary.DRILL_ITEMS;
      case "recover":
        return List.of("step");
      case "step":
        return concat(Vocabulary.ACTIONS, List.of("verify"));
      case "setup":
      case "teardown":
        return Vocabulary.ACTIONS;
      case "inject":
        return concat(Vocabulary.ACTIONS, List.of("undo"));
      case "steady":
        return List.of("check");
      case "detect":
        return List.of("signal");
      case "comms":
        return List.of("update", "notify");
      case "debrief":
        return List.of("ask");
      case "check":
      case "signal":
      case "verify":
      case "abort":
        return concat(Vocabulary.PROBES, Vocabulary.PROBE_OPTIONS);
      default:
        return List.of();
    }
  }

  /** The template whose argument list the cursor is in: {@code from NAME(} with no {@code )} after it. */
  private static Optional<String> calledTemplate(List<String> statement) {
    int open = statement.lastIndexOf("(");
    if (open < 2 || statement.subList(open, statement.size()).contains(")") || !statement.get(open - 2).equals("from")) {
      return Optional.empty();
    }
    return Optional.of(statement.get(open - 1));
  }

  /** After {@code after a,}: names and commas back to the {@code after}. */
  private static boolean inAfterList(List<String> statement) {
    for (int i = statement.size() - 1; i >= 0; i--) {
      String word = statement.get(i);
      if (word.equals("after")) {
        return true;
      }
      if (!word.equals(",") && !Character.isLetterOrDigit(word.charAt(0))) {
        return false;
      }
    }
    return false;
  }

  /** The names of a kind the document's drills and templates declare or inherit from their templates. */
  private static void declared(Names names, Names.Kind kind, Analysis analysis, CompletionItemKind itemKind,
      List<CompletionItem> items) {
    Map<String, Names.Occurrence> byName = new LinkedHashMap<>();
    names.all().stream()
        .flatMap(o -> o.owner().stream())
        .filter(owner -> owner.span().file().equals(analysis.document().path())).distinct()
        .forEach(owner -> names.visible(owner, kind).forEach(d -> byName.putIfAbsent(d.name(), d)));
    byName.values().stream().sorted(java.util.Comparator.comparing(Names.Occurrence::name))
        .forEach(d -> items.add(item(d.name(), itemKind, d.description())));
  }

  private static String signature(Template template) {
    return template.parameters().stream().map(p -> p.name().value())
        .collect(java.util.stream.Collectors.joining(", ", "template " + template.name().value() + "(", ")"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  private static CompletionItem keyword(String keyword) {
    CompletionItem item = item(keyword, CompletionItemKind.Keyword, "");
    KeywordDocs.of(keyword.split(" ")[0]).ifPresent(doc ->
        item.setDocumentation(new org.eclipse.lsp4j.MarkupContent(org.eclipse.lsp4j.MarkupKind.MARKDOWN, doc)));
    return item;
  }

  private static CompletionItem item(String label, CompletionItemKind kind, String detail) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    if (!detail.isEmpty()) {
      item.setDetail(detail);
    }
    return item;
  }
}
