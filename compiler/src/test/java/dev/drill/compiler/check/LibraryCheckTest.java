package dev.drill.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.Golden;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryCheckTest {

  @TempDir Path dir;

  @Test
  void d601AMissingGuideIsReportedAtTheDrill() throws IOException {
    Path drill = dir.resolve("x.drill");
    Files.writeString(drill, "# a drill without its guide\ndrill cache-node-loss {\n  title \"Cache lost\"\n"
        + "  owner \"platform\"\n  kind ics\n}\n");
    LibraryCheck.Outcome outcome = LibraryCheck.run(DrillFiles.find(List.of(drill)),
        new LibraryCheck.Options(dir.resolve("drill-results"), dir.resolve("drill-runs"), LocalDate.parse("2026-11-24")));
    CheckFindings.Entry entry = outcome.findings().entries().get(0);
    assertEquals(List.of("D601 2:1", "D701 2:1"), entry.diagnostics().stream()
        .map(d -> d.code() + " " + d.span().line() + ":" + d.span().column()).collect(Collectors.toList()));
  }

  /**
   * D207: the second file to declare an id gets the error at its id, naming the first file;
   * the rendering is the golden file and the example of docs/diagnostics.md.
   */
  @Test
  void d207TwoFilesDeclaringOneDrillIdIsAnErrorAtTheSecond() throws IOException {
    Path drills = Path.of("src/test/resources/testdata/library/duplicate-drill-id/drills");
    List<DrillFiles.Found> found = List.of(
        new DrillFiles.Found(drills.resolve("cache-zone-1.drill"), "drills/cache-zone-1.drill", drills),
        new DrillFiles.Found(drills.resolve("cache-zone-2.drill"), "drills/cache-zone-2.drill", drills));
    LibraryCheck.Outcome outcome = LibraryCheck.run(found,
        new LibraryCheck.Options(dir.resolve("drill-results"), dir.resolve("drill-runs"), LocalDate.parse("2026-11-24")));
    List<CheckFindings.Entry> entries = outcome.findings().entries();
    assertEquals(List.of("D601 2:1", "D701 2:1"), codes(entries.get(0)), "the first file given is the first");
    assertEquals(List.of("D207 2:7", "D601 2:1", "D701 2:1"), codes(entries.get(1)));
    Diagnostic duplicate = entries.get(1).diagnostics().get(0);
    assertEquals("drills/cache-zone-2.drill", duplicate.span().file());
    assertEquals(2, duplicate.span().endLine());
    assertEquals(21, duplicate.span().endColumn());
    String rendered = DiagnosticRenderer.render(duplicate, outcome.source(duplicate.span().file()));
    Golden.assertMatches(drills.resolveSibling("check.diagnostics.txt"), rendered);
    assertTrue(Files.readString(Path.of("../docs/diagnostics.md")).contains("```\n" + rendered + "```\n"),
        "docs/diagnostics.md shows D207 as rendered:\n" + rendered);
  }

  private static List<String> codes(CheckFindings.Entry entry) {
    return entry.diagnostics().stream()
        .map(d -> d.code() + " " + d.span().line() + ":" + d.span().column()).collect(Collectors.toList());
  }

  @Test
  void drillsCheckedInParallelAreReportedInTheOrderGiven() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Path drill = dir.resolve(String.format("d-%02d.drill", i));
      Files.writeString(drill, "drill d-" + i + " {\n  title \"T\"\n  owner \"o\"\n  kind ics\n}\n");
      files.add(drill);
    }
    LibraryCheck.Options options = new LibraryCheck.Options(dir.resolve("none"), dir.resolve("none"), LocalDate.parse("2026-11-24"));
    List<String> first = LibraryCheck.run(DrillFiles.find(files), options).findings().entries().stream()
        .map(CheckFindings.Entry::name).collect(Collectors.toList());
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      expected.add("d-" + i);
    }
    assertEquals(expected, first);
  }
}
