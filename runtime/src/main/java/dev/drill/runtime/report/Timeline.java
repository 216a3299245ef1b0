package dev.drill.runtime.report;

import dev.drill.runtime.journal.JournalEvent;
import java.util.List;
import java.util.Optional;

/**
 * Which events a person reading the report wants on the timeline, and in what words:
 * every change of phase, decision and answer, but not each action that went well or each
 * probe look (those are in the journal).
 */
final class Timeline {

  record Description(String text, boolean problem) {}

  private Timeline() {}

  static Optional<Description> describe(JournalEvent e) {
    switch (e.event()) {
      case "run-started":
        return ok("run started: " + quote(text(e, "drill")) + " in " + text(e, "environment")
            + (Facts.bool(e, "auto").orElse(false) ? " (auto: manual steps confirmed automatically)" : ""));
      case "phase-started":
        return ok(text(e, "phase") + " started");
      case "phase-ended": {
        boolean ok = Facts.bool(e, "ok").orElse(false);
        String detail = Facts.text(e, "detail", "");
        return ok ? ok(text(e, "phase") + " done" + (detail.isEmpty() ? "" : ": " + detail))
            : problem(text(e, "phase") + " failed" + (detail.isEmpty() ? "" : ": " + detail));
      }
      case "action-ended":
        return Facts.bool(e, "ok").orElse(false) ? Optional.empty()
            : problem(text(e, "phase") + " " + quote(text(e, "step")) + " action " + text(e, "index")
                + " (" + text(e, "kind") + ") failed: " + Facts.text(e, "detail", "no detail"));
      case "check": {
        boolean holds = Facts.bool(e, "holds").orElse(false);
        String what = "check " + quote(text(e, "id")) + (holds ? " holds" : " does not hold")
            + detail(e) + " (" + text(e, "phase") + ")";
        return holds ? ok(what) : problem(what);
      }
      case "probe":
        return text(e, "role").equals("abort") && Facts.bool(e, "holds").orElse(false)
            ? problem("abort condition holds" + detail(e)) : Optional.empty();
      case "fault-active":
        return ok("fault active (T0)");
      case "signal-fired": {
        boolean inBudget = Facts.bool(e, "inBudget").orElse(true);
        String what = "signal " + quote(text(e, "id")) + " fired: " + text(e, "title")
            + (inBudget ? "" : ", over the " + millis(e, "budgetMs") + " budget");
        return inBudget ? ok(what) : problem(what);
      }
      case "detection":
        return Facts.bool(e, "met").orElse(false)
            ? ok("detection met (" + text(e, "mode") + ") in " + millis(e, "sinceFaultMs"))
            : problem("detection missed within " + millis(e, "budgetMs") + list(", missing: ", Facts.texts(e, "missing")));
      case "step-started":
        return ok("step " + quote(text(e, "id")) + " started: " + text(e, "title")
            + Facts.text(e, "role").map(r -> " (" + r + ")").orElse(""));
      case "step-ended": {
        boolean ok = Facts.bool(e, "ok").orElse(false);
        boolean inBudget = Facts.bool(e, "inBudget").orElse(true);
        String took = Facts.millis(e, "durationMs").map(Times::duration).orElse("?");
        String budget = Facts.millis(e, "budgetMs").map(b -> " of " + Times.duration(b)).orElse("");
        return !ok ? problem("step " + quote(text(e, "id")) + " failed: " + Facts.text(e, "detail", "no detail"))
            : inBudget ? ok("step " + quote(text(e, "id")) + " done in " + took + budget)
            : problem("step " + quote(text(e, "id")) + " done in " + took + ", over its budget" + budget);
      }
      case "verify": {
        boolean held = Facts.bool(e, "held").orElse(false);
        String what = "verify of " + quote(text(e, "step")) + (held ? " held" : " did not hold")
            + Facts.millis(e, "durationMs").map(d -> " after " + Times.duration(d)).orElse("") + detail(e);
        return held ? ok(what) : problem(what);
      }
      case "recovered":
        return Facts.bool(e, "met").orElse(false)
            ? ok("recovered: the steady state holds again, " + millis(e, "sinceFaultMs") + " after the fault")
            : problem("not recovered" + Facts.millis(e, "budgetMs").map(b -> " within " + Times.duration(b)).orElse(""));
      case "comms": {
        boolean done = Facts.bool(e, "done").orElse(false);
        boolean late = Facts.bool(e, "late").orElse(false);
        String what = text(e, "duty") + " of " + text(e, "audience") + " by " + text(e, "role") + ": "
            + (!done ? "not done" : late ? "done late" : "done") + Facts.text(e, "note").map(n -> " (" + n + ")").orElse("");
        return done && !late ? ok(what) : problem(what);
      }
      case "answer":
        return ok("answered " + (Facts.bool(e, "yes").orElse(false) ? "yes" : "no") + " to: " + text(e, "question")
            + Facts.text(e, "note").map(n -> " (" + n + ")").orElse(""));
      case "note":
        return ok("note (" + Facts.text(e, "by", "unknown") + "): " + text(e, "text"));
      case "interrupt":
        return problem(text(e, "reason") + (Facts.bool(e, "rollingBack").orElse(false)
            ? ": ignored, the rollback went on" : ": the run stops and rolls back"));
      case "resumed":
        return ok("drill rollback took over the rollback of the killed run");
      case "abort":
        return problem("abort: " + text(e, "reason"));
      case "outcome":
        return ok("outcome: " + text(e, "outcome"));
      case "run-ended":
        return ok("run ended");
      default:
        return Optional.empty();
    }
  }

  private static Optional<Description> ok(String text) {
    return Optional.of(new Description(text, false));
  }

  private static Optional<Description> problem(String text) {
    return Optional.of(new Description(text, true));
  }

  private static String text(JournalEvent e, String name) {
    return Facts.text(e, name, "?");
  }

  private static String quote(String id) {
    return "'" + id + "'";
  }

  private static String detail(JournalEvent e) {
    return Facts.text(e, "detail").filter(d -> !d.isBlank()).map(d -> ": " + d).orElse("");
  }

  private static String millis(JournalEvent e, String name) {
    return Facts.millis(e, name).map(Times::duration).orElse("?");
  }

  private static String list(String prefix, List<String> items) {
    return items.isEmpty() ? "" : prefix + String.join(", ", items);
  }
}
