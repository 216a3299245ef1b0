package dev.drill.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        new LibraryCheck.Options(dir.resolve("drill-results"), LocalDate.parse("2026-11-24")));
    CheckFindings.Entry entry = outcome.findings().entries().get(0);
    assertEquals(List.of("D601 2:1", "D701 2:1"), entry.diagnostics().stream()
        .map(d -> d.code() + " " + d.span().line() + ":" + d.span().column()).collect(Collectors.toList()));
  }

  @Test
  void drillsCheckedInParallelAreReportedInTheOrderGiven() throws IOException {
    List<Path> files = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Path drill = dir.resolve(String.format("d-%02d.drill", i));
      Files.writeString(drill, "drill d-" + i + " {\n  title \"T\"\n  owner \"o\"\n  kind ics\n}\n");
      files.add(drill);
    }
    LibraryCheck.Options options = new LibraryCheck.Options(dir.resolve("none"), LocalDate.parse("2026-11-24"));
    List<String> first = LibraryCheck.run(DrillFiles.find(files), options).findings().entries().stream()
        .map(CheckFindings.Entry::name).collect(Collectors.toList());
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      expected.add("d-" + i);
    }
    assertEquals(expected, first);
  }
}
