package dev.drill.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import dev.drill.runtime.journal.JournalEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Journals of runs of the matching-engine-crash sample, written by hand after the journal's
 * event catalogue: one that passed, one that failed, one aborted and one interrupted.
 */
final class SampleRuns {

  static final Instant START = Instant.parse("2026-11-20T14:03:00Z");
  static final String PLAN_RESOURCE = "/journal/matching-engine-crash.plan.json";

  private final List<JournalEvent> events = new ArrayList<>();
  private Duration now = Duration.ZERO;

  private SampleRuns() {}

  static String planJson() {
    try (InputStream in = SampleRuns.class.getResourceAsStream(PLAN_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Plan plan() {
    try {
      return PlanJson.read(planJson());
    } catch (dev.drill.plan.PlanFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode planTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SampleRuns at(long seconds) {
    now = Duration.ofSeconds(seconds);
    return this;
  }

  SampleRuns e(String event, Object... facts) {
    events.add(JournalEvent.of(START.plus(now), event, facts));
    return this;
  }

  List<JournalEvent> events() {
    return List.copyOf(events);
  }

  /** The first minutes of every run: started, setup, steady state, the fault injected at +4s. */
  static SampleRuns begin() {
    return begin(planJson());
  }

  static SampleRuns begin(String planJson) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("host", "me-1.staging.internal");
    params.put("port", "8080");
    SampleRuns r = new SampleRuns();
    r.at(0).e("run-started", "drill", "matching-engine-crash", "title", "Matching engine crash during trading hours",
        "fingerprint", "sha256:6954ffef95970021", "source", "samples/drills/matching-engine-crash.drill",
        "environment", "staging", "auto", false, "params", params, "secrets", List.of("token"),
        "timeboxMs", 5_400_000L, "journal", "drill-runs/matching-engine-crash/2026-11-20T140300Z/journal.jsonl",
        "results", "drill-results", "plan", planTree(planJson));
    r.e("phase-started", "phase", "setup")
        .e("action-started", "phase", "setup", "step", "setup", "index", 1, "kind", "run",
            "text", "deployctl freeze staging --reason drill")
        .at(1).e("action-ended", "phase", "setup", "step", "setup", "index", 1, "kind", "run", "ok", true,
            "detail", "exit 0", "durationMs", 800L)
        .e("phase-ended", "phase", "setup", "ok", true);
    r.at(2).e("phase-started", "phase", "steady")
        .e("check", "phase", "steady", "id", "engine-up", "holds", true, "detail", "status 200")
        .e("phase-ended", "phase", "steady", "ok", true);
    r.at(3).e("phase-started", "phase", "inject")
        .e("action-started", "phase", "inject", "step", "kill-engine", "index", 1, "kind", "run",
            "text", "ssh me-1.staging.internal sudo systemctl kill -s KILL matching-engine")
        .at(4).e("action-ended", "phase", "inject", "step", "kill-engine", "index", 1, "kind", "run", "ok", true,
            "detail", "exit 0", "durationMs", 650L)
        .e("phase-ended", "phase", "inject", "ok", true)
        .e("fault-active");
    return r;
  }

  /** Detected in 1m12s, recovered in 18m, every duty done. */
  static List<JournalEvent> passed() {
    SampleRuns r = begin();
    r.e("phase-started", "phase", "detect");
    r.at(46).e("signal-fired", "id", "health-failing", "title", "Health endpoint reports failure",
        "sinceFaultMs", 42_000L, "budgetMs", 300_000L, "inBudget", true);
    r.at(64).e("answer", "question", "Has the on-call engineer acknowledged the page?", "yes", true)
        .e("signal-fired", "id", "paged", "title", "On-call acknowledges the page",
            "sinceFaultMs", 60_000L, "budgetMs", 300_000L, "inBudget", true);
    r.at(76).e("signal-fired", "id", "alert-fired", "title", "MatchingEngineDown alert fires",
            "sinceFaultMs", 72_000L, "budgetMs", 300_000L, "inBudget", true)
        .e("detection", "mode", "all", "met", true, "sinceFaultMs", 72_000L, "budgetMs", 300_000L,
            "fired", List.of("health-failing", "paged", "alert-fired"), "missing", List.of())
        .e("phase-ended", "phase", "detect", "ok", true);
    r.e("phase-started", "phase", "recover");
    step(r, 76, "declare", "Declare the incident and assign roles", "commander", 196, true, null);
    r.at(196).e("step-started", "id", "restart", "title", "Restart the matching engine", "role", "operator")
        .e("action-started", "phase", "recover", "step", "restart", "index", 1, "kind", "run",
            "text", "ssh me-1.staging.internal sudo systemctl restart matching-engine")
        .at(200).e("action-ended", "phase", "recover", "step", "restart", "index", 1, "kind", "run", "ok", true,
            "detail", "exit 0", "durationMs", 4_000L)
        .at(230).e("verify", "step", "restart", "held", true, "detail", "status 200", "durationMs", 30_000L,
            "budgetMs", 120_000L)
        .e("step-ended", "id", "restart", "title", "Restart the matching engine", "role", "operator", "ok", true,
            "durationMs", 34_000L, "budgetMs", 600_000L, "inBudget", true);
    r.at(232).e("comms", "duty", "notify", "audience", "C-level", "role", "commander",
        "dueSinceFaultMs", 600_000L, "done", true, "late", false);
    r.at(240).e("note", "text", "Scribe lost track of who owns the replay", "by", "terminal");
    step(r, 250, "replay", "Replay the order journal", "operator", 900, true, null);
    r.at(904).e("phase-ended", "phase", "recover", "ok", true)
        .e("phase-started", "phase", "steady-again")
        .at(910).e("comms", "duty", "update", "audience", "stakeholders", "role", "liaison",
            "dueSinceFaultMs", 900_000L, "done", true, "late", false, "note", "posted in #incident")
        .at(1084).e("check", "phase", "steady-again", "id", "engine-up", "holds", true, "detail", "status 200")
        .e("phase-ended", "phase", "steady-again", "ok", true)
        .e("recovered", "met", true, "sinceFaultMs", 1_080_000L, "budgetMs", 1_800_000L);
    rollback(r, 1090);
    r.at(1100).e("outcome", "outcome", "passed", "reasons", List.of(), "timeToDetectMs", 72_000L,
        "timeToRecoverMs", 1_080_000L)
        .e("run-ended");
    return r.events();
  }

  /** The alert never fires, the restart fails with output, replay is skipped, the update is late. */
  static List<JournalEvent> failed() {
    return failed(planJson());
  }

  static List<JournalEvent> failed(String planJson) {
    SampleRuns r = begin(planJson);
    r.e("phase-started", "phase", "detect");
    r.at(46).e("signal-fired", "id", "health-failing", "title", "Health endpoint reports failure",
        "sinceFaultMs", 42_000L, "budgetMs", 300_000L, "inBudget", true);
    r.at(100).e("answer", "question", "Has the on-call engineer acknowledged the page?", "yes", true,
            "note", "paged via the <b>backup</b> rota")
        .e("signal-fired", "id", "paged", "title", "On-call acknowledges the page",
            "sinceFaultMs", 96_000L, "budgetMs", 300_000L, "inBudget", true);
    r.at(304).e("detection", "mode", "all", "met", false, "budgetMs", 300_000L,
            "fired", List.of("health-failing", "paged"), "missing", List.of("alert-fired"))
        .e("phase-ended", "phase", "detect", "ok", false);
    r.e("phase-started", "phase", "recover");
    step(r, 304, "declare", "Declare the incident and assign roles", "commander", 424, true, null);
    r.at(424).e("step-started", "id", "restart", "title", "Restart the matching engine", "role", "operator")
        .e("action-started", "phase", "recover", "step", "restart", "index", 1, "kind", "run",
            "text", "ssh me-1.staging.internal sudo systemctl restart matching-engine")
        .at(431).e("action-ended", "phase", "recover", "step", "restart", "index", 1, "kind", "run", "ok", false,
            "detail", "exit 1", "output", "Job for matching-engine.service failed.\n```\n<script>alert('x')</script>\n"
                + "token=******** | see `journalctl -xe`\n", "durationMs", 7_000L)
        .e("step-ended", "id", "restart", "title", "Restart the matching engine", "role", "operator", "ok", false,
            "detail", "ssh me-1.staging.internal sudo systemctl restart matching-engine: exit 1",
            "durationMs", 7_000L, "budgetMs", 600_000L, "inBudget", true);
    r.at(440).e("note", "text", "Guide says `systemctl restart`; **nobody** knew <script>alert(1)</script>\n# the unit name",
        "by", "drill note");
    r.at(441).e("step-started", "id", "replay", "title", "Replay the order journal", "role", "operator")
        .e("step-ended", "id", "replay", "title", "Replay the order journal", "role", "operator", "ok", false,
            "detail", "skipped: it comes after restart, which failed", "durationMs", 0L, "inBudget", true)
        .e("phase-ended", "phase", "recover", "ok", false)
        .e("phase-started", "phase", "steady-again")
        .at(904).e("comms", "duty", "update", "audience", "stakeholders", "role", "liaison",
            "dueSinceFaultMs", 900_000L, "done", true, "late", true)
        .at(1804).e("check", "phase", "steady-again", "id", "engine-up", "holds", false,
            "detail", "connection refused")
        .e("phase-ended", "phase", "steady-again", "ok", false)
        .e("recovered", "met", false, "budgetMs", 1_800_000L);
    rollback(r, 1806);
    r.at(1815).e("outcome", "outcome", "failed", "reasons", List.of(
            "detection missed: not all of the signals fired within 5m (missing: alert-fired)",
            "step 'restart' failed: ssh me-1.staging.internal sudo systemctl restart matching-engine: exit 1",
            "step 'replay' failed: skipped: it comes after restart, which failed",
            "update of stakeholders by liaison was late",
            "the steady state did not return: engine-up still failing"))
        .e("run-ended");
    return r.events();
  }

  /** Orders health fails during recovery: the abort condition stops the run. */
  static List<JournalEvent> aborted() {
    SampleRuns r = begin();
    r.e("phase-started", "phase", "detect");
    r.at(30).e("probe", "role", "abort", "id", "abort-1", "holds", false, "detail", "status 200");
    r.at(46).e("signal-fired", "id", "health-failing", "title", "Health endpoint reports failure",
        "sinceFaultMs", 42_000L, "budgetMs", 300_000L, "inBudget", true);
    r.at(60).e("probe", "role", "abort", "id", "abort-1", "holds", true, "detail", "status 503");
    r.at(180).e("abort", "reason", "abort condition held for 2m: http GET http://orders.staging.internal/health"
        + " expect status != 200 (status 503)");
    rollback(r, 181);
    r.at(190).e("outcome", "outcome", "aborted", "reasons", List.of("abort condition held for 2m: http GET "
        + "http://orders.staging.internal/health expect status != 200 (status 503)"))
        .e("run-ended");
    return r.events();
  }

  /** The runner killed in the middle of the restart step; an observer's note came in after. */
  static List<JournalEvent> interrupted() {
    List<JournalEvent> passed = passed();
    List<JournalEvent> cut = new ArrayList<>();
    for (JournalEvent e : passed) {
      cut.add(e);
      if (e.event().equals("action-started") && "restart".equals(e.facts().get("step"))) {
        break;
      }
    }
    cut.add(JournalEvent.of(START.plusSeconds(210), "note", "text", "runner window closed by mistake",
        "by", "drill note"));
    return cut;
  }

  private static void step(SampleRuns r, long from, String id, String title, String role, long to, boolean ok,
      String detail) {
    r.at(from).e("step-started", "id", id, "title", title, "role", role)
        .e("action-started", "phase", "recover", "step", id, "index", 1, "kind", "manual", "text", title)
        .at(to).e("action-ended", "phase", "recover", "step", id, "index", 1, "kind", "manual", "ok", ok,
            "detail", ok ? "done" : detail, "durationMs", (to - from) * 1000)
        .e("step-ended", "id", id, "title", title, "role", role, "ok", ok, "detail", detail,
            "durationMs", (to - from) * 1000, "inBudget", true);
  }

  private static void rollback(SampleRuns r, long at) {
    r.at(at).e("phase-started", "phase", "rollback")
        .e("action-started", "phase", "rollback", "step", "kill-engine", "index", 1, "kind", "run",
            "text", "ssh me-1.staging.internal sudo systemctl start matching-engine")
        .at(at + 2).e("action-ended", "phase", "rollback", "step", "kill-engine", "index", 1, "kind", "run",
            "ok", true, "detail", "exit 0", "durationMs", 2_000L)
        .e("phase-ended", "phase", "rollback", "ok", true)
        .e("phase-started", "phase", "teardown")
        .at(at + 3).e("action-started", "phase", "teardown", "step", "teardown", "index", 1, "kind", "run",
            "text", "deployctl unfreeze staging")
        .e("action-ended", "phase", "teardown", "step", "teardown", "index", 1, "kind", "run", "ok", true,
            "detail", "exit 0", "durationMs", 500L)
        .e("phase-ended", "phase", "teardown", "ok", true);
  }
}
