package dev.drill.compiler.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.Golden;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Libraries of several files, a case per folder of {@code testdata/library/}. Each case's
 * {@code main.drill} is compiled, its imports read from the folder. A good case compiles
 * without a diagnostic to the plan in {@code main.plan.json} and the guide in
 * {@code main.guide.md} (a case of templates only compiles clean to no plan). A bad case
 * states in whichever of its files a diagnostic is located, as {@code # expect: D801 2:8};
 * exactly those are reported, rendered as in {@code main.diagnostics.txt}.
 */
class LibraryCorpusTest {

  private static final Path LIBRARY = Path.of("src/test/resources/testdata/library");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(D\\d{3})\\s+(\\d+):(\\d+)");

  @TestFactory
  Stream<DynamicTest> goodLibrariesCompileToTheirGoldenPlans() throws IOException {
    return cases(LIBRARY.resolve("good")).map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      for (Path file : drillFiles(dir)) {
        CompileResult result = compile(dir, file);
        assertEquals(List.of(), render(result), "a good library compiles without diagnostics: " + file);
        Path golden = file.resolveSibling(base(file) + ".plan.json");
        if (result.plan().isEmpty()) {
          assertFalse(Files.exists(golden), file + " has a golden plan but compiled to none");
          continue;
        }
        Plan plan = result.plan().get();
        Golden.assertMatches(golden, PlanJson.write(plan));
        String guide = GuideRenderer.builtIn().render(plan);
        Golden.assertMatches(file.resolveSibling(base(file) + ".guide.md"), guide);
        assertEquals(List.of(), GuideChecker.check(plan, new SourceFile("guide.md", guide)),
            "a generated guide passes the check");
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> badLibrariesReportExactlyTheExpectedDiagnostics() throws IOException {
    return cases(LIBRARY.resolve("bad")).map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      List<String> expected = new ArrayList<>();
      for (Path file : drillFiles(dir)) {
        expected.addAll(expectations(dir, file));
      }
      assertFalse(expected.isEmpty(), dir + " states no '# expect: Dnnn line:col'");
      CompileResult result = compile(dir, dir.resolve("main.drill"));
      List<String> actual = result.diagnostics().stream()
          .map(d -> d.span().file() + " " + d.code().name() + " " + d.span().line() + ":" + d.span().column())
          .sorted().collect(Collectors.toList());
      expected.sort(null);
      assertEquals(expected, actual, "diagnostics of " + dir + ":\n" + String.join("", render(result)));
      assertTrue(result.plan().isEmpty() || result.diagnostics().stream().noneMatch(Diagnostic::isError));
      Golden.assertMatches(dir.resolve("main.diagnostics.txt"), String.join("", render(result)));
    }));
  }

  /** Compiled as a user in the case's folder would: files named relative to it. */
  private static CompileResult compile(Path dir, Path file) throws IOException {
    String shown = dir.relativize(file).toString().replace('\\', '/');
    CompileResult result = DrillCompiler.compile(file, shown, Library.session());
    // The directory recorded for runs depends on where the repository is checked out.
    return new CompileResult(result.source(), result.plan().map(p -> p.withDirectory(Optional.empty())),
        result.diagnostics(), result.imported(), result.templatesOnly(), result.idSpan());
  }

  private static List<String> render(CompileResult result) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      out.add(DiagnosticRenderer.render(d, result.sourceOf(d.span().file())));
    }
    return out;
  }

  private static List<String> expectations(Path dir, Path file) throws IOException {
    String shown = dir.relativize(file).toString().replace('\\', '/');
    List<String> expected = new ArrayList<>();
    for (String line : Files.readString(file, StandardCharsets.UTF_8).lines().collect(Collectors.toList())) {
      Matcher m = EXPECT.matcher(line);
      while (m.find()) {
        expected.add(shown + " " + m.group(1) + " " + m.group(2) + ":" + m.group(3));
      }
    }
    return expected;
  }

  private static Stream<Path> cases(Path dir) throws IOException {
    try (Stream<Path> cases = Files.list(dir)) {
      return cases.filter(Files::isDirectory).sorted().collect(Collectors.toList()).stream();
    }
  }

  private static List<Path> drillFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".drill")).sorted().collect(Collectors.toList());
    }
  }

  private static String base(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".drill".length());
  }
}
