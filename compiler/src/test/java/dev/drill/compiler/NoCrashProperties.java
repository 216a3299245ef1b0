package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.plan.PlanJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No input crashes the compiler: any bytes, any text, any mutation of a valid drill gives
 * diagnostics (each renderable) or a plan, never an exception; compiling is deterministic.
 */
class NoCrashProperties {

  private static final String VALID = read(CorpusTest.GOOD.resolve("design-example.drill"));

  @Property(tries = 1000)
  void anyBytesGiveDiagnosticsOrAPlan(@ForAll byte[] bytes) {
    assertWellFormed(DrillCompiler.compile("any.drill", bytes));
  }

  @Property(tries = 1000)
  void anyTextGivesDiagnosticsOrAPlan(@ForAll("drillish") String text) {
    assertWellFormed(DrillCompiler.compile("any.drill", text.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 1000)
  void anyMutationOfAValidDrillGivesDiagnosticsOrAPlan(@ForAll("mutants") String text) {
    assertWellFormed(DrillCompiler.compile("mutant.drill", text.getBytes(StandardCharsets.UTF_8)));
  }

  @Property(tries = 200)
  void compilingTwiceGivesTheSameBytes(@ForAll("mutants") String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    CompileResult first = DrillCompiler.compile("m.drill", bytes);
    CompileResult second = DrillCompiler.compile("m.drill", bytes);
    assertEquals(first.diagnostics(), second.diagnostics());
    assertEquals(first.plan().map(PlanJson::write), second.plan().map(PlanJson::write));
  }

  private static void assertWellFormed(CompileResult result) {
    assertTrue(result.plan().isPresent() || result.hasErrors(), "a plan, or an error saying why not");
    result.diagnostics().forEach(d -> DiagnosticRenderer.render(d, result.source()));
  }

  /** Text made of the language's own pieces, so the parser gets deep before it fails. */
  @Provide
  Arbitrary<String> drillish() {
    Arbitrary<String> pieces = Arbitraries.of(
        "drill", "x", "{", "}", "title", "\"t\"", "\"\"\"\n  a\n\"\"\"", "within", "5m", "1h30m", "5x",
        "recover", "step", "by", "after", ",", "run", "http", "GET", "expect", "status", "!=", "200",
        "verify", "detect", "all", "any", "signal", "manual", "\"${p}\"", "\"${\"", "param", "p", "=",
        "secret", "env", "\"E\"", "roles", "#c\n", "@", "\\", "\"unterminated\n", "\n", " ");
    return pieces.list().ofMaxSize(80).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mutants() {
    List<String> lines = VALID.lines().collect(java.util.stream.Collectors.toList());
    Arbitrary<Integer> index = Arbitraries.integers().between(0, lines.size() - 1);
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 4);
    return Combinators.combine(kind, index, index).as((k, a, b) -> mutate(lines, k, a, b));
  }

  private static String mutate(List<String> original, int kind, int a, int b) {
    List<String> lines = new ArrayList<>(original);
    switch (kind) {
      case 0: lines.remove((int) a); break;
      case 1: lines.add(a, lines.get(b)); break;
      case 2: java.util.Collections.swap(lines, a, b); break;
      case 3: return String.join("\n", lines).substring(0, Math.min(VALID.length(), a * 37 + b));
      default:
        String line = lines.get(a);
        String[] words = line.trim().split("\\s+");
        if (words.length > 1) {
          lines.set(a, line.replaceFirst(java.util.regex.Pattern.quote(words[b % words.length]), ""));
        }
    }
    return String.join("\n", lines);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
