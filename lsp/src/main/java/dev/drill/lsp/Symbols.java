package dev.drill.lsp;

import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.ast.Text;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline of a document: its drill and templates, their blocks, and the steps, signals, checks, roles and params in them. */
final class Symbols implements DrillItem.Visitor<List<DocumentSymbol>> {

  private final Analysis analysis;

  private Symbols(Analysis analysis) {
    this.analysis = analysis;
  }

  static List<DocumentSymbol> of(Analysis analysis) {
    Symbols symbols = new Symbols(analysis);
    List<DocumentSymbol> found = new ArrayList<>();
    Optional<DrillFile> file = analysis.outline().file();
    if (file.isEmpty()) {
      return found;
    }
    for (Template template : file.get().templates()) {
      String signature = template.parameters().stream().map(p -> p.name().value()).collect(Collectors.joining(", ", "(", ")"));
      found.add(symbols.symbol(template.span(), template.name(), SymbolKind.Class, "template" + signature,
          symbols.items(template.items())));
    }
    for (Drill drill : file.get().drills()) {
      found.add(symbols.symbol(drill.span(), drill.name(), SymbolKind.Module,
          drill.from().map(call -> "drill from " + call.template().value()).orElse("drill"), symbols.items(drill.items())));
    }
    found.sort((a, b) -> Integer.compare(a.getRange().getStart().getLine(), b.getRange().getStart().getLine()));
    return found;
  }

  private List<DocumentSymbol> items(List<DrillItem> items) {
    List<DocumentSymbol> children = new ArrayList<>();
    items.forEach(item -> children.addAll(item.accept(this)));
    return children;
  }

  private DocumentSymbol symbol(SourceSpan span, Name name, SymbolKind kind, String detail, List<DocumentSymbol> children) {
    return symbol(span, name.span(), name.value(), kind, detail, children);
  }

  private DocumentSymbol symbol(SourceSpan span, SourceSpan selection, String name, SymbolKind kind, String detail,
      List<DocumentSymbol> children) {
    var text = analysis.text(span.file());
    DocumentSymbol symbol = new DocumentSymbol(name, kind, Positions.range(span, text), Positions.range(selection, text),
        detail);
    symbol.setChildren(children);
    return symbol;
  }

  /** A block named by its keyword, its name the keyword's span. */
  private DocumentSymbol block(SourceSpan span, String keyword, List<DocumentSymbol> children) {
    SourceSpan keywordSpan = new SourceSpan(span.file(), span.line(), span.column(), span.line(),
        span.column() + keyword.length() - 1);
    return symbol(span, keywordSpan, keyword, SymbolKind.Namespace, "", children);
  }

  private static String title(Optional<Text> title) {
    return title.map(Text::literal).orElse("");
  }

  @Override
  public List<DocumentSymbol> visit(Attribute attribute) {
    return List.of();
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.ParamDecl param) {
    return List.of(symbol(param.span(), param.name(), SymbolKind.Variable, "param", List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.SecretDecl secret) {
    return List.of(symbol(secret.span(), secret.name(), SymbolKind.Variable, "secret", List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.RolesBlock roles) {
    return List.of(block(roles.span(), "roles", roles.roles().stream()
        .map(role -> symbol(role.span(), role.name(), SymbolKind.Field, title(role.description()), List.of()))
        .toList()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.SetupBlock setup) {
    return List.of(block(setup.span(), "setup", List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.TeardownBlock teardown) {
    return List.of(block(teardown.span(), "teardown", List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.SteadyBlock steady) {
    return List.of(block(steady.span(), "steady", steady.checks().stream()
        .map(check -> symbol(check.span(), check.id(), SymbolKind.Boolean, title(check.title()), List.of()))
        .toList()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.InjectBlock inject) {
    return List.of(symbol(inject.span(), inject.id(), SymbolKind.Event, "inject " + title(inject.title()), List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.DetectBlock detect) {
    return List.of(block(detect.span(), "detect", detect.signals().stream()
        .map(signal -> symbol(signal.span(), signal.id(), SymbolKind.Event, title(signal.title()), List.of()))
        .toList()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.RecoverBlock recover) {
    return List.of(block(recover.span(), "recover", recover.steps().stream()
        .map(step -> symbol(step.span(), step.id(), SymbolKind.Function, stepDetail(step), List.of()))
        .toList()));
  }

  static String stepDetail(Step step) {
    List<String> parts = new ArrayList<>();
    step.title().ifPresent(t -> parts.add("\"" + t.literal() + "\""));
    step.role().ifPresent(role -> parts.add("by " + role.value()));
    step.budget().ifPresent(budget -> parts.add("within " + budget.text()));
    if (!step.after().isEmpty()) {
      parts.add("after " + step.after().stream().map(Name::value).collect(Collectors.joining(", ")));
    }
    return String.join(" ", parts);
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.CommsBlock comms) {
    return List.of(block(comms.span(), "comms", List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.AbortBlock abort) {
    return List.of(block(abort.span(), "abort", List.of()));
  }

  @Override
  public List<DocumentSymbol> visit(DrillItem.DebriefBlock debrief) {
    return List.of(block(debrief.span(), "debrief", List.of()));
  }
}
