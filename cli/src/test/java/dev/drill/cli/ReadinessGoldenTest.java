package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.cli.ActionItemsGoldenTest.Golden;
import dev.drill.cli.CompileCommandTest.Outcome;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResultJson;
import java.io.IOException;
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
 * drill list's readiness over a small library (a drill that failed after passes, one that
 * passed and is past its cadence, one never run), against golden files
 * ({@code -Dgolden.update=true} rewrites them). The project's path is shown as {@code $REPO}.
 */
class ReadinessGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/readiness");

  @TempDir Path repo;

  @BeforeEach
  void library() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path drills = Files.createDirectories(repo.resolve("drills"));
    String db = drill(drills, "db-failover", CompileCommandTest.VALID);
    String cache = drill(drills, "cache-loss",
        CompileCommandTest.VALID.replace("drill db-failover {", "drill cache-loss {\n  cadence 30d"));
    drill(drills, "dns-outage", CompileCommandTest.VALID.replace("drill db-failover {", "drill dns-outage {"));
    int[][] dbTimes = {{4, 22}, {3, 18}, {5, 25}, {2, 15}, {2, 12}};
    for (int i = 0; i < dbTimes.length; i++) {
      result("db-failover", db, RunResult.Outcome.PASSED, "2026-0" + (5 + i) + "-05T09:30:00Z", dbTimes[i][0], dbTimes[i][1]);
    }
    result("db-failover", db, RunResult.Outcome.FAILED, "2026-11-03T14:03:00Z", 7, -1);
    result("cache-loss", cache, RunResult.Outcome.PASSED, "2026-09-14T10:00:00Z", 1, 6);
    result("cache-loss", cache, RunResult.Outcome.PASSED, "2026-10-12T10:00:00Z", 1, 4);
  }

  private static String drill(Path dir, String id, String text) throws IOException {
    Path file = dir.resolve(id + ".drill");
    Files.writeString(file, text);
    assertEquals(0, CompileCommandTest.drill("guide", file.toString()).exit());
    return new ObjectMapper().readTree(CompileCommandTest.drill("compile", file.toString()).out())
        .get("fingerprint").asText();
  }

  /** A result with these minutes to detect and to recover (negative: none). */
  private void result(String drill, String fingerprint, RunResult.Outcome outcome, String start, int ttd, int ttr)
      throws IOException {
    Instant started = Instant.parse(start);
    RunResult result = RunResult.of(drill, fingerprint, outcome, "staging", started, started.plus(Duration.ofMinutes(45)),
        minutes(ttd), minutes(ttr));
    Path file = repo.resolve("drill-results").resolve(result.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, RunResultJson.write(result));
  }

  private static Optional<Duration> minutes(int m) {
    return m < 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(m));
  }

  private Outcome list(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "list";
    args[1] = repo.resolve("drills").toString();
    args[2] = "--today=2026-11-12";
    System.arraycopy(options, 0, args, 3, options.length);
    return CompileCommandTest.drill(args);
  }

  private String shown(Outcome o) {
    return (o.out() + o.err()).replace(repo.toUri().toString(), "$REPO/").replace(repo.toString(), "$REPO");
  }

  @Test
  void listScoresEachDrillAndTheLibrary() throws IOException {
    Outcome o = list();
    assertEquals(0, o.exit(), o.err());
    Golden.assertMatches(GOLDEN.resolve("list.golden"), shown(o));
  }

  @Test
  void trendDrawsTheTimesOfTheLastRunsOldestFirst() throws IOException {
    Outcome o = list("--trend");
    assertEquals(0, o.exit(), o.err());
    Golden.assertMatches(GOLDEN.resolve("list-trend.golden"), shown(o));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "md", "html"})
  void listAsAReadinessPage(String format) throws IOException {
    Outcome o = list("--format=" + format);
    assertEquals(0, o.exit(), o.err());
    Golden.assertMatches(GOLDEN.resolve("list." + format + ".golden"), shown(o));
  }

  @Test
  void theHtmlPageRunsNoScriptFetchesNothingAndEscapesWhatTheDrillSays() throws IOException {
    Files.writeString(repo.resolve("drills/x<img src=y>.drill"), CompileCommandTest.VALID
        .replace("drill db-failover {", "drill x-img {"));
    String html = list("--format=html").out();
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertTrue(html.contains("x&lt;img src=y&gt;.drill"), html);
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), html);
    assertTrue(html.contains("<svg") && html.contains("<polyline class=\"ttd\""), html);
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Outcome o = list("--format=yaml");
    assertEquals(2, o.exit());
    assertEquals("drill list: unknown format 'yaml'; use text, json, md or html\n", o.err());
  }
}
