package dev.drill.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run works and writes, from the file run and the project it is in. */
class RunPlacesTest {

  @TempDir Path tmp;
  Path repo;
  Path drills;
  final Plan plan = TimingPlan.load();

  @BeforeEach
  void project() throws IOException {
    repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    drills = Files.createDirectories(repo.resolve("drills"));
    Files.createDirectories(repo.resolve("plans"));
  }

  private static RunPlaces.Places ready(RunPlaces.Found found) {
    assertTrue(found instanceof RunPlaces.Found.Ready, found.toString());
    return ((RunPlaces.Found.Ready) found).places();
  }

  @Test
  void aDrillRunsInItsDirectoryAndWritesAtTheProjectRoot() {
    RunPlaces.Places places = ready(RunPlaces.of(drills.resolve("timing.drill"), "timing.drill", plan,
        Optional.empty(), Optional.empty()));
    assertEquals(drills, places.workdir());
    assertEquals(repo.resolve("drill-runs"), places.journals());
    assertEquals(repo.resolve("drill-results"), places.results());
  }

  @Test
  void directoriesGivenOnTheCommandLineStayAsWritten() {
    RunPlaces.Places places = ready(RunPlaces.of(drills.resolve("timing.drill"), "timing.drill", plan,
        Optional.of(Path.of("runs")), Optional.of(Path.of("out/results"))));
    assertEquals(Path.of("runs"), places.journals());
    assertEquals(Path.of("out/results"), places.results());
  }

  /** drill compile -o plans/: the plan names the drill's directory; the run goes there, not to plans/. */
  @Test
  void aPlanRunsInTheDirectoryItRecords() {
    RunPlaces.Places places = ready(RunPlaces.of(repo.resolve("plans/timing.plan.json"), "plans/timing.plan.json",
        plan.withDirectory(Optional.of("drills")), Optional.empty(), Optional.empty()));
    assertEquals(drills, places.workdir());
    assertEquals(repo.resolve("drill-results"), places.results());
  }

  @Test
  void aPlanWithoutADirectoryRunsBesideItself() {
    RunPlaces.Places places = ready(RunPlaces.of(repo.resolve("plans/timing.plan.json"), "plans/timing.plan.json",
        plan, Optional.empty(), Optional.empty()));
    assertEquals(repo.resolve("plans"), places.workdir());
  }

  @Test
  void aDirectoryTheProjectDoesNotHaveRunsNothing() {
    RunPlaces.Found found = RunPlaces.of(repo.resolve("plans/timing.plan.json"), "plans/timing.plan.json",
        plan.withDirectory(Optional.of("elsewhere")), Optional.empty(), Optional.empty());
    assertTrue(found instanceof RunPlaces.Found.Refused, found.toString());
    assertEquals("plans/timing.plan.json runs its commands in its drill's directory, 'elsewhere' in the drill's"
        + " project, but the project " + repo + " has no such directory; run the plan from inside the drill's"
        + " project, or compile the drill again", ((RunPlaces.Found.Refused) found).reason());
  }
}
