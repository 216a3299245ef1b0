package dev.drill.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Prometheus probe against a real Prometheus, started privately for this class on a
 * port of its own, scraping every second a target this test serves and controls.
 */
class PrometheusProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @TempDir static Path dir;

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();
  private static HttpServer target;
  private static Process prometheus;
  private static String server;
  private static String targetUrl;

  // The gauges the target exposes; changed by the tests.
  private static volatile String up = "1";
  private static volatile String level = "1";

  @BeforeAll
  static void start() throws Exception {
    Optional<Path> binary = onPath("prometheus");
    if (binary.isEmpty()) {
      fail("no 'prometheus' on PATH: run ./run-tests, which installs the Debian package 'prometheus'");
    }
    target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    target.setExecutor(THREADS);
    target.createContext("/metrics", exchange -> reply(exchange, 200, "text/plain; version=0.0.4", metrics()));
    target.createContext("/notjson/api/v1/", exchange -> reply(exchange, 200, "text/html", "<html>hello</html>"));
    target.createContext("/slow/api/v1/", exchange -> {
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(exchange, 200, "application/json", "{}");
    });
    target.start();
    targetUrl = "http://127.0.0.1:" + target.getAddress().getPort();

    Files.writeString(dir.resolve("prometheus.yml"), String.join("\n",
        "global:",
        "  scrape_interval: 1s",
        "  evaluation_interval: 1s",
        "rule_files: [rules.yml]",
        "scrape_configs:",
        "  - job_name: drill-test",
        "    static_configs:",
        "      - targets: ['127.0.0.1:" + target.getAddress().getPort() + "']",
        ""));
    Files.writeString(dir.resolve("rules.yml"), String.join("\n",
        "groups:",
        "  - name: drill-test",
        "    rules:",
        "      - alert: DrillTestDown",
        "        expr: drill_test_up == 0",
        "        for: 0s",
        "      - alert: DrillTestDownLong",
        "        expr: drill_test_up == 0",
        "        for: 1h",
        ""));
    int port = freePort();
    server = "http://127.0.0.1:" + port;
    prometheus = new ProcessBuilder(binary.get().toString(),
            "--config.file=" + dir.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
    awaitReady();
    // Ready is not scraped yet: wait for the first samples.
    await(() -> probe().query(query("drill_test_level", Comparator.GE, "0"), TIMEOUT), Observation::holds);
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor();
      }
    }
    if (target != null) {
      target.stop(0);
    }
    THREADS.shutdownNow();
  }

  @ParameterizedTest(name = "0.75 {0} {1}: {2}")
  @CsvSource({
    "'>', 0.5, true", "'>', 0.75, false",
    "'>=', 0.75, true", "'>=', 1, false",
    "'<', 1, true", "'<', 0.75, false",
    "'<=', 0.75, true", "'<=', 0.5, false",
    "'==', 0.75, true", "'==', 0.7500, true", "'==', 1, false",
    "'!=', 1, true", "'!=', 0.75, false",
  })
  void comparesTheValueWithTheExpectation(String op, String value, boolean holds) throws Exception {
    Observation seen = probe().query(query("drill_test_ratio", comparator(op), value), TIMEOUT);
    assertEquals(new Observation(holds, "value 0.75"), seen);
  }

  /** drill run's preflight asks the real Prometheus whether it answers, before anything runs. */
  @Test
  void preflightFindsARealPrometheusAnswering() throws Exception {
    dev.drill.plan.Plan timing;
    try (java.io.InputStream in = getClass().getResourceAsStream("/plans/timing.plan.json")) {
      timing = dev.drill.plan.PlanJson.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    dev.drill.plan.Phase.Detect detect = new dev.drill.plan.Phase.Detect(dev.drill.plan.Phase.DetectMode.ANY,
        Duration.ofMinutes(1), List.of(new dev.drill.plan.Phase.Signal("alert", "Alert fires",
            new Probe.PrometheusAlert("Down", Optional.of(server)),
            new dev.drill.plan.Polling(Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty()), timing.source())),
        timing.source());
    dev.drill.plan.Plan plan = new dev.drill.plan.Plan(timing.planVersion(), timing.id(), timing.title(),
        timing.summary(), timing.owner(), timing.kind(), timing.tags(), timing.environment(), timing.timebox(),
        timing.cadence(), timing.rerun(), timing.guide(), timing.source(), timing.roles(), timing.params(),
        timing.secrets(), List.of(), List.of(), List.of(detect), timing.fingerprint());
    dev.drill.runtime.Preflight.Checklist report = dev.drill.runtime.Preflight.of(plan,
        dev.drill.runtime.Bindings.none(), Optional.empty(), name -> null, HTTP);
    assertEquals(List.of(), report.problems());
    assertTrue(report.checks().stream().anyMatch(c -> c.what().startsWith("Prometheus " + server)), report.toString());
  }

  @Test
  void followsTheGaugeAsItChanges() throws Exception {
    Probe.PrometheusQuery atLeastTen = query("drill_test_level", Comparator.GE, "10");
    level = "1";
    assertEquals(new Observation(false, "value 1"),
        await(() -> probe().query(atLeastTen, TIMEOUT), o -> o.detail().equals("value 1")));
    level = "12.5";
    assertEquals(new Observation(true, "value 12.5"),
        await(() -> probe().query(atLeastTen, TIMEOUT), Observation::holds));
  }

  @Test
  void anySampleOfAVectorWillDo() throws Exception {
    Observation seen = probe().query(query("drill_test_series", Comparator.GT, "2"), TIMEOUT);
    assertTrue(seen.holds(), seen.detail());
    assertTrue(seen.detail().startsWith("values "), seen.detail());
    assertTrue(seen.detail().contains("1 {") && seen.detail().contains("3 {"), seen.detail());
    assertTrue(seen.detail().contains("name=\"b\""), seen.detail());

    assertFalse(probe().query(query("drill_test_series", Comparator.GT, "5"), TIMEOUT).holds());
  }

  @Test
  void scalarsInfinityAndNaN() throws Exception {
    assertEquals(new Observation(true, "value 1.5"), probe().query(query("1 + 0.5", Comparator.EQ, "1.5"), TIMEOUT));
    assertEquals(new Observation(true, "value +Inf"), probe().query(query("1/0", Comparator.GT, "1e300"), TIMEOUT));
    assertEquals(new Observation(false, "value -Inf"), probe().query(query("-1/0", Comparator.GT, "-1e300"), TIMEOUT));
    assertEquals(new Observation(false, "value NaN"), probe().query(query("0/0", Comparator.NE, "0"), TIMEOUT));
  }

  @Test
  void noDataDoesNotHold() throws Exception {
    assertEquals(new Observation(false, "no data"),
        probe().query(query("drill_test_never_exported", Comparator.GE, "0"), TIMEOUT));
  }

  @Test
  void answersThatAreNotANumber() throws Exception {
    assertEquals(new Observation(false, "a range vector is not a number: query an instant vector"),
        probe().query(query("drill_test_level[10s]", Comparator.GE, "0"), TIMEOUT));
    assertEquals(new Observation(false, "not a number: string \"up\""),
        probe().query(query("\"up\"", Comparator.GE, "0"), TIMEOUT));
  }

  @Test
  void aBadQueryShowsPrometheusError() throws Exception {
    Observation seen = probe().query(query("rate(drill_test_level[", Comparator.GT, "0"), TIMEOUT);
    assertFalse(seen.holds());
    assertTrue(seen.detail().startsWith("Prometheus error (HTTP 400, bad_data): "), seen.detail());
    assertTrue(seen.detail().contains("parse error"), seen.detail());
  }

  @Test
  void rendersTemplatesAndTakesTheServerFromAt() throws Exception {
    Bindings bindings = new Bindings(Map.of("metric", "drill_test_ratio", "prom", server + "/"), Map.of());
    PrometheusProbe withoutDefault = new PrometheusProbe(HTTP, bindings, Optional.empty());
    Probe.PrometheusQuery probe = new Probe.PrometheusQuery(
        "${metric} * 2", Optional.of("${prom}"), new Expectation(Comparator.EQ, new BigDecimal("1.5")));
    assertEquals(new Observation(true, "value 1.5"), withoutDefault.query(probe, TIMEOUT));
  }

  @Test
  void alertFiresWhenTheTargetGoesDown() throws Exception {
    Probe.PrometheusAlert down = new Probe.PrometheusAlert("DrillTestDown", Optional.empty());
    Probe.PrometheusAlert downLong = new Probe.PrometheusAlert("${alert}", Optional.of(server));
    PrometheusProbe rendering = new PrometheusProbe(HTTP, new Bindings(Map.of("alert", "DrillTestDownLong"), Map.of()), Optional.empty());
    try {
      assertEquals(new Observation(false, "not firing"), probe().alert(down, TIMEOUT));

      up = "0";
      Observation firing = await(() -> probe().alert(down, TIMEOUT), Observation::holds);
      assertTrue(firing.detail().matches("firing since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), firing.detail());

      // Same condition, but "for: 1h": pending is not firing.
      Observation pending = rendering.alert(downLong, TIMEOUT);
      assertFalse(pending.holds());
      assertTrue(pending.detail().startsWith("pending since "), pending.detail());
    } finally {
      up = "1";
    }
    await(() -> probe().alert(down, TIMEOUT), o -> o.detail().equals("not firing"));
  }

  @Test
  void withoutAServerNothingHolds() throws Exception {
    PrometheusProbe none = new PrometheusProbe(HTTP, Bindings.none(), Optional.empty());
    Observation expected = new Observation(false, "no Prometheus server: give 'at' or --prometheus");
    assertEquals(expected, none.query(query("up", Comparator.GE, "0"), TIMEOUT));
    assertEquals(expected, none.alert(new Probe.PrometheusAlert("DrillTestDown", Optional.empty()), TIMEOUT));
  }

  @Test
  void aServerThatIsDownIsNoConnection() throws Exception {
    String nobody = "http://127.0.0.1:" + freePort();
    PrometheusProbe probe = new PrometheusProbe(HTTP, Bindings.none(), Optional.of(nobody));
    Observation seen = probe.query(query("up", Comparator.GE, "0"), TIMEOUT);
    assertFalse(seen.holds());
    assertTrue(seen.detail().startsWith("no connection to " + nobody), seen.detail());
    assertTrue(probe.alert(new Probe.PrometheusAlert("X", Optional.empty()), TIMEOUT).detail()
        .startsWith("no connection to " + nobody));
  }

  @Test
  void somethingElseThanPrometheusAnswering() throws Exception {
    Observation notFound = new PrometheusProbe(HTTP, Bindings.none(), Optional.of(targetUrl))
        .query(query("up", Comparator.GE, "0"), TIMEOUT);
    assertFalse(notFound.holds());
    assertTrue(notFound.detail().startsWith("HTTP 404: "), notFound.detail());
    assertEquals(new Observation(false, "bad answer from Prometheus: not JSON (HTTP 200: <html>hello</html>)"),
        new PrometheusProbe(HTTP, Bindings.none(), Optional.of(targetUrl + "/notjson")).alert(
            new Probe.PrometheusAlert("X", Optional.empty()), TIMEOUT));
    assertEquals(new Observation(false, "bad Prometheus URL 'prometheus:9090': give http://host:port"),
        new PrometheusProbe(HTTP, Bindings.none(), Optional.of("prometheus:9090")).query(query("up", Comparator.GE, "0"), TIMEOUT));
  }

  @Test
  void aSlowServerTimesOut() throws Exception {
    PrometheusProbe slow = new PrometheusProbe(HTTP, Bindings.none(), Optional.of(targetUrl + "/slow"));
    long started = System.nanoTime();
    Observation seen = slow.query(query("up", Comparator.GE, "0"), Duration.ofMillis(300));
    assertEquals(new Observation(false, "timed out after 300ms (" + targetUrl + "/slow)"), seen);
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "returned at the timeout");
  }

  private static String metrics() {
    return String.join("\n",
        "# TYPE drill_test_up gauge",
        "drill_test_up " + up,
        "# TYPE drill_test_level gauge",
        "drill_test_level " + level,
        "# TYPE drill_test_ratio gauge",
        "drill_test_ratio 0.75",
        "# TYPE drill_test_series gauge",
        "drill_test_series{name=\"a\"} 1",
        "drill_test_series{name=\"b\"} 3",
        "");
  }

  private static PrometheusProbe probe() {
    return new PrometheusProbe(HTTP, Bindings.none(), Optional.of(server));
  }

  private static Probe.PrometheusQuery query(String query, Comparator op, String value) {
    return new Probe.PrometheusQuery(query, Optional.empty(), new Expectation(op, new BigDecimal(value)));
  }

  private static Comparator comparator(String symbol) {
    for (Comparator c : Comparator.values()) {
      if (c.symbol().equals(symbol)) {
        return c;
      }
    }
    throw new IllegalArgumentException(symbol);
  }

  private interface Look {
    Observation get() throws InterruptedException;
  }

  /** Looks again until the observation is the one wanted; fails with the last one past the deadline. */
  private static Observation await(Look look, Predicate<Observation> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Observation last = look.get();
    while (!wanted.test(last)) {
      if (System.nanoTime() > deadline) {
        fail("still " + last + " after " + DEADLINE.toSeconds() + "s; Prometheus log:\n" + log());
      }
      Thread.sleep(100);
      last = look.get();
    }
    return last;
  }

  private static void awaitReady() throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(server + "/-/ready")).timeout(Duration.ofSeconds(1)).build();
    while (true) {
      if (!prometheus.isAlive()) {
        fail("prometheus exited with " + prometheus.exitValue() + ":\n" + log());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        fail("prometheus not ready after " + DEADLINE.toSeconds() + "s:\n" + log());
      }
      Thread.sleep(100);
    }
  }

  private static String log() {
    try {
      return Files.readString(dir.resolve("prometheus.log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Optional<Path> onPath(String name) {
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(entry, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
