package dev.drill.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Plans built by hand for the tests: one with every phase, action and probe, one with almost nothing. */
final class Plans {

  static final String FILE = "drills/matching-engine-crash.drill";

  private Plans() {}

  /** Every phase, every action, probe and comms variant, optionals both present and absent. */
  static Plan full() {
    return full(FILE, 0);
  }

  /** The same plan with its source spans in another file and moved down by {@code shift} lines. */
  static Plan full(String file, int shift) {
    Spans s = new Spans(file, shift);
    Polling defaults = new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT, Optional.empty());
    Header auth = new Header("Authorization", "Bearer ${token}");

    Phase.Steady steady = new Phase.Steady(List.of(
        new Phase.Check("engine-up", "Engine answers health checks",
            new Probe.Http("GET", "http://${host}:${port}/health", List.of(auth), Optional.empty(),
                Optional.of(expect(Comparator.EQ, "200")), Optional.of("\"status\":\"ok\"")),
            defaults, s.at(22)),
        new Phase.Check("engine-process", "",
            new Probe.Command("pgrep -f matching-engine", expect(Comparator.EQ, "0"),
                Optional.of("matching-engine")),
            new Polling(Duration.ofSeconds(30), Duration.ofMillis(1500), Optional.empty()),
            s.at(25))),
        s.span(21, 3, 27, 3));

    Phase.Inject inject = new Phase.Inject(List.of(
        new Phase.InjectStep("kill-engine", "Kill the matching engine process",
            List.of(new Action.Run("ssh ${host} sudo systemctl kill -s KILL matching-engine",
                Optional.empty(), s.at(30))),
            List.of(new Action.Run("ssh ${host} sudo systemctl start matching-engine",
                Optional.of(Duration.ofMinutes(2)), s.at(31))),
            s.span(29, 3, 32, 3)),
        new Phase.InjectStep("block-orders", "Block the order gateway",
            List.of(new Action.Http("POST", "http://${host}:9000/admin/block",
                List.of(auth, new Header("Content-Type", "application/json")),
                Optional.of("{\"reason\": \"drill\", \"literal\": \"$${not-a-param}\"}"),
                Optional.of(expect(Comparator.EQ, "202")), s.at(34))),
            List.of(new Action.Manual("Unblock the gateway from the admin console", s.at(35)),
                new Action.Wait(Duration.ofSeconds(30), s.at(36))),
            s.span(33, 3, 37, 3))));

    Phase.Detect detect = new Phase.Detect(Phase.DetectMode.ALL, Duration.ofMinutes(5), List.of(
        new Phase.Signal("health-failing", "Health endpoint reports failure",
            new Probe.Http("GET", "http://${host}:${port}/health", List.of(), Optional.empty(),
                Optional.of(expect(Comparator.NE, "200")), Optional.empty()),
            new Polling(Duration.ofSeconds(10), Polling.DEFAULT_TIMEOUT, Optional.empty()),
            s.at(40)),
        new Phase.Signal("alert-fired", "MatchingEngineDown alert fires",
            new Probe.PrometheusAlert("MatchingEngineDown", Optional.of("http://prometheus.staging:9090")),
            defaults, s.at(44)),
        new Phase.Signal("error-rate", "Order error rate above half",
            new Probe.PrometheusQuery("rate(order_errors_total[1m])", Optional.empty(),
                expect(Comparator.GT, "0.5")),
            new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT,
                Optional.of(Duration.ofMinutes(1))),
            s.at(47)),
        new Phase.Signal("error-logged", "Gateway logs the failure",
            new Probe.Log("/var/log/gateway/${region}.log", "ERROR .*matching engine"),
            defaults, s.at(50)),
        new Phase.Signal("paged", "On-call acknowledges the page",
            new Probe.Manual("Has the on-call engineer acknowledged the page?"), defaults, s.at(53))),
        s.span(39, 3, 55, 3));

    Phase.Recover recover = new Phase.Recover(Optional.of(Duration.ofMinutes(30)), List.of(
        new Phase.RecoveryStep("declare", "Declare the incident and assign roles",
            Optional.of("commander"), Optional.empty(), List.of(),
            List.of(new Action.Manual("Open the incident channel, name the scribe", s.at(59))),
            Optional.empty(), s.span(58, 5, 60, 5)),
        new Phase.RecoveryStep("restart", "Restart the matching engine",
            Optional.of("operator"), Optional.of(Duration.ofMinutes(10)), List.of(),
            List.of(new Action.Run("ssh ${host} sudo systemctl restart matching-engine\n",
                Optional.empty(), s.span(62, 7, 64, 9))),
            Optional.of(new Phase.Verification(
                new Probe.Http("HEAD", "http://${host}:${port}/health", List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty()),
                defaults, Optional.of(Duration.ofMinutes(2)), s.at(65))),
            s.span(61, 5, 66, 5)),
        new Phase.RecoveryStep("replay", "Replay the order journal",
            Optional.empty(), Optional.empty(), List.of("declare", "restart"),
            List.of(new Action.Run("ssh ${host} me-admin --token ${token} replay",
                Optional.of(Duration.ofHours(1).plusMinutes(30)), s.at(68))),
            Optional.of(new Phase.Verification(
                new Probe.Command("me-admin status", expect(Comparator.EQ, "0"), Optional.empty()),
                defaults, Optional.empty(), s.at(69))),
            s.span(67, 5, 70, 5))),
        s.span(57, 3, 71, 3));

    Phase.Comms comms = new Phase.Comms(List.of(
        new CommsDuty.Update("stakeholders", Duration.ofMinutes(15), "liaison", s.at(74)),
        new CommsDuty.Notify("C-level", Duration.ofMinutes(10), "commander", s.at(75))),
        s.span(73, 3, 76, 3));

    Phase.Abort abort = new Phase.Abort(List.of(
        new Phase.AbortCondition(
            new Probe.Http("GET", "http://orders.staging.internal/health", List.of(), Optional.empty(),
                Optional.of(expect(Comparator.NE, "200")), Optional.empty()),
            new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT,
                Optional.of(Duration.ofMinutes(2))),
            s.at(79)),
        new Phase.AbortCondition(
            new Probe.Command("check-ledger", expect(Comparator.GE, "3"), Optional.of("MISMATCH")),
            defaults, s.at(80))),
        s.span(78, 3, 81, 3));

    Phase.Debrief debrief = new Phase.Debrief(List.of(
        "Did responders detect the failure from monitoring alone?",
        "Was the recovery guide accurate and complete?"),
        s.span(83, 3, 86, 3));

    return new Plan(
        Plan.CURRENT_VERSION,
        "matching-engine-crash",
        "Matching engine crash during trading hours",
        Optional.of("The primary matching engine process dies.\nResponders must notice it.\n"),
        "trading-core",
        DrillKind.TECHNICAL,
        List.of("trading", "critical"),
        "staging",
        Optional.of(Duration.ofMinutes(90)),
        Optional.of(Duration.ofDays(30)),
        Duration.ofDays(14),
        "guides/matching-engine-crash.md",
        s.span(1, 1, 88, 1),
        List.of(
            new Plan.Role("commander", Optional.of("Leads the response, owns decisions"), s.at(10)),
            new Plan.Role("liaison", Optional.of("Updates stakeholders"), s.at(11)),
            new Plan.Role("operator", Optional.of("Executes recovery steps"), s.at(12)),
            new Plan.Role("observer", Optional.empty(), s.at(13))),
        List.of(
            new Plan.Param("host", Optional.of("me-1.staging.internal"), Optional.of("^[a-z0-9.-]+$"), s.at(5)),
            new Plan.Param("port", Optional.of("8080"), s.at(6)),
            new Plan.Param("region", Optional.empty(), s.at(7))),
        List.of(new Plan.Secret("token", "ME_ADMIN_TOKEN", Optional.of("[A-Za-z0-9]{32}"), s.at(8))),
        List.of(new Action.Run("deployctl freeze staging --reason drill", Optional.empty(), s.at(16))),
        List.of(
            new Action.Run("deployctl unfreeze staging", Optional.of(Duration.ofSeconds(45)), s.at(17)),
            new Action.Wait(Duration.ofMillis(500), s.at(18))),
        List.of(steady, inject, detect, recover, comms, abort, debrief),
        null)
        .withFingerprint();
  }

  /** An ICS drill with nothing optional: no summary, timebox or cadence, empty lists. */
  static Plan minimal() {
    Spans s = new Spans("minimal.drill", 0);
    return new Plan(
        Plan.CURRENT_VERSION,
        "tabletop",
        "Tabletop",
        Optional.empty(),
        "ops",
        DrillKind.ICS,
        List.of(),
        "staging",
        Optional.empty(),
        Optional.empty(),
        Duration.ofDays(14),
        "tabletop.md",
        s.span(1, 1, 9, 1),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new Phase.Recover(Optional.empty(), List.of(
                new Phase.RecoveryStep("talk", "", Optional.empty(), Optional.empty(), List.of(),
                    List.of(), Optional.empty(), s.span(3, 5, 3, 4))),
                s.span(2, 3, 4, 3)),
            new Phase.Debrief(List.of(), s.span(5, 3, 5, 12))),
        null)
        .withFingerprint();
  }

  static Expectation expect(Comparator op, String value) {
    return new Expectation(op, new BigDecimal(value));
  }

  private static final class Spans {
    private final String file;
    private final int shift;

    Spans(String file, int shift) {
      this.file = file;
      this.shift = shift;
    }

    SourceSpan at(int line) {
      return new SourceSpan(file, line + shift, 5, line + shift, 60);
    }

    SourceSpan span(int line, int column, int endLine, int endColumn) {
      return new SourceSpan(file, line + shift, column, endLine + shift, endColumn);
    }
  }
}
