package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.cli.CompileCommandTest.Outcome;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * drill check and drill list over a project whose failed run's report holds the team's action
 * items: what each output format says about them, against golden files
 * ({@code -Dgolden.update=true} rewrites them). The project's path is shown as {@code $REPO}.
 */
class ActionItemsGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/action-items");

  /** The report of the failed run as the team edited it: the generated part shortened, the section filled in. */
  static final String REPORT = """
      # After-action report: Primary database fails over

      ## Outcome

      **Failed**: an expectation was missed.

      ## Action items

      <!-- What the team will fix, one task a line. -->
      - [ ] Fix the stale restart command @carol due 2026-12-15
      - [x] Page the right rotation @bob due 2026-11-30
      - [ ] Write the replica warm-up runbook
      - [ ] Rotate the replication keys @dave due 2026-11-31
      - [ ] Add a replication lag dashboard @erin due 2027-01-15
      """;

  @TempDir Path repo;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path drill = Files.createDirectories(repo.resolve("drills")).resolve("db-failover.drill");
    Files.writeString(drill, CompileCommandTest.VALID);
    assertEquals(0, CompileCommandTest.drill("guide", drill.toString()).exit());
    String fingerprint = new ObjectMapper().readTree(CompileCommandTest.drill("compile", drill.toString()).out())
        .get("fingerprint").asText();
    Instant start = Instant.parse("2026-11-03T14:03:00Z");
    RunResult failed = RunResult.of("db-failover", fingerprint, RunResult.Outcome.FAILED, "staging", start,
        start.plus(Duration.ofMinutes(40)), Optional.of(Duration.ofMinutes(3)), Optional.empty());
    Path result = repo.resolve("drill-results").resolve(failed.relativePath());
    Files.createDirectories(result.getParent());
    Files.writeString(result, RunResultJson.write(failed));
    Path report = repo.resolve("drill-runs/db-failover/2026-11-03T140300Z/report.md");
    Files.createDirectories(report.getParent());
    Files.writeString(report, REPORT);
  }

  private String shown(Outcome o) {
    return (o.out() + o.err()).replace(repo.toUri().toString(), "$REPO/").replace(repo.toString(), "$REPO");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "json", "junit", "sarif", "github"})
  void checkReportsTheActionItemsAtTheirLineInEveryFormat(String format) throws IOException {
    Outcome o = CompileCommandTest.drill("check", repo.resolve("drills").toString(), "--today=2026-12-20",
        "--format=" + format);
    assertEquals(1, o.exit(), "the failed run not re-run in time (D704) is an error");
    Golden.assertMatches(GOLDEN.resolve("check." + format + ".golden"), shown(o));
  }

  @Test
  void listShowsTheOpenAndOverdueItems() throws IOException {
    Outcome o = CompileCommandTest.drill("list", repo.resolve("drills").toString(), "--today=2026-12-20");
    assertEquals(0, o.exit(), o.err());
    Golden.assertMatches(GOLDEN.resolve("list.golden"), shown(o));
  }

  @Test
  void strictFailsOnTheActionItemWarningsAlone() throws IOException {
    Path result = repo.resolve("drill-results");
    try (var files = Files.walk(result)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(f, Files.readString(f).replace("\"failed\"", "\"passed\""));
      }
    }
    String[] args = {"check", repo.resolve("drills").toString(), "--today=2026-11-20"};
    assertEquals(0, CompileCommandTest.drill(args).exit(), "warnings alone pass");
    Outcome strict = CompileCommandTest.drill("check", repo.resolve("drills").toString(), "--today=2026-12-20",
        "--strict");
    assertEquals(1, strict.exit(), strict.out());
  }

  @Test
  void aRunsDirectoryThatDoesNotExistIsAUsageError() {
    Outcome o = CompileCommandTest.drill("check", repo.resolve("drills").toString(), "--runs", repo.resolve("nope").toString());
    assertEquals(2, o.exit());
    assertEquals("drill check: --runs " + repo.resolve("nope") + ": no such directory (without --runs, drill-runs/ at"
        + " the project root is read)\n", o.err());
  }

  /** Golden files of this test: compared, or rewritten with -Dgolden.update=true. */
  static final class Golden {
    static void assertMatches(Path file, String actual) throws IOException {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "differs from " + file);
    }
  }
}
