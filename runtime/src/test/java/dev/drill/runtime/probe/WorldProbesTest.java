package dev.drill.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.Header;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.ProcessGroups;
import dev.drill.runtime.action.LocalHttpServer;
import dev.drill.runtime.action.ProcessTrees;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorldProbesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static LocalHttpServer server;
  private static String refused;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new LocalHttpServer();
    refused = "http://127.0.0.1:" + LocalHttpServer.closedPort();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private WorldProbes probes(Map<String, String> params, Map<String, String> secrets) {
    return WorldProbes.of(new Bindings(params, secrets), dir, HttpRunner.newClient(), Optional.empty(),
        ProcessGroups.unwatched());
  }

  private WorldProbes probes() {
    return probes(Map.of("base", server.base(), "refused", refused), Map.of());
  }

  private static Probe.Http http(String url, Optional<? extends NumberExpectation> status, Optional<String> contains) {
    return new Probe.Http("GET", url, List.of(), Optional.empty(), status.map(NumberExpectation.class::cast), contains);
  }

  private static Optional<Expectation> status(String op, int value) {
    for (Comparator comparator : Comparator.values()) {
      if (comparator.symbol().equals(op)) {
        return Optional.of(new Expectation(comparator, BigDecimal.valueOf(value)));
      }
    }
    throw new IllegalArgumentException(op);
  }

  @Test
  void withoutExpectationsA2xxHolds() throws Exception {
    assertEquals(new Observation(true, "status 200"),
        probes().observe(http("${base}/status/200", Optional.empty(), Optional.empty()), TIMEOUT));
    assertEquals(new Observation(false, "status 503"),
        probes().observe(http("${base}/status/503", Optional.empty(), Optional.empty()), TIMEOUT));
  }

  @ParameterizedTest(name = "status {0} expect status {1} {2}: {3}")
  @CsvSource({
      "200, ==, 200, true", "503, ==, 200, false",
      "503, !=, 200, true", "200, !=, 200, false",
      "404, <, 500, true", "503, <, 500, false",
      "500, <=, 500, true", "501, <=, 500, false",
      "503, >, 499, true", "200, >, 499, false",
      "300, >=, 300, true", "200, >=, 300, false",
  })
  void theStatusExpectationDecides(int actual, String op, int expected, boolean holds) throws Exception {
    Observation seen = probes().observe(http("${base}/status/" + actual, status(op, expected), Optional.empty()), TIMEOUT);
    assertEquals(new Observation(holds, "status " + actual), seen);
  }

  @ParameterizedTest(name = "refused, expect status {0} {1}: {2}")
  @CsvSource({"==, 200, false", "!=, 200, true", "<, 500, false", ">=, 500, false", "!=, 503, true"})
  void aProbeThatCannotConnectHasNoStatus(String op, int expected, boolean holds) throws Exception {
    Observation seen = probes().observe(http("${refused}/health", status(op, expected), Optional.empty()), TIMEOUT);
    assertEquals(new Observation(holds, "no connection: Connection refused"), seen);
  }

  @Test
  void aProbeThatCannotConnectDoesNotHoldWithoutExpectations() throws Exception {
    assertFalse(probes().observe(http("${refused}/health", Optional.empty(), Optional.empty()), TIMEOUT).holds());
    assertFalse(probes().observe(http("${refused}/health", status("!=", 200), Optional.of("x")), TIMEOUT).holds());
  }

  @Test
  void aServerHangingPastTheTimeoutHasNoStatus() throws Exception {
    Duration timeout = Duration.ofMillis(500);
    assertEquals(new Observation(true, "timed out after 500ms"),
        probes().observe(http("${base}/hang", status("!=", 200), Optional.empty()), timeout));
    assertEquals(new Observation(false, "timed out after 500ms"),
        probes().observe(http("${base}/hang", status("==", 200), Optional.empty()), timeout));
  }

  @Test
  void theBodyMustContainTheText() throws Exception {
    assertEquals(new Observation(true, "status 503"),
        probes().observe(http("${base}/status/503", Optional.empty(), Optional.of("503")), TIMEOUT));
    assertEquals(new Observation(false, "status 200; body does not contain \"ready\""),
        probes().observe(http("${base}/status/200", status("==", 200), Optional.of("ready")), TIMEOUT));
    assertEquals(new Observation(false, "status 500"),
        probes().observe(http("${base}/status/500", status("==", 200), Optional.of("500")), TIMEOUT));
  }

  @Test
  void headersAndBodyAreRenderedAndTheSecretReachesTheServer() throws Exception {
    WorldProbes probes = probes(Map.of("base", server.base()), Map.of("token", "s3cr3t"));
    Probe.Http probe = new Probe.Http("POST", "${base}/echo", List.of(new Header("Authorization", "Bearer ${token}")),
        Optional.of("token=${token}"), Optional.empty(), Optional.of("Bearer ${token}"));
    assertEquals(new Observation(true, "status 200"), probes.observe(probe, TIMEOUT));
    LocalHttpServer.Seen seen = server.seen().get(server.seen().size() - 1);
    assertEquals(List.of("Bearer s3cr3t"), seen.headers().get("Authorization"));
    assertEquals("token=s3cr3t", seen.body());
  }

  @Test
  void aCommandHoldsOnItsExitStatusAndOutput() throws Exception {
    WorldProbes probes = probes(Map.of("word", "ready; touch MARKER"), Map.of());
    Expectation zero = new Expectation(Comparator.EQ, BigDecimal.ZERO);
    assertEquals(new Observation(true, "exit 0"),
        probes.observe(new Probe.Command("echo ${word}", zero, Optional.of("${word}")), TIMEOUT));
    assertEquals(new Observation(false, "exit 0; output does not contain \"steady\""),
        probes.observe(new Probe.Command("echo ${word}", zero, Optional.of("steady")), TIMEOUT));
    assertEquals(new Observation(false, "exit 3"),
        probes.observe(new Probe.Command("exit 3", zero, Optional.empty()), TIMEOUT));
    assertEquals(new Observation(true, "exit 3"), probes.observe(
        new Probe.Command("exit 3", new Expectation(Comparator.NE, BigDecimal.ZERO), Optional.empty()), TIMEOUT));
    assertFalse(dir.resolve("MARKER").toFile().exists());
  }

  @Test
  void aCommandOutputtingASecretIsFoundButNotShown() throws Exception {
    WorldProbes probes = probes(Map.of(), Map.of("token", "s3cr3t"));
    Expectation zero = new Expectation(Comparator.EQ, BigDecimal.ZERO);
    assertEquals(new Observation(true, "exit 0"),
        probes.observe(new Probe.Command("echo token ${token}", zero, Optional.of("token ${token}")), TIMEOUT));
    assertEquals(new Observation(false, "exit 0; output does not contain \"******** x\""),
        probes.observe(new Probe.Command("echo token ${token}", zero, Optional.of("${token} x")), TIMEOUT));
  }

  @Test
  void aHangingCommandIsKilledWithItsTreeAtTheProbesTimeout() throws Exception {
    WorldProbes probes = probes();
    Probe.Command probe = new Probe.Command("sh -c 'sleep 1000 & sleep 1000'",
        new Expectation(Comparator.EQ, BigDecimal.ZERO), Optional.empty());
    CompletableFuture<Observation> seen = CompletableFuture.supplyAsync(() -> {
      try {
        return probes.observe(probe, Duration.ofSeconds(1));
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    List<ProcessHandle> tree = ProcessTrees.awaitDescendants(3, Duration.ofSeconds(5));
    assertEquals(new Observation(false, "timed out after 1s"), seen.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(), ProcessTrees.alive(tree), ProcessTrees.describe(tree));
  }

  @Test
  void manualProbesAreForTheResponder() {
    assertThrows(IllegalArgumentException.class, () -> probes().observe(new Probe.Manual("Paged?"), TIMEOUT));
  }

  @Test
  void prometheusProbesGoToThePrometheusProbe() throws Exception {
    Observation alert = probes().observe(new Probe.PrometheusAlert("EngineDown", Optional.of(refused)), TIMEOUT);
    assertFalse(alert.holds());
    assertTrue(alert.detail().contains("no connection"), alert.detail());
    Observation query = probes().observe(new Probe.PrometheusQuery("up", Optional.of(refused),
        new Expectation(Comparator.GT, BigDecimal.ZERO)), TIMEOUT);
    assertFalse(query.holds());
    assertTrue(query.detail().contains("no connection"), query.detail());
  }
}
