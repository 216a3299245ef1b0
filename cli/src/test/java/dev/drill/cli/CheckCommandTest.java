package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.cli.CompileCommandTest.Outcome;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** drill check end to end: drills, guides and run results in a temporary repository. */
class CheckCommandTest {

  @TempDir Path repo;
  Path drills;
  Path results;

  @BeforeEach
  void library() throws IOException {
    drills = Files.createDirectories(repo.resolve("drills"));
    results = Files.createDirectories(repo.resolve("drill-results"));
  }

  private Path writeDrill(String id, String extra) throws IOException {
    Path file = drills.resolve(id + ".drill");
    Files.writeString(file, CompileCommandTest.VALID.replace("db-failover", id)
        .replace("  owner \"storage\"\n", "  owner \"storage\"\n" + extra));
    return file;
  }

  private static Outcome drill(String... args) {
    return CompileCommandTest.drill(args);
  }

  private void guide(Path drillFile) {
    Outcome o = drill("guide", drillFile.toString());
    assertEquals(0, o.exit(), o.err());
  }

  private void passedOn(String id, Path drillFile, String day) throws IOException {
    String fingerprint = new ObjectMapper().readTree(drill("compile", drillFile.toString()).out())
        .get("fingerprint").asText();
    Instant start = Instant.parse(day + "T10:00:00Z");
    RunResult result = RunResult.of(id, fingerprint, RunResult.Outcome.PASSED, "staging", start,
        start.plus(Duration.ofMinutes(40)), Optional.of(Duration.ofMinutes(3)), Optional.of(Duration.ofMinutes(25)));
    Path file = results.resolve(result.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, RunResultJson.write(result));
  }

  private Outcome check(String... extra) {
    String[] args = new String[4 + extra.length];
    args[0] = "check";
    args[1] = drills.toString();
    args[2] = "--results=" + results;
    args[3] = "--today=2026-11-24";
    System.arraycopy(extra, 0, args, 4, extra.length);
    return drill(args);
  }

  @Test
  void aCurrentPracticedLibraryPasses() throws IOException {
    Path a = writeDrill("db-failover", "  cadence 30d\n");
    guide(a);
    passedOn("db-failover", a, "2026-11-20");
    Outcome o = check();
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals("checked 1 drill: 0 errors, 0 warnings\n", o.out());
  }

  @Test
  void aBrokenDrillAStaleGuideAndAnOverdueDrillAreAllReported() throws IOException {
    Path broken = writeDrill("broken-drill", "");
    Files.writeString(broken, Files.readString(broken).replace("by operator", "by operater"));
    Path stale = writeDrill("stale-guide", "");
    guide(stale);
    Files.writeString(stale, Files.readString(stale).replace("pgctl promote", "pgctl promote --force"));
    Path overdue = writeDrill("overdue-drill", "  cadence 30d\n");
    guide(overdue);
    passedOn("overdue-drill", overdue, "2026-09-01");
    passedOn("stale-guide", stale, "2026-11-20");

    Outcome o = check();
    assertEquals(1, o.exit());
    assertTrue(o.out().contains("broken-drill.drill:11:43: error D202: unknown role 'operater'"), o.out());
    assertTrue(o.out().contains("guides/stale-guide.md:1:1: error D603:") || o.out().contains("stale-guide.md:1:1: error D603:"), o.out());
    assertTrue(o.out().contains("error D607: the guide's command 1 of step 'promote' is not the drill's"), o.out());
    assertTrue(o.out().contains("overdue-drill.drill:1:1: error D703:"), o.out());
    assertTrue(o.out().contains("checked 3 drills, 3 failed"), o.out());
  }

  @Test
  void aMissingGuideAndNeverPracticedAreReportedAndStrictFailsOnWarnings() throws IOException {
    writeDrill("db-failover", "");
    Outcome o = check();
    assertEquals(1, o.exit());
    assertTrue(o.out().contains("db-failover.drill:1:1: error D601: the guide"), o.out());
    assertTrue(o.out().contains("warning D701:"), o.out());

    guide(drills.resolve("db-failover.drill"));
    assertEquals(0, check().exit(), "a warning alone passes");
    assertEquals(1, check("--strict").exit(), "--strict fails on warnings");
  }

  @Test
  void junitOutputIsValidXmlWithOneTestCasePerDrill() throws Exception {
    Path a = writeDrill("first-drill", "");
    guide(a);
    writeDrill("second-drill", "");
    Outcome o = check("--format", "junit");
    assertEquals(1, o.exit());
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(o.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals(2, xml.getElementsByTagName("testcase").getLength());
    assertEquals(1, xml.getElementsByTagName("failure").getLength());
  }

  @Test
  void sarifOutputIsSarif() throws IOException {
    writeDrill("db-failover", "");
    Outcome o = check("--format=sarif");
    JsonNode sarif = new ObjectMapper().readTree(o.out());
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode result = sarif.get("runs").get(0).get("results").get(0);
    assertEquals("D601", result.get("ruleId").asText());
    assertEquals("error", result.get("level").asText());
  }

  @Test
  void githubOutputAnnotatesFiles() throws IOException {
    writeDrill("db-failover", "");
    Outcome o = check("--format", "github");
    assertTrue(o.out().lines().anyMatch(l -> l.startsWith("::error file=") && l.contains("title=D601")), o.out());
  }

  /** Without --results, the results are read at the project root (.git), not where the check runs. */
  @Test
  void theDefaultResultsAreAtTheDrillsProjectRoot() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path a = writeDrill("db-failover", "  cadence 30d\n");
    guide(a);
    passedOn("db-failover", a, "2026-11-20");
    Outcome o = drill("check", drills.toString(), "--today=2026-11-24");
    assertEquals("checked 1 drill: 0 errors, 0 warnings\n", o.out(), o.err());
    Outcome list = drill("list", a.toString(), "--today=2026-11-24");
    assertTrue(list.out().lines().anyMatch(l -> l.startsWith("db-failover") && l.contains("2026-11-20")), list.out());
  }

  /** An unreadable result is a finding about the results directory; it is not a drill. */
  @Test
  void unreadableRunResultsAreNotCountedAsDrills() throws IOException {
    Path a = writeDrill("db-failover", "  cadence 30d\n");
    guide(a);
    passedOn("db-failover", a, "2026-11-20");
    Files.writeString(results.resolve("broken.json"), "{");
    Outcome o = check();
    assertEquals(1, o.exit());
    assertTrue(o.out().endsWith("checked 1 drill, 1 unreadable run result: 1 error, 0 warnings\n"), o.out());
    JsonNode json = new ObjectMapper().readTree(check("--format", "json").out());
    assertEquals(1, json.get("summary").get("drills").asInt());
    assertEquals(0, json.get("summary").get("failedDrills").asInt());
    assertEquals(1, json.get("drills").size());
    assertEquals("D705", json.get("runResults").get("diagnostics").get(0).get("code").asText());
  }

  /** A --results that does not exist is a typo: a usage error, not a library where nothing was ever practiced. */
  @Test
  void aResultsDirectoryThatDoesNotExistIsAUsageError() throws IOException {
    writeDrill("db-failover", "");
    Path typo = repo.resolve("drill-result");
    for (String command : new String[] {"check", "list"}) {
      Outcome o = drill(command, drills.toString(), "--results", typo.toString());
      assertEquals(2, o.exit(), o.out() + o.err());
      assertEquals("drill " + command + ": --results " + typo + ": no such directory (without --results,"
          + " drill-results/ at the project root is read)\n", o.err());
      assertEquals("", o.out());
    }
  }

  @Test
  void usageErrors() {
    assertEquals(2, drill("check", "--format", "yaml", ".").exit());
    assertEquals(2, drill("check", "--today", "yesterday", ".").exit());
    assertEquals(2, drill("check", repo.resolve("missing").toString()).exit());
    Outcome help = drill("check", "--help");
    assertEquals(0, help.exit());
    assertFalse(help.out().isEmpty());
  }

  @Test
  void listShowsLastRunsAndDueDates() throws IOException {
    Path practiced = writeDrill("practiced", "  cadence 30d\n");
    passedOn("practiced", practiced, "2026-11-20");
    writeDrill("unpracticed", "");
    Outcome o = drill("list", drills.toString(), "--results", results.toString(), "--today", "2026-11-24");
    assertEquals(0, o.exit(), o.err());
    String line = o.out().lines().filter(l -> l.startsWith("practiced")).findFirst().orElseThrow();
    assertTrue(line.matches("practiced\\s+technical\\s+-\\s+30d\\s+2026-11-20\\s+passed\\s+2026-12-20\\s+.*"), line);
    assertTrue(o.out().lines().anyMatch(l -> l.startsWith("unpracticed") && l.contains("never practiced")), o.out());
  }

  /** A copy under the same id would show the original's run as its own: list refuses to. */
  @Test
  void listShowsNoRunForASecondFileWithTheSameDrillId() throws IOException {
    Path original = writeDrill("practiced", "  cadence 30d\n");
    passedOn("practiced", original, "2026-11-20");
    Files.copy(original, drills.resolve("practiced-copy.drill"));
    Outcome o = drill("list", drills.toString(), "--results", results.toString(), "--today", "2026-11-24");
    assertEquals(1, o.exit(), o.err());
    String copy = o.out().lines().filter(l -> l.endsWith("practiced.drill")).findFirst().orElseThrow();
    assertTrue(copy.contains("(id also in ") && copy.contains("practiced-copy.drill)") && !copy.contains("2026-11-20"), copy);
    assertTrue(o.err().contains("declares drill id 'practiced', as ") && o.err().contains("D207"), o.err());
  }
}
