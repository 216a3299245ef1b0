package dev.drill.runtime.console;

import dev.drill.plan.PlanText;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The run as it happens, one plain line per event worth a person's attention, with time
 * since the start and since the fault; everything is passed on to the journal as well.
 */
public final class LiveLines implements Journal {

  private final Journal journal;
  private final PrintWriter out;
  private Instant start;
  private Instant fault;
  private String phase = "starting";
  private Instant phaseStart;
  private String step = "";
  private Instant stepStart;
  private int signals;
  private int fired;
  private java.util.Optional<Duration> detectBudget = java.util.Optional.empty();
  private java.util.Optional<Duration> recoverBudget = java.util.Optional.empty();

  public LiveLines(Journal journal, PrintWriter out) {
    this.journal = journal;
    this.out = out;
  }

  @Override
  public synchronized void record(JournalEvent event) {
    journal.record(event);
    if (start == null) {
      start = event.at();
    }
    track(event);
    String line = describe(event.event(), event.facts());
    if (!line.isEmpty()) {
      out.println(stamp(event.at()) + " " + line);
    }
  }

  private void track(JournalEvent event) {
    Map<String, Object> f = event.facts();
    switch (event.event()) {
      case "run-started":
        if (f.get("plan") instanceof com.fasterxml.jackson.databind.JsonNode) {
          for (com.fasterxml.jackson.databind.JsonNode p : ((com.fasterxml.jackson.databind.JsonNode) f.get("plan")).path("phases")) {
            if (p.path("phase").asText().equals("detect")) {
              detectBudget = java.util.Optional.of(Duration.parse(p.path("budget").asText()));
              signals = p.path("signals").size();
            } else if (p.path("phase").asText().equals("recover") && p.has("budget")) {
              recoverBudget = java.util.Optional.of(Duration.parse(p.path("budget").asText()));
            }
          }
        }
        break;
      case "fault-active": fault = event.at(); break;
      case "phase-started": phase = String.valueOf(f.get("phase")); phaseStart = event.at(); step = ""; break;
      case "step-started": step = String.valueOf(f.get("id")); stepStart = event.at(); break;
      case "step-ended": step = ""; break;
      case "signal-fired": fired++; break;
      default: break;
    }
  }

  /**
   * Where the run stands, for a line every few seconds: the phase, time against its budget,
   * signals fired, the current step.
   */
  public synchronized String status(Instant now) {
    if (start == null) {
      return "";
    }
    StringBuilder line = new StringBuilder(stamp(now)).append(" -- ").append(phase);
    if (phase.equals("detect") && fault != null) {
      line.append(": ").append(PlanText.duration(Duration.ofSeconds(Duration.between(fault, now).getSeconds())))
          .append(detectBudget.map(b -> " of " + PlanText.duration(b)).orElse(""))
          .append(", ").append(fired).append(" of ").append(signals).append(" signals fired");
    } else if (phase.equals("recover") && phaseStart != null) {
      line.append(": ").append(PlanText.duration(Duration.ofSeconds(Duration.between(phaseStart, now).getSeconds())))
          .append(recoverBudget.map(b -> " of " + PlanText.duration(b)).orElse(""));
      if (!step.isEmpty()) {
        line.append(", step ").append(step).append(" for ")
            .append(PlanText.duration(Duration.ofSeconds(Duration.between(stepStart, now).getSeconds())));
      }
    }
    return line.toString();
  }

  private String stamp(Instant at) {
    String since = clock(Duration.between(start, at));
    return fault == null ? "[" + since + "]" : "[" + since + " T+" + clock(Duration.between(fault, at)) + "]";
  }

  private static String clock(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  private static String describe(String event, Map<String, Object> f) {
    switch (event) {
      case "run-started": return "drill " + f.get("drill") + ": " + f.get("title") + " (" + f.get("environment") + ")";
      case "phase-started": return "== " + f.get("phase");
      case "phase-ended": return Boolean.FALSE.equals(f.get("ok")) ? "   " + f.get("phase") + " failed: " + f.get("detail") : "";
      case "action-started": return "   " + f.get("text");
      case "action-ended": return Boolean.TRUE.equals(f.get("ok")) ? "   ok (" + f.get("detail") + ")"
          : stopped(f) ? "   " + f.get("detail") : "   FAILED: " + f.get("detail");
      case "check": return "   check " + f.get("id") + ": " + (Boolean.TRUE.equals(f.get("holds")) ? "holds" : "does not hold") + " (" + f.get("detail") + ")";
      case "fault-active": return "fault active (T0)";
      case "probe": return "   " + f.get("role") + " " + f.get("id") + ": " + f.get("detail");
      case "signal-fired": return "   signal " + f.get("id") + " fired at T+" + ms(f.get("sinceFaultMs"))
          + (Boolean.TRUE.equals(f.get("inBudget")) ? "" : " (over budget)");
      case "detection": return Boolean.TRUE.equals(f.get("met"))
          ? "detected in " + ms(f.get("sinceFaultMs")) + " of " + ms(f.get("budgetMs"))
          : "DETECTION MISSED within " + ms(f.get("budgetMs")) + "; missing: " + f.get("missing");
      case "step-started": return "step " + f.get("id") + ": " + f.get("title") + (f.containsKey("role") ? " (" + f.get("role") + ")" : "");
      case "step-ended": return "   step " + f.get("id") + (Boolean.TRUE.equals(f.get("ok")) ? " done"
          : stopped(f) ? " " + f.get("detail") : " FAILED: " + f.get("detail"))
          + " in " + ms(f.get("durationMs")) + (f.containsKey("budgetMs") ? " of " + ms(f.get("budgetMs")) : "");
      case "verify": return "   verify " + (Boolean.TRUE.equals(f.get("held")) ? "held" : "did NOT hold") + " (" + f.get("detail") + ")";
      case "recovered": return Boolean.TRUE.equals(f.get("met")) ? "recovered at T+" + ms(f.get("sinceFaultMs")) : "NOT RECOVERED";
      case "comms": return "   comms: " + f.get("duty") + " " + f.get("audience") + (Boolean.TRUE.equals(f.get("late")) ? " (late)" : "");
      case "note": return "   note: " + f.get("text");
      case "interrupt": return Boolean.TRUE.equals(f.get("rollingBack"))
          ? "STOP ignored (" + f.get("reason") + "): the rollback goes on; only SIGKILL can stop it"
          : "STOP: " + f.get("reason") + "; rolling back now; a further Ctrl-C will not stop the rollback"
              + " (only SIGKILL can)";
      case "resumed": return "drill rollback: finishing the rollback of the killed run (undo: "
          + f.get("undo") + ", teardown actions: " + f.get("teardown") + ")";
      case "abort": return "ABORT: " + f.get("reason");
      case "outcome": return "outcome: " + String.valueOf(f.get("outcome")).toUpperCase(java.util.Locale.ROOT)
          + (f.get("reasons") instanceof List && !((List<?>) f.get("reasons")).isEmpty() ? " " + f.get("reasons") : "");
      default: return "";
    }
  }

  /** An action or step cut short by a stop signal or an abort: not a failure of its own. */
  private static boolean stopped(Map<String, Object> f) {
    return String.valueOf(f.get("detail")).startsWith("stopped: ");
  }

  private static String ms(Object millis) {
    return millis instanceof Number ? PlanText.duration(Duration.ofMillis(((Number) millis).longValue())) : "?";
  }

  @Override
  public void close() {
    journal.close();
  }
}
