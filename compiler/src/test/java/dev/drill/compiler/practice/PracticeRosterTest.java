package dev.drill.compiler.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.Golden;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResult.Outcome;
import dev.drill.plan.RunResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill roster: who held which role, last when, and who never held a role the drills declare. */
class PracticeRosterTest {

  private static final Path GOLDEN = Path.of("src/test/resources/testdata/roster");

  @TempDir Path dir;

  @BeforeEach
  void aLibrary() throws IOException {
    drill("db-failover.drill", "db-failover", "commander \"Leads\"\n    operator \"Runs the steps\"");
    drill("cache-loss.drill", "cache-loss", "commander \"Leads\"\n    scribe \"Writes it down\"");
  }

  private void drill(String file, String id, String roles) throws IOException {
    Path path = dir.resolve("drills").resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, "drill " + id + " {\n  title \"" + id + "\"\n  owner \"sre\"\n  kind ics\n"
        + "  roles {\n    " + roles + "\n  }\n}\n");
  }

  private void result(String drill, String date, Outcome outcome, String... rolesAndPeople) throws IOException {
    Map<String, String> roster = new LinkedHashMap<>();
    for (int i = 0; i < rolesAndPeople.length; i += 2) {
      roster.put(rolesAndPeople[i], rolesAndPeople[i + 1]);
    }
    RunResult result = Runs.result(drill, "sha256:0123456789abcdef", outcome, date).withRoster(roster);
    Path file = dir.resolve("results").resolve(result.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, RunResultJson.write(result));
  }

  private PracticeRoster.Roster roster() throws IOException {
    return PracticeRoster.of(DrillFiles.find(List.of(dir.resolve("drills"))), dir.resolve("results"));
  }

  @Test
  void theMatrixHasTheLastDateEachPersonHeldEachRoleInEachDrill() throws IOException {
    result("db-failover", "2026-10-02", Outcome.PASSED, "commander", "alice", "operator", "bob");
    result("db-failover", "2026-11-06", Outcome.FAILED, "commander", "alice", "operator", "alice");
    result("cache-loss", "2026-11-13", Outcome.ABORTED, "commander", "Carol Diaz", "scribe", "bob");
    result("retired-drill", "2026-11-14", Outcome.PASSED, "commander", "dave");
    result("cache-loss", "2026-11-20", Outcome.PASSED);
    PracticeRoster.Roster roster = roster();
    assertEquals(List.of("alice", "bob", "Carol Diaz"), roster.people());
    assertEquals(List.of("commander", "operator", "scribe"), roster.roles());
    assertEquals(List.of(
        new PracticeRoster.Held("alice", "commander", "db-failover", Runs.day("2026-11-06")),
        new PracticeRoster.Held("alice", "operator", "db-failover", Runs.day("2026-11-06")),
        new PracticeRoster.Held("bob", "operator", "db-failover", Runs.day("2026-10-02")),
        new PracticeRoster.Held("bob", "scribe", "cache-loss", Runs.day("2026-11-13")),
        new PracticeRoster.Held("Carol Diaz", "commander", "cache-loss", Runs.day("2026-11-13"))), roster.held());
    assertEquals(List.of("alice has never been scribe", "bob has never been commander",
        "Carol Diaz has never been operator", "Carol Diaz has never been scribe"),
        roster.neverHeld().stream().map(PracticeRoster.NeverHeld::sentence).toList());
    for (RosterOutput format : RosterOutput.values()) {
      Golden.assertMatches(GOLDEN.resolve("roster." + format.name().toLowerCase(java.util.Locale.ROOT)),
          format.render(roster));
    }
  }

  @Test
  void withoutNamedPeopleTheRosterSaysHowToNameThem() throws IOException {
    result("db-failover", "2026-10-02", Outcome.PASSED);
    PracticeRoster.Roster roster = roster();
    assertEquals(List.of(), roster.people());
    for (RosterOutput format : RosterOutput.values()) {
      Golden.assertMatches(GOLDEN.resolve("nobody." + format.name().toLowerCase(java.util.Locale.ROOT)),
          format.render(roster));
    }
  }

  @Test
  void theSameResultsAlwaysPrintTheSame() throws IOException {
    result("cache-loss", "2026-11-13", Outcome.PASSED, "scribe", "zoe", "commander", "Ann");
    result("db-failover", "2026-11-13", Outcome.PASSED, "operator", "ann");
    String first = RosterOutput.TEXT.render(roster());
    assertEquals(first, RosterOutput.TEXT.render(roster()));
    assertEquals(List.of("Ann", "ann", "zoe"), roster().people());
  }
}
