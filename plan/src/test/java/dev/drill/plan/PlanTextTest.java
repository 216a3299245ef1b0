package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Probes and actions written back in the words of the .drill language: every kind, optionals present and absent. */
class PlanTextTest {

  @Test
  void everyProbeOfAPlan() {
    assertEquals(List.of(
        "http GET \"http://${host}:${port}/health\" header \"Authorization\" = \"Bearer ${token}\""
            + " expect status == 200 expect body contains \"\\\"status\\\":\\\"ok\\\"\"",
        "command \"pgrep -f matching-engine\" expect exit == 0 expect output contains \"matching-engine\"",
        "http GET \"http://${host}:${port}/health\" expect status != 200",
        "prometheus alert \"MatchingEngineDown\" at \"http://prometheus.staging:9090\"",
        "prometheus query \"rate(order_errors_total[1m])\" expect > 0.5",
        "log \"/var/log/gateway/${region}.log\" matches \"ERROR .*matching engine\"",
        "manual \"Has the on-call engineer acknowledged the page?\"",
        "http HEAD \"http://${host}:${port}/health\"",
        "command \"me-admin status\" expect exit == 0",
        "http GET \"http://orders.staging.internal/health\" expect status != 200",
        "command \"check-ledger\" expect exit >= 3 expect output contains \"MISMATCH\""),
        PlanWalk.probes(Plans.full()).stream().map(p -> PlanText.probe(p.item())).collect(Collectors.toList()));
  }

  @Test
  void everyActionOfAPlan() {
    assertEquals(List.of(
        "run \"deployctl freeze staging --reason drill\"",
        "run \"ssh ${host} sudo systemctl kill -s KILL matching-engine\"",
        "run \"ssh ${host} sudo systemctl start matching-engine\"",
        "http POST \"http://${host}:9000/admin/block\"",
        "manual \"Unblock the gateway from the admin console\"",
        "wait 30s",
        "manual \"Open the incident channel, name the scribe\"",
        "run \"ssh ${host} sudo systemctl restart matching-engine\\n\"",
        "run \"ssh ${host} me-admin --token ${token} replay\"",
        "run \"deployctl unfreeze staging\"",
        "wait 500ms"),
        PlanWalk.actions(Plans.full()).stream().map(a -> PlanText.action(a.item())).collect(Collectors.toList()));
  }

  @Test
  void theOtherOptionalsAndQuoting() {
    assertEquals("prometheus query \"up{job=\\\"me\\\"}\" at \"http://p:9090\" expect <= 1.50", PlanText.probe(
        new Probe.PrometheusQuery("up{job=\"me\"}", Optional.of("http://p:9090"), Plans.expect(Comparator.LE, "1.50"))));
    assertEquals("prometheus alert \"Down\"", PlanText.probe(new Probe.PrometheusAlert("Down", Optional.empty())));
    assertEquals("manual \"Say \\\"yes\\\"\\nor C:\\\\no\"", PlanText.probe(new Probe.Manual("Say \"yes\"\nor C:\\no")));
    assertEquals("http POST \"http://x\" body \"{}\"", PlanText.probe(
        new Probe.Http("POST", "http://x", List.of(), Optional.of("{}"), Optional.empty(), Optional.empty())));
    assertEquals("command \"true\" expect exit != 0",
        PlanText.probe(new Probe.Command("true", Plans.expect(Comparator.NE, "0"), Optional.empty())));
    assertEquals("http DELETE \"http://x/${id}\"", PlanText.action(
        new Action.Http("DELETE", "http://x/${id}", List.of(), Optional.empty(), Optional.empty(), null)));
  }

  @Test
  void theRequestOfAnHttpAction() {
    assertEquals("POST http://x\nA: b\nC: d\n\nbody\nline", PlanText.request(new Action.Http("POST", "http://x",
        List.of(new Header("A", "b"), new Header("C", "d")), Optional.of("body\nline"), Optional.empty(), null)));
    assertEquals("GET http://x", PlanText.request(
        new Action.Http("GET", "http://x", List.of(), Optional.empty(), Optional.empty(), null)));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "PT0S, 0s",
      "PT0.5S, 500ms",
      "PT1M30S, 1m30s",
      "PT1H30M, 1h30m",
      "PT336H, 14d",
      "PT26H3M4.005S, 1d2h3m4s5ms",
      "PT-30S, -30s",
      "PT0.000000001S, 0s"})
  void theShortestDurationLiteral(String duration, String literal) {
    assertEquals(literal, PlanText.duration(Duration.parse(duration)));
  }
}
