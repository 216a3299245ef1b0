package dev.drill.compiler.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.Golden;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.LibraryCheck;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.library.Library;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.syntax.Formatter;
import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * drill new, kind by kind: the files it writes match the golden files in
 * {@code testdata/scaffold/KIND/} ({@code -Dgolden.update=true} rewrites them), compile without
 * a finding, are already formatted, come with the guide drill guide writes, and pass drill check
 * with nothing worse than "never practiced".
 */
class ScaffoldTest {

  private static final Path GOLDEN = Path.of("src/test/resources/testdata/scaffold");
  private static final Map<String, String> NAMES = Map.of(
      "technical", "payment-outage", "security", "portal-breach", "ics", "datacenter-power-loss",
      "library", "web-fleet");

  @TempDir Path tmp;

  /** A repository, as drills live in: the project an import must stay in. */
  @BeforeEach
  void repository() throws IOException {
    Files.createDirectory(tmp.resolve(".git"));
  }

  @TestFactory
  Stream<DynamicTest> eachKindWritesItsGoldenFilesWhichCompileCleanAndPassTheCheck() {
    return Scaffold.KINDS.stream().map(kind -> DynamicTest.dynamicTest(kind, () -> {
      Path dir = tmp.resolve(kind);
      Scaffold.Result result = Scaffold.create(kind, NAMES.get(kind), dir);
      Scaffold.Created created = assertInstanceOf(Scaffold.Created.class, result, result.toString());
      Map<String, String> written = tree(dir);
      assertEquals(written.keySet().stream().map(f -> DrillFiles.display(dir.resolve(f))).sorted().toList(),
          created.files().stream().sorted().toList(), "the files it says it wrote are those on disk");
      for (Map.Entry<String, String> file : written.entrySet()) {
        Golden.assertMatches(GOLDEN.resolve(kind).resolve(file.getKey()), file.getValue());
      }
      int drills = 0;
      for (Map.Entry<String, String> file : written.entrySet()) {
        if (!file.getKey().endsWith(".drill")) {
          continue;
        }
        Path drill = dir.resolve(file.getKey());
        CompileResult compiled = DrillCompiler.compile(drill, file.getKey(), Library.session());
        assertEquals(List.of(), render(compiled), file.getKey() + " compiles without a finding");
        assertEquals(new Formatter.Formatted(file.getValue(), false),
            Formatter.format(drill, file.getKey()), file.getKey() + " is already formatted");
        if (compiled.templatesOnly()) {
          continue;
        }
        drills++;
        Plan plan = compiled.plan().orElseThrow();
        String guide = written.get(Path.of(file.getKey()).resolveSibling(plan.guide()).normalize().toString());
        assertEquals(GuideRenderer.builtIn().render(plan), guide, "the guide is what drill guide writes");
        assertEquals(List.of(), GuideChecker.check(plan, new SourceFile(plan.guide(), guide)));
        assertTrue(file.getValue().contains("# TODO(team): "), file.getKey() + " says what to fill in");
        assertTrue(plan.title().startsWith(Starter.title(NAMES.get(kind))), "the title comes from the name");
      }
      assertEquals(1, drills, "one drill, with its guide");
      CheckFindings findings = LibraryCheck.run(DrillFiles.find(List.of(dir)), new LibraryCheck.Options(
          tmp.resolve("results"), tmp.resolve("runs"), LocalDate.parse("2026-12-01"))).findings();
      List<String> codes = new ArrayList<>();
      findings.entries().forEach(e -> e.diagnostics().forEach(d -> codes.add(d.code().name())));
      assertEquals(List.of("D701"), codes, "only 'never practiced', which fails drill check --strict alone");
    }));
  }

  @Test
  void aNameThatIsNotADrillIdIsRefusedWithTheCompilersRuleAndItsSuggestion() throws IOException {
    Scaffold.Refused refused = assertInstanceOf(Scaffold.Refused.class,
        Scaffold.create("technical", "Payment_Outage", tmp.resolve("drills")));
    assertEquals(new Scaffold.Refused("drill name 'Payment_Outage' is not kebab-case, so it cannot be a drill id",
        "use lower-case words joined by '-', such as 'payment-outage'"), refused);
    Scaffold.Refused path = assertInstanceOf(Scaffold.Refused.class,
        Scaffold.create("library", "../lib", tmp.resolve("drills")));
    assertEquals("library name '../lib' is not kebab-case, so it cannot be a drill id", path.message());
    assertFalse(Files.exists(tmp.resolve("drills")), "nothing was written, not even the directory");
  }

  @Test
  void anUnknownKindIsRefusedWithTheKindsAndANearMiss() {
    assertEquals(new Scaffold.Refused("unknown kind 'secruity'",
            "did you mean 'security'? (the kinds are technical, security, ics or library)"),
        Scaffold.create("secruity", "portal-breach", tmp));
    assertEquals(new Scaffold.Refused("unknown kind 'chaos'", "the kinds are technical, security, ics or library"),
        Scaffold.create("chaos", "portal-breach", tmp));
  }

  @Test
  void anExistingFileIsNeverOverwrittenAndNothingElseIsWritten() throws IOException {
    Path dir = tmp.resolve("drills");
    Path guide = Files.createDirectories(dir.resolve("guides")).resolve("web-fleet-example.md");
    byte[] mine = "# our own notes\n".getBytes(StandardCharsets.UTF_8);
    Files.write(guide, mine);
    Scaffold.Refused refused = assertInstanceOf(Scaffold.Refused.class, Scaffold.create("library", "web-fleet", dir));
    assertEquals(DrillFiles.display(guide) + " exists; drill new never overwrites a file, so nothing was written",
        refused.message());
    assertEquals(List.of("guides/web-fleet-example.md"), List.copyOf(tree(dir).keySet()));
    assertEquals(new String(mine, StandardCharsets.UTF_8), Files.readString(guide));
  }

  @Test
  void aLibraryWhoseImportWouldLeaveTheProjectIsTakenBackWithTheCompilersReason() throws IOException {
    // The example drill's project is its directory's repository; its library, through a link, is elsewhere.
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Files.createSymbolicLink(repo.resolve("lib"), elsewhere);
    Scaffold.Refused refused = assertInstanceOf(Scaffold.Refused.class, Scaffold.create("library", "web-fleet", repo));
    assertTrue(refused.message().startsWith("cannot write " + DrillFiles.display(repo.resolve("web-fleet-example.drill"))
        + " there: 'lib/web-fleet.drill' is "), refused.message());
    assertTrue(refused.hint().startsWith("a library lives inside the project that uses it"), refused.hint());
    assertEquals(List.of(), List.copyOf(tree(repo).keySet()), "what was written is removed again");
    assertEquals(List.of(), List.copyOf(tree(elsewhere).keySet()));
  }

  @Test
  void theTitleIsTheNameInWords() {
    assertEquals("Payment outage", Starter.title("payment-outage"));
    assertEquals("Db2 failover", Starter.title("db2-failover"));
  }

  /** Every file under the directory, by its path relative to it ('/'-separated), with its text. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static List<String> render(CompileResult result) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : result.diagnostics()) {
      out.add(DiagnosticRenderer.render(d, result.sourceOf(d.span().file())));
    }
    return out;
  }
}
