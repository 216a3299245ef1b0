package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill roster on the command line: its formats and its usage errors, with drill list's exit codes. */
class RosterCommandTest {

  @TempDir Path dir;

  @BeforeEach
  void aDrillAndARun() throws IOException {
    Files.writeString(dir.resolve("db-failover.drill"), CompileCommandTest.VALID);
    String id = CompileCommandTest.VALID.lines().filter(l -> l.startsWith("drill ")).findFirst().orElseThrow()
        .split(" ")[1];
    Instant start = Instant.parse("2026-11-20T14:03:00Z");
    RunResult result = RunResult.of(id, "sha256:0123456789abcdef", RunResult.Outcome.PASSED, "staging", start,
        start.plusSeconds(600), Optional.empty(), Optional.empty()).withRoster(Map.of("operator", "alice"));
    Path file = dir.resolve("results").resolve(result.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, RunResultJson.write(result));
  }

  @Test
  void printsWhoHeldWhichRoleInEachFormat() {
    Outcome text = CompileCommandTest.drill("roster", dir.toString(), "--results", dir.resolve("results").toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("alice   operator  "), text.out());
    assertTrue(text.out().contains("2026-11-20"), text.out());
    Outcome json = CompileCommandTest.drill("roster", dir.toString(), "--results", dir.resolve("results").toString(),
        "--format", "json");
    assertEquals(0, json.exit(), json.err());
    assertTrue(json.out().contains("\"person\": \"alice\""), json.out());
    Outcome md = CompileCommandTest.drill("roster", dir.toString(), "--results", dir.resolve("results").toString(),
        "--format", "md");
    assertEquals(0, md.exit(), md.err());
    assertTrue(md.out().startsWith("# The roster\n"), md.out());
  }

  @Test
  void usageErrorsExitWithTwo() {
    Outcome format = CompileCommandTest.drill("roster", dir.toString(), "--format", "html");
    assertEquals(2, format.exit());
    assertEquals("drill roster: unknown format 'html'; use text, json or md\n", format.err());
    Outcome results = CompileCommandTest.drill("roster", dir.toString(), "--results", dir.resolve("nope").toString());
    assertEquals(2, results.exit());
    assertTrue(results.err().startsWith("drill roster: --results " + dir.resolve("nope") + ": no such directory"),
        results.err());
    Outcome missing = CompileCommandTest.drill("roster", dir.resolve("nowhere").toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("drill roster: no such file or directory: "), missing.err());
    Outcome option = CompileCommandTest.drill("roster", "--formt", "md");
    assertEquals(2, option.exit());
    assertEquals("drill roster: unknown option '--formt'; did you mean '--format'?\n", option.err());
  }
}
