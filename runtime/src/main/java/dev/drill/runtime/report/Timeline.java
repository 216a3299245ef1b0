package dev.drill.runtime.report;

import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.Roles;
import dev.drill.runtime.journal.ProbeRole;
import java.util.List;
import java.util.Optional;

/**
 * Which events a person reading the report wants on the timeline, and in what words:
 * every change of phase, decision and answer, but not each action that went well or each
 * probe look (those are in the journal). An event this version does not know is left out.
 */
final class Timeline {

  record Description(String text, boolean problem) {}

  private Timeline() {}

  static Optional<Description> describe(JournalEvent e) {
    Optional<Event> kind = e.kind();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    switch (kind.get()) {
      case RUN_STARTED:
        return ok("run started: " + quote(text(e, Fact.DRILL)) + " in " + text(e, Fact.ENVIRONMENT)
            + (e.get(Fact.AUTO).orElse(false) ? " (auto: manual steps confirmed automatically)" : ""));
      case ROSTER:
        return ok("roles held: " + Roles.held(e));
      case PHASE_STARTED:
        return ok(text(e, Fact.PHASE) + " started");
      case PHASE_ENDED: {
        boolean ok = e.get(Fact.OK).orElse(false);
        String detail = e.text(Fact.DETAIL).orElse("");
        return ok ? ok(text(e, Fact.PHASE) + " done" + (detail.isEmpty() ? "" : ": " + detail))
            : problem(text(e, Fact.PHASE) + " failed" + (detail.isEmpty() ? "" : ": " + detail));
      }
      case ACTION_ENDED:
        return e.get(Fact.OK).orElse(false) ? Optional.empty()
            : problem(text(e, Fact.PHASE) + " " + quote(text(e, Fact.STEP)) + " action " + text(e, Fact.INDEX)
                + " (" + text(e, Fact.KIND) + ") failed: " + e.text(Fact.DETAIL).orElse("no detail"));
      case CHECK: {
        boolean holds = e.get(Fact.HOLDS).orElse(false);
        String what = "check " + quote(text(e, Fact.ID)) + (holds ? " holds" : " does not hold")
            + detail(e) + " (" + text(e, Fact.PHASE) + ")";
        return holds ? ok(what) : problem(what);
      }
      case PROBE:
        return text(e, Fact.PROBE_ROLE).equals(ProbeRole.ABORT.wireName()) && e.get(Fact.HOLDS).orElse(false)
            ? problem("abort condition holds" + detail(e)) : Optional.empty();
      case FAULT_ACTIVE:
        return ok("fault active (T0)");
      case SIGNAL_FIRED: {
        boolean inBudget = e.get(Fact.IN_BUDGET).orElse(true);
        String what = "signal " + quote(text(e, Fact.ID)) + " fired: " + text(e, Fact.TITLE)
            + (inBudget ? "" : ", over the " + millis(e, Fact.BUDGET) + " budget");
        return inBudget ? ok(what) : problem(what);
      }
      case DETECTION:
        return e.get(Fact.MET).orElse(false)
            ? ok("detection met (" + text(e, Fact.MODE) + ") in " + millis(e, Fact.SINCE_FAULT))
            : problem("detection missed within " + millis(e, Fact.BUDGET)
                + list(", missing: ", e.get(Fact.MISSING).orElse(List.of())));
      case STEP_STARTED:
        return ok("step " + quote(text(e, Fact.ID)) + " started: " + text(e, Fact.TITLE)
            + e.text(Fact.ROLE).map(r -> " (" + r + ")").orElse(""));
      case STEP_ENDED: {
        boolean ok = e.get(Fact.OK).orElse(false);
        boolean inBudget = e.get(Fact.IN_BUDGET).orElse(true);
        String took = e.get(Fact.DURATION).map(Times::duration).orElse("?");
        String budget = e.get(Fact.BUDGET).map(b -> " of " + Times.duration(b)).orElse("");
        return !ok ? problem("step " + quote(text(e, Fact.ID)) + " failed: " + e.text(Fact.DETAIL).orElse("no detail"))
            : inBudget ? ok("step " + quote(text(e, Fact.ID)) + " done in " + took + budget)
            : problem("step " + quote(text(e, Fact.ID)) + " done in " + took + ", over its budget" + budget);
      }
      case VERIFY: {
        boolean held = e.get(Fact.HELD).orElse(false);
        String what = "verify of " + quote(text(e, Fact.STEP)) + (held ? " held" : " did not hold")
            + e.get(Fact.DURATION).map(d -> " after " + Times.duration(d)).orElse("") + detail(e);
        return held ? ok(what) : problem(what);
      }
      case RECOVERED:
        return e.get(Fact.MET).orElse(false)
            ? ok("recovered: the steady state holds again, " + millis(e, Fact.SINCE_FAULT) + " after the fault")
            : problem("not recovered" + e.get(Fact.BUDGET).map(b -> " within " + Times.duration(b)).orElse("")
                + e.text(Fact.DETAIL).map(d -> ": " + d).orElse(""));
      case COMMS: {
        boolean done = e.get(Fact.DONE).orElse(false);
        boolean late = e.get(Fact.LATE).orElse(false);
        String what = text(e, Fact.DUTY) + " of " + text(e, Fact.AUDIENCE) + " by " + text(e, Fact.ROLE) + ": "
            + (!done ? "not done" : late ? "done late" : "done") + e.text(Fact.NOTE).map(n -> " (" + n + ")").orElse("");
        return done && !late ? ok(what) : problem(what);
      }
      case ANSWER:
        return ok("answered " + (e.get(Fact.YES).orElse(false) ? "yes" : "no") + " to: " + text(e, Fact.QUESTION)
            + e.text(Fact.NOTE).map(n -> " (" + n + ")").orElse(""));
      case NOTE:
        return ok("note (" + e.text(Fact.BY).orElse("unknown") + "): " + text(e, Fact.TEXT));
      case INTERRUPT:
        return problem(text(e, Fact.REASON) + (e.get(Fact.ROLLING_BACK).orElse(false)
            ? ": ignored, the rollback went on" : ": the run stops and rolls back"));
      case ARMED:
        return ok("armed for an unannounced start");
      case UNANNOUNCED_START:
        return ok("the unannounced start" + e.get(Fact.SEED).map(seed -> " (seed " + seed + ")").orElse(""));
      case DISARMED:
        return problem("disarmed (" + text(e, Fact.REASON) + "): nothing was injected");
      case RESUMED:
        return ok("drill rollback took over the rollback of the killed run");
      case ABORT:
        return problem("abort: " + text(e, Fact.REASON));
      case OUTCOME:
        return ok("outcome: " + text(e, Fact.OUTCOME));
      case RUN_ENDED:
        return ok("run ended");
      case ACTION_STARTED:
        return Optional.empty();
      default:
        throw new IllegalStateException("an event the timeline does not place: " + kind.get());
    }
  }

  private static Optional<Description> ok(String text) {
    return Optional.of(new Description(text, false));
  }

  private static Optional<Description> problem(String text) {
    return Optional.of(new Description(text, true));
  }

  private static String text(JournalEvent e, Fact<?> fact) {
    return e.text(fact).orElse("?");
  }

  private static String quote(String id) {
    return "'" + id + "'";
  }

  private static String detail(JournalEvent e) {
    return e.text(Fact.DETAIL).filter(d -> !d.isBlank()).map(d -> ": " + d).orElse("");
  }

  private static String millis(JournalEvent e, Fact<java.time.Duration> fact) {
    return e.get(fact).map(Times::duration).orElse("?");
  }

  private static String list(String prefix, List<String> items) {
    return items.isEmpty() ? "" : prefix + String.join(", ", items);
  }
}
