package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands parse and print; what drill guarantees lives in the compiler, reached only
 * through its facades and their result types.
 */
class CompilerFacadesTest {

  private static final Set<String> FACADES = Set.of(
      // drill compile of many files: on every core, handed over in order.
      "dev.drill.compiler.BatchCompile",
      "dev.drill.compiler.CompileResult",
      "dev.drill.compiler.DrillCompiler",
      "dev.drill.compiler.check.LibraryCheck",
      "dev.drill.compiler.check.output.OutputFormat",
      "dev.drill.compiler.diagnostic.Diagnostic",
      "dev.drill.compiler.diagnostic.DiagnosticRenderer",
      // The one "did you mean" of drill, for commands and options as for the language.
      "dev.drill.compiler.diagnostic.NearMiss",
      "dev.drill.compiler.guide.GuideException",
      "dev.drill.compiler.guide.GuideWriter",
      // A session of imported files, shared by the drills one command compiles.
      "dev.drill.compiler.library.Library",
      "dev.drill.compiler.practice.PracticeList",
      // drill list --format json|md|html: the list's other forms.
      "dev.drill.compiler.practice.ListJson",
      "dev.drill.compiler.practice.ReadinessHtml",
      "dev.drill.compiler.practice.ReadinessMarkdown",
      // drill roster: the roster of the run results, and its formats (as OutputFormat is drill check's).
      "dev.drill.compiler.practice.PracticeRoster",
      "dev.drill.compiler.practice.RosterOutput",
      // drill new: starting drills and libraries, written as drill guide would write their guides.
      "dev.drill.compiler.scaffold.Scaffold",
      "dev.drill.compiler.source.DrillFiles",
      // Reads any file by its size first (drill run's plan files too): never a 3 GB file into the heap.
      "dev.drill.compiler.source.SourceReader",
      "dev.drill.compiler.syntax.Formatter");

  private static final Pattern COMPILER_TYPE = Pattern.compile("dev\\.drill\\.compiler(\\.[a-z]+)*\\.[A-Z]\\w*");

  @Test
  void theCommandsUseOnlyTheCompilersFacades() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = COMPILER_TYPE.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group());
        }
      }
    }
    assertEquals(List.of(), used.stream().filter(type -> !FACADES.contains(type)).toList());
  }
}
