package dev.drill.compiler.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports on disk: the project's bounds, long chains, and any graph of files importing each other. */
class ImportGraphTest {

  private static final String DRILL_BODY = """
      {
        title "Built"
        owner "platform"
        kind  ics
        debrief { ask "Why?" }
      }
      """;

  @Test
  void anImportLeavingTheProjectThroughALinkIsRefusedAtTheImport(@TempDir Path tmp) throws IOException {
    Path project = Files.createDirectories(tmp.resolve("project"));
    Files.createDirectories(project.resolve(".git"));
    Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(outside.resolve("roles.drill"), "template roles() { owner \"platform\" }\n");
    Files.createSymbolicLink(project.resolve("lib"), outside);
    Path main = project.resolve("main.drill");
    Files.writeString(main, "import \"lib/roles.drill\"\n\ndrill main from roles() " + DRILL_BODY);

    CompileResult result = DrillCompiler.compile(main, "main.drill", Library.session());

    assertEquals(List.of("D802 main.drill 1:8"), codes(result));
    assertTrue(result.diagnostics().get(0).message().contains("outside the project " + project.toRealPath()),
        result.diagnostics().get(0).message());
  }

  @Test
  void aChainOfAThousandImportsAndAThousandTemplatesCompiles(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    int depth = 1000;
    for (int i = 0; i < depth; i++) {
      String next = i + 1 < depth ? "import \"f" + (i + 1) + ".drill\"\n" : "";
      String base = i + 1 < depth ? " from t" + (i + 1) + "()" : "";
      Files.writeString(dir.resolve("f" + i + ".drill"),
          next + "template t" + i + "()" + base + " { tags \"t" + i + "\" }\n");
    }
    Path main = dir.resolve("main.drill");
    Files.writeString(main, "import \"f0.drill\"\n\ndrill main from t0() " + DRILL_BODY);

    CompileResult result = DrillCompiler.compile(main, "main.drill", Library.session());

    assertEquals(List.of(), codes(result));
    assertEquals(depth, result.plan().orElseThrow().tags().size());
    assertEquals(depth, result.plan().get().origin().orElseThrow().from().size());
    assertEquals(depth, result.plan().get().origin().get().imports().size());
  }

  /**
   * Any graph of files importing each other: the compiler never fails, reports a cycle (D803)
   * exactly when one is reachable from the drill, and every file is read once however many
   * import it.
   */
  @Property(tries = 60)
  void anyImportGraphIsResolvedWithoutACrash(@ForAll @IntRange(min = 1, max = 8) int files, @ForAll long seed)
      throws IOException {
    Path dir = Files.createTempDirectory("drill-import-graph");
    try {
      Files.createDirectories(dir.resolve(".git"));
      Random random = new Random(seed);
      List<List<Integer>> edges = new ArrayList<>();
      for (int i = 0; i <= files; i++) {
        List<Integer> targets = new ArrayList<>();
        for (int j = 1; j <= files; j++) {
          if (random.nextInt(3) == 0) {
            targets.add(j);
          }
        }
        edges.add(targets);
      }
      for (int i = 1; i <= files; i++) {
        StringBuilder text = new StringBuilder();
        edges.get(i).forEach(j -> text.append("import \"f").append(j).append(".drill\"\n"));
        text.append("template t").append(i).append("() { tags \"t").append(i).append("\" }\n");
        Files.writeString(dir.resolve("f" + i + ".drill"), text.toString());
      }
      StringBuilder main = new StringBuilder();
      edges.get(0).forEach(j -> main.append("import \"f").append(j).append(".drill\"\n"));
      main.append("drill main ").append(DRILL_BODY);
      Files.writeString(dir.resolve("f0.drill"), main.toString());

      CompileResult result = DrillCompiler.compile(dir.resolve("f0.drill"), "f0.drill", Library.session());

      boolean cycle = reachesCycle(edges);
      assertEquals(cycle, codes(result).stream().anyMatch(c -> c.startsWith("D803")), codes(result).toString());
      assertEquals(cycle, result.plan().isEmpty(), codes(result).toString());
      assertTrue(result.diagnostics().stream().map(Diagnostic::code)
          .allMatch(c -> c == Code.D803 || c == Code.D814), codes(result).toString());
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static boolean reachesCycle(List<List<Integer>> edges) {
    return reachesCycle(0, edges, new HashSet<>(), new HashSet<>());
  }

  private static boolean reachesCycle(int node, List<List<Integer>> edges, Set<Integer> open, Set<Integer> done) {
    if (open.contains(node)) {
      return true;
    }
    if (!done.add(node)) {
      return false;
    }
    open.add(node);
    for (int next : edges.get(node)) {
      if (reachesCycle(next, edges, open, done)) {
        return true;
      }
    }
    open.remove(node);
    return false;
  }

  private static List<String> codes(CompileResult result) {
    return result.diagnostics().stream()
        .map(d -> d.code().name() + " " + d.span().file() + " " + d.span().line() + ":" + d.span().column())
        .collect(Collectors.toList());
  }
}
