package dev.drill.compiler.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideException;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.syntax.Formatter;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the drill id, the starting files compile clean; whatever is not one, nothing is written. */
class ScaffoldProperties {

  @Property(tries = 200)
  void everyDrillIdGivesStartingDrillsThatCompileCleanAndAreFormatted(@ForAll("ids") String name)
      throws GuideException {
    for (Starter starter : List.of(Starter.TECHNICAL, Starter.SECURITY, Starter.ICS)) {
      Starter.StarterFile file = starter.files(name).get(0);
      SourceFile source = new SourceFile(file.drill().toString(), file.text());
      CompileResult compiled = DrillCompiler.compile(source);
      assertEquals(List.of(), compiled.diagnostics(), starter + " " + name);
      Plan plan = compiled.plan().orElseThrow();
      assertEquals(name, plan.id());
      assertEquals(file.guide().orElseThrow().toString(), plan.guide(), "the guide is where the drill says");
      assertEquals(source.text(), Formatter.format(source).orElseThrow(), "already formatted");
      assertEquals(List.of(), GuideChecker.check(plan, new SourceFile(plan.guide(), GuideRenderer.builtIn().render(plan))));
    }
  }

  @Property(tries = 30)
  void everyLibraryNameGivesALibraryAndADrillBuiltFromItThatCompileClean(@ForAll("ids") String name)
      throws IOException {
    Path repo = Files.createTempDirectory("drill-new");
    try {
      Files.createDirectory(repo.resolve(".git"));
      Scaffold.Created created = assertInstanceOf(Scaffold.Created.class, Scaffold.create("library", name, repo));
      assertEquals(3, created.files().size());
      CompileResult example = DrillCompiler.compile(repo.resolve(name + "-example.drill"), name + "-example.drill");
      assertEquals(List.of(), example.diagnostics(), name);
    } finally {
      delete(repo);
    }
  }

  @Property(tries = 200)
  void whatIsNotADrillIdIsRefusedAndNothingIsWritten(@ForAll("notIds") String name) throws IOException {
    Assume.that(!PlanValidator.isId(name));
    Path dir = Files.createTempDirectory("drill-new").resolve("drills");
    for (String kind : Scaffold.KINDS) {
      assertInstanceOf(Scaffold.Refused.class, Scaffold.create(kind, name, dir), kind + " '" + name + "'");
    }
    assertFalse(Files.exists(dir));
    Files.delete(dir.getParent());
  }

  @Provide
  Arbitrary<String> ids() {
    // The language's keywords are names too: a drill may be called 'step' or 'drill'.
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.of("drill", "step", "title", "from", "import", "template", "kind", "ics", "env"),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(1)
            .flatMap(first -> Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMaxLength(8).map(rest -> first + rest)));
    Arbitrary<String> tail = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
        .ofMinLength(1).ofMaxLength(6);
    return Arbitraries.oneOf(word, word.flatMap(w -> tail.list().ofMaxSize(3).map(t -> String.join("-",
        Stream.concat(Stream.of(w), t.stream()).toList()))));
  }

  @Provide
  Arbitrary<String> notIds() {
    return Arbitraries.strings().withChars("aZ-_./ \\\"${}\n09é").ofMinLength(0).ofMaxLength(12);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
