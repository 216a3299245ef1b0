package dev.drill.runtime.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Action;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.Header;
import dev.drill.plan.SourceSpan;
import dev.drill.runtime.Bindings;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpRunnerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final HttpClient CLIENT = HttpRunner.newClient();
  private static LocalHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new LocalHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Action.Http http(String method, String url, Optional<? extends NumberExpectation> expect) {
    return new Action.Http(method, url, List.of(), Optional.empty(), expect.map(NumberExpectation.class::cast),
        SourceSpan.at("t.drill", 1, 1));
  }

  private static HttpRunner runner() {
    return new HttpRunner(CLIENT, new Bindings(Map.of("base", server.base()), Map.of()));
  }

  @Test
  void a2xxIsOkByDefault() throws Exception {
    ActionResult result = runner().perform(http("POST", "${base}/status/204", Optional.empty()), TIMEOUT);
    assertEquals(new ActionResult(true, "status 204", ""), result);
  }

  @Test
  void anyOtherStatusIsNotOkByDefault() throws Exception {
    ActionResult result = runner().perform(http("GET", "${base}/status/500", Optional.empty()), TIMEOUT);
    assertEquals(new ActionResult(false, "status 500 (expected 2xx)", "status 500"), result);
    ActionResult redirect = runner().perform(http("GET", "${base}/status/302", Optional.empty()), TIMEOUT);
    assertEquals("status 302 (expected 2xx)", redirect.detail());
  }

  @Test
  void theExpectedStatusDecides() throws Exception {
    Optional<Expectation> conflict = Optional.of(new Expectation(Comparator.EQ, BigDecimal.valueOf(409)));
    assertTrue(runner().perform(http("PUT", "${base}/status/409", conflict), TIMEOUT).ok());
    ActionResult result = runner().perform(http("PUT", "${base}/status/200", conflict), TIMEOUT);
    assertEquals("status 200 (expected == 409)", result.detail());
    assertFalse(result.ok());
  }

  @Test
  void methodUrlHeadersAndBodyAreRenderedAndSentWithTheSecretRedactedInTheOutput() throws Exception {
    Bindings bindings = new Bindings(Map.of("base", server.base(), "order", "o-17"), Map.of("token", "s3cr3t"));
    Action.Http http = new Action.Http("PATCH", "${base}/echo?order=${order}",
        List.of(new Header("Authorization", "Bearer ${token}"), new Header("X-Order", "${order}")),
        Optional.of("{\"order\": \"${order}\", \"token\": \"${token}\"}"), Optional.empty(),
        SourceSpan.at("t.drill", 1, 1));
    ActionResult result = new HttpRunner(CLIENT, bindings).perform(http, TIMEOUT);

    LocalHttpServer.Seen seen = last();
    assertEquals("PATCH", seen.method());
    assertEquals(List.of("Bearer s3cr3t"), seen.headers().get("Authorization"));
    assertEquals(List.of("o-17"), seen.headers().get("X-order"));
    assertEquals("{\"order\": \"o-17\", \"token\": \"s3cr3t\"}", seen.body());
    assertEquals(new ActionResult(true, "status 200",
        "PATCH /echo?order=o-17\nauthorization: Bearer ********\n{\"order\": \"o-17\", \"token\": \"********\"}"),
        result);
  }

  @Test
  void aRefusedConnectionIsAResult() throws Exception {
    String url = "http://127.0.0.1:" + LocalHttpServer.closedPort() + "/health";
    ActionResult result = runner().perform(http("GET", url, Optional.empty()), TIMEOUT);
    assertEquals(new ActionResult(false, "no connection: Connection refused", ""), result);
  }

  @Test
  void anUnknownHostIsAResult() throws Exception {
    ActionResult result = runner().perform(http("GET", "http://no-such-host.invalid/", Optional.empty()), TIMEOUT);
    assertEquals(new ActionResult(false, "no connection: unknown host 'no-such-host.invalid'", ""), result);
  }

  @Test
  void aServerHangingPastTheTimeoutIsAResult() throws Exception {
    long start = System.nanoTime();
    ActionResult result = runner().perform(http("GET", "${base}/hang", Optional.empty()), Duration.ofMillis(500));
    assertEquals(new ActionResult(false, "timed out after 500ms", ""), result);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
  }

  @Test
  void aBadRequestIsAResultWithTheSecretRedacted() throws Exception {
    HttpRunner runner = new HttpRunner(CLIENT, new Bindings(Map.of(), Map.of("token", "s3cr3t")));
    ActionResult result = runner.perform(http("GET", "not a url ${token}", Optional.empty()), TIMEOUT);
    assertFalse(result.ok());
    assertTrue(result.detail().startsWith("bad request: "), result.detail());
    assertFalse(result.detail().contains("s3cr3t"), result.detail());
  }

  @Test
  void aLongBodyKeepsItsFirstPartAndSaysSo() throws Exception {
    ActionResult result = runner().perform(http("GET", "${base}/big/200000", Optional.empty()), TIMEOUT);
    String note = "\n[body cut: only the first 64 KiB of 200000 bytes kept]";
    assertTrue(result.output().endsWith(note), result.output().substring(result.output().length() - 80));
    assertEquals("b".repeat(64 * 1024) + note, result.output());
  }

  private static LocalHttpServer.Seen last() {
    List<LocalHttpServer.Seen> seen = server.seen();
    return seen.get(seen.size() - 1);
  }
}
