package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The direct parser reads what the grammar (ANTLR's parser) reads, and nothing else: on any
 * text, either both find it well-formed and build the same AST, span for span, or the direct
 * parser gives up where ANTLR reports an error. A difference would make a drill mean
 * something else, or a broken drill pass, depending on which parser read it.
 */
class DirectParserProperties {

  /** Every .drill file of the repository: the samples, the test data, good and bad. */
  private static final List<Path> CORPUS = corpus();

  @Test
  void everyDrillOfTheRepositoryParsesAlikeBothWays() {
    int wellFormed = 0;
    for (Path path : CORPUS) {
      if (assertAlike(path.toString(), read(path))) {
        wellFormed++;
      }
    }
    assertTrue(CORPUS.size() > 100, "the corpus holds " + CORPUS.size() + " files");
    assertTrue(wellFormed > 50, wellFormed + " of the corpus are well-formed");
    assertTrue(CORPUS.size() - wellFormed > 10, "and some are not: " + (CORPUS.size() - wellFormed));
  }

  @Property(tries = 400)
  void generatedDrillsParseAlikeBothWays(@ForAll("drills") String text) {
    assertTrue(assertAlike("generated.drill", text), "a generated drill is well-formed");
  }

  /** A file of the corpus or a generated drill, with a few edits at random places. */
  @Property(tries = 3000)
  void editedDrillsParseAlikeBothWays(@ForAll("edited") String text) {
    assertAlike("edited.drill", text);
  }

  @Test
  void theEdgesOfTheLexiconParseAlikeBothWays() {
    String[] snippets = {
        "", "   \n", "# only a comment", "drill d {}", "drill d {}\n", "drill d {} // end",
        "drill d { timebox 1h30m }", "drill d { timebox 5ms }", "drill d { timebox 5m5 }", "drill d { timebox 5 }",
        "drill d { timebox 1.5h }", "drill d { timebox 10sec }", "drill d { timebox 99999999999999999999d }",
        "drill d-1-x_2 {}", "drill d- {}", "drill drills {}", "drill drill {}", "drill _x {}",
        "drill d { title \"\" }", "drill d { title \"\"\"\"\"\" }", "drill d { title \"\"\"a\"\"\"\" }",
        "drill d { title \"a\\\"b\" }", "drill d { title \"a\\\nb\" }", "drill d { title \"a\\", "drill d { title \"a",
        "drill d { title \"\"\"\n  two\n  lines\n\"\"\" summary \"x\" }", "drill d { title \"\"\"open }",
        "drill d { title \"\u00e9\ud83d\ude00\" summary \"x\" }", "drill d {\u00a0title \"x\"\ufeff}",
        "drill d { title \"a\u0007\" }", "drill d { title \"a\u202eb\" }", "# \u0001\ndrill d {}",
        "drill d {\r\n  title \"x\"\r\n}\r\n", "drill d {\r  title \"x\"\r}\r", "drill d { title \"${x\" }",
        "drill d { steady { check c { http GET \"u\" expect status != 200 expect status <= -1.5 every 5s } } }",
        "drill d { steady { check c { command \"x\" expect exit in 0, 1 expect exit between 1 and 2 } } }",
        "drill d { steady { check c { prometheus query \"q\" at \"s\" expect >= 1 } } }",
        "drill d { steady { check c { prometheus query \"q\" expect 1 } } }",
        "drill d { steady { check c { http GET \"u\" expect json \"$.a\" count 1 equals \"x\" } } }",
        "drill d { title \"x\" } drill e { title \"y\" }", "drill d { title \"x\" } import \"a.drill\"",
        "template t() {} template u(a, b = \"x\") from t() { title \"${a}\" }",
        "drill d { a ! b }", "drill d { = }", "drill d { title \"x\" . }", "drill d { title \u201cx\u201d }",
    };
    for (String snippet : snippets) {
      assertAlike("edge.drill", snippet);
    }
  }

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<String> base = Arbitraries.oneOf(
        Arbitraries.of(CORPUS).map(DirectParserProperties::read), GeneratedDrills.drills());
    return Combinators.combine(base, edits()).as((text, edits) -> {
      String edited = text;
      for (Edit edit : edits) {
        edited = edit.apply(edited);
      }
      return edited;
    });
  }

  /** Text that the lexer or the parser treats specially. */
  private static final List<String> PIECES = List.of(
      "{", "}", "(", ")", ",", "=", "==", "!=", "<", "<=", ">", ">=", "!", "-", ".", "/", "//", "#",
      "\"", "\"\"\"", "\\", "\n", "\r", "\r\n", " ", "\t", "\u00a0", "5", "5s", "1h30m", "5ms", "5x", "-1",
      "1.5", "${", "}", "drill", "template", "import", "from", "step", "title", "expect", "status", "within",
      "run", "undo", "http", "GET", "background", "any", "in", "between", "and", "matches", "env",
      "\u00e9", "\u201c", "\u0007", "\ud83d\ude00");

  private record Edit(double where, int length, String piece) {
    String apply(String text) {
      int at = (int) (where * text.length());
      int end = Math.min(text.length(), at + length);
      return text.substring(0, at) + piece + text.substring(end);
    }
  }

  private static Arbitrary<List<Edit>> edits() {
    Arbitrary<Edit> edit = Combinators.combine(
            Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 3),
            Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.just("")))
        .as(Edit::new);
    return edit.list().ofMinSize(1).ofMaxSize(3);
  }

  /** Asserts that both parsers agree on the text; whether it is well-formed. */
  private static boolean assertAlike(String name, String text) {
    ParseResult reference = SyntaxAnalyzer.analyze(new SourceFile(name, text)).result();
    Optional<DrillFile> direct = DirectParser.parse(name, SyntaxAnalyzer.lexerText(text));
    if (reference.ast().isPresent()) {
      assertTrue(direct.isPresent(), () -> "ANTLR reads it, the direct parser does not:\n" + text);
      assertTrue(reference.ast().get().equals(direct.get()), () -> "another AST for:\n" + text + "\n"
          + firstDifference(reference.ast().get().toString(), direct.get().toString()));
      assertTrue(reference.equals(SyntaxAnalyzer.parse(new SourceFile(name, text))), "the same result");
      return true;
    }
    assertFalse(direct.isPresent(), () -> "ANTLR reports " + reference.diagnostics() + ", the direct parser reads:\n"
        + text);
    return false;
  }

  /** Where two long ASTs part, as each prints it. */
  private static String firstDifference(String expected, String actual) {
    int at = 0;
    while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 150);
    return "ANTLR:  ..." + expected.substring(from, Math.min(expected.length(), at + 150))
        + "\ndirect: ..." + actual.substring(from, Math.min(actual.length(), at + 150));
  }

  private static List<Path> corpus() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".drill"))
          .filter(p -> !root.relativize(p).toString().contains("target/") && !p.toString().contains("/node_modules/"))
          .filter(p -> !root.relativize(p).startsWith("."))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path path) {
    try {
      return new String(Files.readAllBytes(path), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
