package dev.drill.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.drill.plan.Action;
import dev.drill.plan.Expectation;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.runtime.action.HttpRunner;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a run checks, all at once, before anything runs. */
class PreflightTest {

  private final Plan timing = TimingPlan.load();

  private Plan plan(List<Action> setup, List<Phase.Signal> signals) {
    Phase.Detect detect = new Phase.Detect(Phase.DetectMode.ANY, Duration.ofMinutes(5), signals, timing.source());
    return new Plan(timing.planVersion(), timing.id(), timing.title(), timing.summary(), timing.owner(),
        timing.kind(), timing.tags(), timing.environment(), timing.timebox(), timing.cadence(), timing.rerun(),
        timing.guide(), timing.source(), timing.roles(), timing.params(), timing.secrets(), setup, List.of(),
        List.of(detect), timing.fingerprint());
  }

  private Phase.Signal signal(String id, Probe probe) {
    return new Phase.Signal(id, id, probe, new Polling(Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.empty()),
        timing.source());
  }

  private static Action run(String command) {
    return new Action.Run(command, Optional.empty(), TimingPlan.load().source());
  }

  private static Probe http(String url) {
    return new Probe.Http("GET", url, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private Preflight.Checklist check(Plan plan, Map<String, String> params, Optional<String> prometheus) {
    return Preflight.of(plan, new Bindings(params, Map.of()), prometheus,
        name -> name.equals("PATH") ? System.getenv("PATH") : null, HttpRunner.newClient());
  }

  private static List<String> problems(Preflight.Checklist report) {
    return report.problems();
  }

  @Test
  void programsStartedByPlainNameMustBeOnPath() {
    Plan plan = plan(List.of(run("ls -l && no-such-program-4711 --fix; cd /tmp; bin/start --port 1")),
        List.of(signal("down", new Probe.Command("test -f x || also-missing-0815", new Expectation(
            dev.drill.plan.Comparator.EQ, BigDecimal.ZERO), Optional.empty()))));
    Preflight.Checklist report = check(plan, Map.of(), Optional.empty());
    List<String> checked = report.checks().stream().map(Preflight.Check::what).collect(Collectors.toList());
    assertEquals(List.of("program 'ls' (setup)", "program 'no-such-program-4711' (setup)",
        "program 'also-missing-0815' (signal 'down')"), checked, "builtins and paths are not programs to look for");
    assertEquals(List.of("program 'no-such-program-4711' (setup): not found on PATH",
        "program 'also-missing-0815' (signal 'down'): not found on PATH"), problems(report));
  }

  @Test
  void urlsMustBeWellFormedAndTheirHostsResolve() {
    Plan plan = plan(List.of(), List.of(signal("a", http("http://127.0.0.1:1/health")),
        signal("b", http("http://no-such-host.invalid/health")), signal("c", http("${base}/health"))));
    Preflight.Checklist report = check(plan, Map.of("base", "localhost:8080"), Optional.empty());
    List<String> problems = problems(report);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("url localhost:8080/health (signal 'c'): not an http:// or https:// url"),
        problems.toString());
    assertEquals("host no-such-host.invalid (signal 'b'): its name does not resolve", problems.get(1));
    assertTrue(report.checks().stream().anyMatch(c -> c.what().equals("host 127.0.0.1 (signal 'a')")
        && c.problem().isEmpty()));
  }

  @Test
  void aPrometheusProbeNeedsAServerThatAnswersAsPrometheus() throws Exception {
    HttpServer notPrometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    notPrometheus.createContext("/", exchange -> {
      byte[] body = "<html>a web server</html>".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    notPrometheus.start();
    try {
      String url = "http://127.0.0.1:" + notPrometheus.getAddress().getPort();
      Plan plan = plan(List.of(), List.of(signal("alert", new Probe.PrometheusAlert("Down", Optional.empty())),
          signal("query", new Probe.PrometheusQuery("up", Optional.of(url), new Expectation(
              dev.drill.plan.Comparator.GT, BigDecimal.ZERO)))));
      List<String> problems = problems(check(plan, Map.of(), Optional.empty()));
      assertEquals(List.of("Prometheus for signal 'alert': no server: the probe has no 'at', and neither --prometheus"
          + " URL nor DRILL_PROMETHEUS_URL gives one",
          "Prometheus " + url + " (signal 'query'): answered status 404, not as Prometheus does"), problems);
      List<String> closed = problems(check(plan, Map.of(), Optional.of("http://127.0.0.1:1")));
      assertEquals(2, closed.size(), closed.toString());
      assertTrue(closed.get(0).startsWith("Prometheus http://127.0.0.1:1 (signal 'alert'): does not answer"), closed.toString());
    } finally {
      notPrometheus.stop(0);
    }
  }

  @Test
  void aCleanPlanPassesAndSaysSo() {
    Plan plan = plan(List.of(run("true")), List.of(signal("a", http("http://localhost:1/health"))));
    Preflight.Checklist report = check(plan, Map.of(), Optional.empty());
    assertTrue(report.ok(), report.problems().toString());
    String shown = report.render(Bindings.none());
    assertTrue(shown.endsWith("preflight: all 1 checks passed\n"), shown);
    assertFalse(shown.contains("FAIL"), shown);
  }
}
