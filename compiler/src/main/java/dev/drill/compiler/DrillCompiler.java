package dev.drill.compiler;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.semantic.SemanticAnalyzer;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.emit.PlanCompiler;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import dev.drill.compiler.syntax.ParseResult;
import dev.drill.compiler.syntax.SyntaxAnalyzer;
import dev.drill.plan.Plan;
import dev.drill.plan.ProjectRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compiler's front door: a .drill file in, a plan or the exact list of what is wrong
 * out. Passes run in order (read, syntax, semantics, plan); each stops the next when it
 * found an error, and reports everything it found.
 */
public final class DrillCompiler {

  private DrillCompiler() {}

  /** Compiles a file's bytes, reported under {@code path}. */
  public static CompileResult compile(String path, byte[] bytes) {
    return compile(SourceReader.read(path, bytes));
  }

  /** Compiles a file, reported under {@code shown}; one too large is refused before it is read whole. */
  public static CompileResult compile(Path file, String shown) throws IOException {
    return compile(SourceReader.read(file, shown));
  }

  private static CompileResult compile(SourceReader.Result read) {
    if (read instanceof SourceReader.Refused refused) {
      return new CompileResult(Optional.empty(), Optional.empty(), List.of(refused.diagnostic()));
    }
    return compile(SourceReader.file(read).orElseThrow());
  }

  /**
   * Compiles the bytes of the drill file {@code file}, reported under {@code path}; the plan
   * records the file's directory relative to its project root ({@link Plan#directory()}), so
   * that a run of the plan file runs its commands there, wherever the plan file is written.
   */
  public static CompileResult compile(String path, byte[] bytes, Path file) {
    CompileResult compiled = compile(path, bytes);
    return new CompileResult(compiled.source(),
        compiled.plan().map(p -> p.withDirectory(ProjectRoot.directoryOf(file))), compiled.diagnostics());
  }

  /** Compiles a file already read as text. */
  public static CompileResult compile(SourceFile source) {
    ParseResult parsed = SyntaxAnalyzer.parse(source);
    List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
    if (parsed.ast().isEmpty() || parsed.ast().get().drills().size() != 1) {
      return new CompileResult(Optional.of(source), Optional.empty(), diagnostics);
    }
    Drill drill = parsed.ast().get().drills().get(0);
    diagnostics.addAll(SemanticAnalyzer.analyze(drill));
    boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
    Optional<Plan> plan = failed ? Optional.empty() : Optional.of(PlanCompiler.compile(drill));
    return new CompileResult(Optional.of(source), plan, diagnostics);
  }
}
