package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.report.CheckReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillCheckTest {

  @TempDir Path dir;

  @Test
  void d601AMissingGuideIsReportedAtTheDrill() throws IOException {
    Path drill = dir.resolve("x.drill");
    Files.writeString(drill, "# a drill without its guide\ndrill cache-node-loss {\n  title \"Cache lost\"\n"
        + "  owner \"platform\"\n  kind ics\n}\n");
    DrillCheck.Outcome outcome = DrillCheck.run(DrillFiles.find(List.of(drill)),
        new DrillCheck.Options(dir.resolve("drill-results"), LocalDate.parse("2026-11-24")));
    CheckReport.Entry entry = outcome.report().entries().get(0);
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
    DrillCheck.Options options = new DrillCheck.Options(dir.resolve("none"), LocalDate.parse("2026-11-24"));
    List<String> first = DrillCheck.run(DrillFiles.find(files), options).report().entries().stream()
        .map(CheckReport.Entry::name).collect(Collectors.toList());
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      expected.add("d-" + i);
    }
    assertEquals(expected, first);
  }
}
