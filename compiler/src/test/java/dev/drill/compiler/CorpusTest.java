package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance corpus. {@code testdata/good/X.drill} compiles with no diagnostic to the
 * plan in {@code X.plan.json} and renders the guide in {@code X.guide.md}, which passes the check. {@code testdata/bad/X.drill} states inline, one per line,
 * every diagnostic it must produce, as {@code # expect: D202 14:36} (code, line, column);
 * exactly those are reported, and rendered as in {@code X.diagnostics.txt}.
 */
class CorpusTest {

  static final Path GOOD = Path.of("src/test/resources/testdata/good");
  static final Path BAD = Path.of("src/test/resources/testdata/bad");
  private static final Pattern EXPECT = Pattern.compile("#\\s*expect:\\s*(D\\d{3})\\s+(\\d+):(\\d+)");

  @TestFactory
  Stream<DynamicTest> goodDrillsCompileToTheirGoldenPlans() throws IOException {
    return drills(GOOD).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      CompileResult result = compile(file);
      assertEquals(List.of(), render(result), "a good drill compiles without diagnostics");
      assertTrue(result.plan().isPresent());
      Golden.assertMatches(sibling(file, ".plan.json"), PlanJson.write(result.plan().get()));
      String guide = GuideRenderer.builtIn().render(result.plan().get());
      Golden.assertMatches(sibling(file, ".guide.md"), guide);
      assertEquals(List.of(), GuideChecker.check(result.plan().get(), new SourceFile("guide.md", guide)),
          "a generated guide passes the check");
    }));
  }

  @TestFactory
  Stream<DynamicTest> badDrillsReportExactlyTheExpectedDiagnostics() throws IOException {
    return drills(BAD).map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      List<String> expected = expectations(file);
      assertFalse(expected.isEmpty(), file + " states no '# expect: Dnnn line:col'");
      CompileResult result = compile(file);
      List<String> actual = result.diagnostics().stream()
          .map(d -> d.code().name() + " " + d.span().line() + ":" + d.span().column())
          .collect(Collectors.toList());
      assertEquals(expected, actual, "diagnostics of " + file + ":\n" + String.join("", render(result)));
      Golden.assertMatches(sibling(file, ".diagnostics.txt"), String.join("", render(result)));
    }));
  }

  static CompileResult compile(Path file) throws IOException {
    return DrillCompiler.compile(file.getFileName().toString(), Files.readAllBytes(file));
  }

  static List<String> render(CompileResult result) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      out.add(DiagnosticRenderer.render(d, result.source()));
    }
    return out;
  }

  static List<String> expectations(Path file) throws IOException {
    List<String> expected = new ArrayList<>();
    // Latin-1 reads any bytes: the expectations are ASCII, the file may deliberately not be UTF-8.
    for (String line : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines()
        .collect(Collectors.toList())) {
      Matcher m = EXPECT.matcher(line);
      while (m.find()) {
        expected.add(m.group(1) + " " + m.group(2) + ":" + m.group(3));
      }
    }
    return expected;
  }

  static Stream<Path> drills(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".drill")).sorted().collect(Collectors.toList()).stream();
    }
  }

  private static Path sibling(Path drill, String extension) {
    String name = drill.getFileName().toString();
    return drill.resolveSibling(name.substring(0, name.length() - ".drill".length()) + extension);
  }
}
