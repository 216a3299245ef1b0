package dev.drill.compiler;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.emit.PlanCompiler;
import dev.drill.compiler.library.Expansion;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.library.Scope;
import dev.drill.compiler.semantic.SemanticAnalyzer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import dev.drill.compiler.syntax.ParseResult;
import dev.drill.plan.Plan;
import dev.drill.plan.ProjectRoot;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The compiler's front door: a .drill file in, a plan or the exact list of what is wrong
 * out. Passes run in order (read, syntax, imports, templates, semantics, plan); each stops
 * the next when it found an error, and reports everything it found. Files it imports are
 * read through a {@link Library} session, so that a command compiling many drills reads
 * and parses each imported file once.
 */
public final class DrillCompiler {

  private DrillCompiler() {}

  /**
   * Starts loading, on a thread of its own, what compiling the first drill needs and costs a
   * cold start most: BigDecimal's class initialisation, tens of milliseconds on Java 25. The
   * rest of the start (the command line, finding the files, reading them) overlaps it.
   */
  public static void warmUp() {
    Thread warmUp = new Thread(() -> BigDecimal.ONE.signum(), "drill-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /** Compiles a file's bytes, reported under {@code path}, its imports resolved from {@code path}. */
  public static CompileResult compile(String path, byte[] bytes) {
    return compile(path, bytes, Library.session());
  }

  /** As {@link #compile(String, byte[])}, imported files read through a session shared with other compiles. */
  public static CompileResult compile(String path, byte[] bytes, Library library) {
    return compile(SourceReader.read(path, bytes), Path.of(path), library);
  }

  /**
   * Compiles the drill file {@code file}, reported under {@code shown}; one too large is
   * refused before it is read whole. The plan records the file's directory relative to its
   * project root ({@link Plan#directory()}), so that a run of the plan file runs its commands
   * there, wherever the plan file is written.
   */
  public static CompileResult compile(Path file, String shown) throws IOException {
    return compile(file, shown, Library.session());
  }

  /** As {@link #compile(Path, String)}, imported files read through a session shared with other compiles. */
  public static CompileResult compile(Path file, String shown, Library library) throws IOException {
    CompileResult compiled = compile(SourceReader.read(file, shown), file, library);
    return new CompileResult(compiled.source(),
        compiled.plan().map(p -> p.withDirectory(directoryOf(file, library))), compiled.diagnostics(),
        compiled.imported(), compiled.templatesOnly(), compiled.idSpan());
  }

  private static Optional<String> directoryOf(Path file, Library library) {
    Path directory = file.toAbsolutePath().normalize().getParent();
    return ProjectRoot.relativeDirectory(directory, library.projectRoot(directory));
  }

  private static CompileResult compile(SourceReader.Result read, Path file, Library library) {
    if (read instanceof SourceReader.Refused refused) {
      return new CompileResult(Optional.empty(), Optional.empty(), List.of(refused.diagnostic()));
    }
    return compile(SourceReader.file(read).orElseThrow(), file, library);
  }

  /** Compiles a file already read as text, its imports resolved from its path. */
  public static CompileResult compile(SourceFile source) {
    return compile(source, Path.of(source.path()), Library.session());
  }

  private static CompileResult compile(SourceFile source, Path file, Library library) {
    ParseResult parsed = library.parse(source, file);
    List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
    if (parsed.ast().isEmpty()) {
      return new CompileResult(Optional.of(source), Optional.empty(), found);
    }
    DrillFile ast = parsed.ast().get();
    Scope scope = library.scope(file, ast);
    found.addAll(scope.diagnostics());
    found.addAll(Library.checkTemplates(ast, scope));
    Optional<Plan> plan = Optional.empty();
    if (ast.drills().size() == 1) {
      plan = drill(ast.drills().get(0), scope, found);
    }
    // Templates of imported files are resolved as the expansion needs them: their findings come last.
    found.addAll(scope.diagnostics());
    List<Diagnostic> imported = new ArrayList<>();
    found.forEach(d -> scope.importedProblem(d).ifPresent(imported::add));
    found.addAll(imported);
    List<Diagnostic> diagnostics = List.copyOf(new LinkedHashSet<>(found));
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    Optional<SourceSpan> idSpan = ast.drills().size() == 1 ? Optional.of(ast.drills().get(0).name().span()) : Optional.empty();
    return new CompileResult(Optional.of(source), failed ? Optional.empty() : plan, diagnostics, scope.sources(),
        ast.isLibrary(), idSpan);
  }

  /** The drill's plan, when its expansion and checks found no error; what they found added. */
  private static Optional<Plan> drill(Drill written, Scope scope, List<Diagnostic> found) {
    Expansion expansion = Library.expand(written, scope);
    found.addAll(expansion.diagnostics());
    if (expansion.drill().isEmpty() || found.stream().anyMatch(Diagnostic::isError)) {
      return Optional.empty();
    }
    Drill drill = expansion.drill().get();
    List<Diagnostic> semantic = SemanticAnalyzer.analyze(drill);
    semantic.forEach(d -> found.add(withOrigin(d, written, expansion)));
    if (semantic.stream().anyMatch(Diagnostic::isError)) {
      return Optional.empty();
    }
    Optional<Plan.Origin> origin = expansion.chain().isEmpty() && scope.imports().isEmpty()
        ? Optional.empty()
        : Optional.of(new Plan.Origin(expansion.chain().stream()
            .map(link -> new Plan.Instantiation(link.template(), link.from())).toList(), scope.imports()));
    return Optional.of(PlanCompiler.compile(drill).withOrigin(origin));
  }

  /** A finding in a template's text says which drill it was found in, and through which {@code from}. */
  private static Diagnostic withOrigin(Diagnostic d, Drill written, Expansion expansion) {
    if (written.from().isEmpty() || within(d.span(), written.span())) {
      return d;
    }
    List<String> templates = expansion.chain().stream().map(link -> "'" + link.template() + "'").toList();
    String message = "in drill '" + written.name().value() + "', built from template " + templates.get(0)
        + (templates.size() > 1 ? " (which extends " + String.join(", then ", templates.subList(1, templates.size())) + ")" : "");
    return d.withOrigin(written.from().get().span(), message);
  }

  private static boolean within(SourceSpan inner, SourceSpan outer) {
    return inner.file().equals(outer.file()) && inner.compareTo(outer) >= 0
        && (inner.line() < outer.endLine() || inner.line() == outer.endLine() && inner.column() <= outer.endColumn());
  }
}
