package dev.drill.compiler.library;

import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.Import;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file sees through its imports: the files reachable from it and, for each of them,
 * the templates visible there (its own, then those of its imports, transitively). A template
 * resolves its own {@code from} in its file's scope, not in the scope of whoever uses it.
 */
public final class Scope {

  /** A file of the import graph: its AST, and the files its imports resolved to (by shown path). */
  record Node(String file, DrillFile ast, List<String> imports) {}

  private final String root;
  private final Map<String, Node> nodes;
  private final Map<String, SourceFile> sources;
  private final List<Diagnostic> diagnostics;
  private final Map<String, Map<String, Template>> visible = new LinkedHashMap<>();

  private final Map<String, Import> reachedThrough;

  Scope(String root, Map<String, Node> nodes, Map<String, SourceFile> sources, List<Diagnostic> diagnostics,
      Map<String, Import> reachedThrough) {
    this.root = root;
    // In the order reached: the first file reached through an import is the one it names.
    this.reachedThrough = Collections.unmodifiableMap(new LinkedHashMap<>(reachedThrough));
    this.nodes = nodes;
    this.sources = sources;
    this.diagnostics = new ArrayList<>(diagnostics);
    templates(root);
  }

  /** Problems with imports anywhere in the graph, and in the imported files themselves. */
  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  /** The text of the imported files, by the path diagnostics and spans name them with. */
  public Map<String, SourceFile> sources() {
    return Map.copyOf(sources);
  }

  /** The imported files, directly or not, in the order first reached. */
  public List<String> imports() {
    return nodes.keySet().stream().filter(f -> !f.equals(root)).toList();
  }

  /** The templates visible in the file the root imports from. */
  Map<String, Template> templates() {
    return templates(root);
  }

  /**
   * The templates visible in a file, by name: the first found wins, nearer first, and a
   * second one of a name is reported (D813) where it is declared.
   */
  Map<String, Template> templates(String file) {
    Map<String, Template> known = visible.get(file);
    if (known != null) {
      return known;
    }
    Map<String, Template> byName = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(file));
    while (!queue.isEmpty()) {
      Node node = nodes.get(queue.removeFirst());
      if (node == null || !seen.add(node.file())) {
        continue;
      }
      for (Template template : node.ast().templates()) {
        Template first = byName.putIfAbsent(template.name().value(), template);
        if (first != null && first != template) {
          duplicate(first, template);
        }
      }
      queue.addAll(node.imports());
    }
    visible.put(file, byName);
    return byName;
  }

  private final Set<Diagnostic> reportedDuplicates = new LinkedHashSet<>();

  /** Reported at the nearer one, in the file its author is reading; the other is the note. */
  private void duplicate(Template nearer, Template farther) {
    Diagnostic d = Diagnostic.of(Code.D813, nearer.name().span(),
        "template '" + nearer.name().value() + "' is declared twice where this file can see it",
        "rename one of them: a name must say which template a drill is built from")
        .withRelated(farther.name().span(), "the other template '" + farther.name().value() + "'");
    if (reportedDuplicates.add(d)) {
      diagnostics.add(d);
    }
  }

  /** Each cycle of templates once per compile, however many of its templates a walk starts from. */
  private final Set<Set<Template>> reportedCycles = new HashSet<>();

  boolean firstReportOf(Set<Template> cycle) {
    return reportedCycles.add(cycle);
  }

  /** Whether every import resolved and parsed: when not, a missing template is no news. */
  boolean complete() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  /**
   * Where the root file meets a problem of a file it imports: a D814 at the root's import
   * through which that file is reached, so that the importing file fails where it says
   * {@code import} (and a check that reports the imported file's problems under that file
   * still fails each file that imports it).
   */
  public Optional<Diagnostic> importedProblem(Diagnostic problem) {
    if (!problem.isError() || problem.span().file().equals(root) || problem.origin().isPresent()) {
      return Optional.empty();
    }
    Import through = reachedThrough.get(problem.span().file());
    if (through == null) {
      return Optional.empty();
    }
    String imported = through.path().literal();
    return Optional.of(Diagnostic.of(Code.D814, through.path().span(),
        "'" + imported + "'" + (problem.span().file().equals(shownOf(through)) ? "" : ", through what it imports,")
            + " has errors; they are reported where they are written",
        "fix them there: this file compiles once the files it imports do"));
  }

  private String shownOf(Import anImport) {
    return reachedThrough.entrySet().stream().filter(e -> e.getValue() == anImport)
        .map(Map.Entry::getKey).findFirst().orElse("");
  }

  /** The file a template was written in, when it is in the graph. */
  Optional<Node> node(String file) {
    return Optional.ofNullable(nodes.get(file));
  }
}
