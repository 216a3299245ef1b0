package dev.drill.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.JsonExpectation;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import dev.drill.runtime.action.HttpRunner;
import dev.drill.runtime.action.LocalHttpServer;
import dev.drill.runtime.action.ProcessGroups;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sets and ranges of statuses and exits, patterns and JSON paths, against a loopback server and real processes. */
class ExpectationProbesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final NumberExpectation OK = new NumberExpectation.OneOf(List.of(num(200), num(204)));
  private static final NumberExpectation TWO_XX = new NumberExpectation.Between(num(200), num(299));
  private static final String HEALTH = "{\"status\": \"UP\", \"errors\": [], \"greetings\": [\"hello\", \"bonjour\"], \"n\": 4}";
  private static LocalHttpServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new LocalHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static BigDecimal num(int n) {
    return BigDecimal.valueOf(n);
  }

  private Observation observe(Probe probe) throws Exception {
    Map<String, String> params = Map.of("base", server.base(), "refused", "http://127.0.0.1:" + LocalHttpServer.closedPort(),
        "field", "greetings");
    return WorldProbes.of(new Bindings(params, Map.of()), dir, HttpRunner.newClient(), Optional.empty(),
        ProcessGroups.unwatched()).observe(probe, TIMEOUT);
  }

  private static Probe.Http status(String url, NumberExpectation expected) {
    return new Probe.Http("GET", url, List.of(), Optional.empty(), Optional.of(expected), Optional.empty());
  }

  private static Probe.Http echo(String body, Optional<String> matches, Optional<JsonExpectation> json) {
    return new Probe.Http("POST", "${base}/body", List.of(), Optional.of(body), Optional.empty(), Optional.empty(),
        matches, json);
  }

  private static Optional<JsonExpectation> json(String path, Optional<Integer> count, Optional<String> equals) {
    return Optional.of(new JsonExpectation(path, count, equals));
  }

  @ParameterizedTest(name = "status {0}: in 200, 204 {1}; between 200 and 299 {2}")
  @CsvSource({"200, true, true", "204, true, true", "201, false, true", "299, false, true", "300, false, false",
      "404, false, false", "503, false, false"})
  void aStatusInASetOrARange(int status, boolean inSet, boolean inRange) throws Exception {
    assertEquals(new Observation(inSet, "status " + status + (inSet ? "" : " not in 200, 204")),
        observe(status("${base}/status/" + status, OK)));
    assertEquals(new Observation(inRange, "status " + status + (inRange ? "" : " not between 200 and 299")),
        observe(status("${base}/status/" + status, TWO_XX)));
  }

  @Test
  void aDeadServiceIsInNoSetOrRange() throws Exception {
    assertEquals(new Observation(false, "no connection: Connection refused"), observe(status("${refused}/health", OK)));
    assertEquals(new Observation(false, "no connection: Connection refused"), observe(status("${refused}/health", TWO_XX)));
  }

  @Test
  void theBodyMustMatchThePattern() throws Exception {
    assertEquals(new Observation(true, "status 200"), observe(echo(HEALTH, Optional.of("\"status\": *\"UP\""), Optional.empty())));
    assertEquals(new Observation(false, "status 200; body has no match for \"DOWN|FAIL\""),
        observe(echo(HEALTH, Optional.of("DOWN|FAIL"), Optional.empty())));
  }

  @Test
  void aJsonPathMustFindValues() throws Exception {
    assertEquals(new Observation(true, "status 200"), observe(echo(HEALTH, Optional.empty(),
        json("$.status", Optional.empty(), Optional.empty()))));
    assertEquals(new Observation(false, "status 200; json $.missing matched 0 values"), observe(echo(HEALTH, Optional.empty(),
        json("$.missing", Optional.empty(), Optional.empty()))));
  }

  @Test
  void aCountMustBeExact() throws Exception {
    assertEquals(new Observation(true, "status 200"), observe(echo(HEALTH, Optional.empty(),
        json("$.errors[*]", Optional.of(0), Optional.empty()))));
    assertEquals(new Observation(false, "status 200; json $.greetings[*] matched 2 values, expected 1"),
        observe(echo(HEALTH, Optional.empty(), json("$.greetings[*]", Optional.of(1), Optional.empty()))));
    assertEquals(new Observation(false, "status 200; json $.status matched 1 value, expected 0"),
        observe(echo(HEALTH, Optional.empty(), json("$.status", Optional.of(0), Optional.empty()))));
  }

  @ParameterizedTest(name = "{0} equals {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "$.status | \"UP\" | true",
      "$.status | [\"UP\"] | true",
      "$.status | \"DOWN\" | false",
      "$.n | 4 | true",
      "$.n | 4.0 | true",
      "$.n | \"4\" | false",
      "$.greetings[*] | [\"hello\", \"bonjour\"] | true",
      "$.greetings | [[\"hello\", \"bonjour\"]] | true",
      "$.greetings[*] | [\"bonjour\", \"hello\"] | false",
      "$.${field}[0] | \"hello\" | true",
      "$.greetings[?(@ == 'bonjour')] | \"bonjour\" | true",
      "$..[?(@.status in ['UP', 'OK'])].n | 4 | true",
  })
  void valuesMustEqualTheJson(String path, String value, boolean holds) throws Exception {
    assertEquals(holds, observe(echo(HEALTH, Optional.empty(), json(path, Optional.empty(), Optional.of(value)))).holds());
  }

  @Test
  void aDetailShowsTheValuesFound() throws Exception {
    assertEquals(new Observation(false, "status 200; json $.status matched [\"UP\"], expected [\"DOWN\"]"),
        observe(echo(HEALTH, Optional.empty(), json("$.status", Optional.empty(), Optional.of("\"DOWN\"")))));
  }

  @Test
  void aBodyThatIsNotJsonDoesNotHold() throws Exception {
    Observation seen = observe(echo("status: UP", Optional.empty(), json("$.status", Optional.empty(), Optional.empty())));
    assertEquals(false, seen.holds());
    assertEquals(true, seen.detail().startsWith("status 200; body is not JSON: "), seen.detail());
  }

  private static Probe.Command command(String line, NumberExpectation exit, Optional<String> matches,
      Optional<JsonExpectation> json) {
    return new Probe.Command(line, exit, Optional.empty(), matches, json);
  }

  @Test
  void anExitInASetOrARange() throws Exception {
    NumberExpectation zeroOrOne = new NumberExpectation.OneOf(List.of(num(0), num(1)));
    assertEquals(new Observation(true, "exit 1"), observe(command("exit 1", zeroOrOne, Optional.empty(), Optional.empty())));
    assertEquals(new Observation(false, "exit 2 not in 0, 1"),
        observe(command("exit 2", zeroOrOne, Optional.empty(), Optional.empty())));
    NumberExpectation upToThree = new NumberExpectation.Between(num(0), num(3));
    assertEquals(new Observation(true, "exit 3"), observe(command("exit 3", upToThree, Optional.empty(), Optional.empty())));
    assertEquals(new Observation(false, "exit 4 not between 0 and 3"),
        observe(command("exit 4", upToThree, Optional.empty(), Optional.empty())));
  }

  @Test
  void theOutputOfACommandIsMatchedAndReadAsJson() throws Exception {
    Expectation zero = new Expectation(Comparator.EQ, BigDecimal.ZERO);
    assertEquals(new Observation(true, "exit 0"), observe(command("echo 'Active: reloading' >&2", zero,
        Optional.of("Active: (active|reloading)"), Optional.empty())));
    assertEquals(new Observation(true, "exit 0"), observe(command("printf '%s' '" + HEALTH + "'", zero, Optional.empty(),
        json("$.greetings[*]", Optional.empty(), Optional.of("[\"hello\", \"bonjour\"]")))));
    Observation notJson = observe(command("echo hello", zero, Optional.empty(), json("$", Optional.empty(), Optional.empty())));
    assertEquals(false, notJson.holds());
    assertEquals(true, notJson.detail().startsWith("exit 0; output is not JSON: "), notJson.detail());
  }
}
