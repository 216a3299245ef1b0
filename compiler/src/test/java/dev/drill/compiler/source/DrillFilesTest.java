package dev.drill.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are drills, and where drill compile -o puts their plans. */
class DrillFilesTest {

  @TempDir Path dir;

  private Path touch(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "");
  }

  @Test
  void directoriesGiveTheirDrillsInSortedOrderSkippingHiddenAndBuildOutput() throws IOException {
    touch("b.drill");
    touch("a/z.drill");
    touch("a/notes.md");
    touch(".hidden/x.drill");
    touch("target/y.drill");
    assertEquals(List.of(dir.resolve("a/z.drill"), dir.resolve("b.drill")),
        DrillFiles.find(List.of(dir)).stream().map(DrillFiles.Found::path).toList());
  }

  @Test
  void aPlanMirrorsItsDrillsPlaceUnderTheDirectoryItWasFoundIn() throws IOException {
    touch("samples/drills/x.drill");
    touch("samples/y.drill");
    List<DrillFiles.Found> found = DrillFiles.find(List.of(dir.resolve("samples")));
    assertEquals(List.of(Path.of("drills/x.plan.json"), Path.of("y.plan.json")),
        found.stream().map(DrillFiles.Found::planPath).toList());
  }

  @Test
  void aFileNamedDirectlyHasItsPlanBesideTheOutputRoot() throws IOException {
    Path named = touch("deep/scenario.txt");
    assertEquals(Path.of("scenario.txt.plan.json"), DrillFiles.find(List.of(named)).get(0).planPath());
    Path drill = touch("deep/er/scenario.drill");
    assertEquals(Path.of("scenario.plan.json"), DrillFiles.find(List.of(drill)).get(0).planPath());
  }
}
