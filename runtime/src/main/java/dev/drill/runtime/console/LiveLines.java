package dev.drill.runtime.console;

import dev.drill.plan.PlanText;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import java.io.PrintStream;
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
  private final PrintStream out;
  private Instant start;
  private Instant fault;

  public LiveLines(Journal journal, PrintStream out) {
    this.journal = journal;
    this.out = out;
  }

  @Override
  public synchronized void record(JournalEvent event) {
    journal.record(event);
    if (start == null) {
      start = event.at();
    }
    if (event.event().equals("fault-active")) {
      fault = event.at();
    }
    String line = describe(event.event(), event.facts());
    if (!line.isEmpty()) {
      out.println(stamp(event.at()) + " " + line);
    }
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
      case "action-ended": return Boolean.TRUE.equals(f.get("ok")) ? "   ok (" + f.get("detail") + ")" : "   FAILED: " + f.get("detail");
      case "check": return "   check " + f.get("id") + ": " + (Boolean.TRUE.equals(f.get("holds")) ? "holds" : "does not hold") + " (" + f.get("detail") + ")";
      case "fault-active": return "fault active (T0)";
      case "probe": return "   " + f.get("role") + " " + f.get("id") + ": " + f.get("detail");
      case "signal-fired": return "   signal " + f.get("id") + " fired at T+" + ms(f.get("sinceFaultMs"))
          + (Boolean.TRUE.equals(f.get("inBudget")) ? "" : " (over budget)");
      case "detection": return Boolean.TRUE.equals(f.get("met"))
          ? "detected in " + ms(f.get("sinceFaultMs")) + " of " + ms(f.get("budgetMs"))
          : "DETECTION MISSED within " + ms(f.get("budgetMs")) + "; missing: " + f.get("missing");
      case "step-started": return "step " + f.get("id") + ": " + f.get("title") + (f.containsKey("role") ? " (" + f.get("role") + ")" : "");
      case "step-ended": return "   step " + f.get("id") + (Boolean.TRUE.equals(f.get("ok")) ? " done" : " FAILED: " + f.get("detail"))
          + " in " + ms(f.get("durationMs")) + (f.containsKey("budgetMs") ? " of " + ms(f.get("budgetMs")) : "");
      case "verify": return "   verify " + (Boolean.TRUE.equals(f.get("held")) ? "held" : "did NOT hold") + " (" + f.get("detail") + ")";
      case "recovered": return Boolean.TRUE.equals(f.get("met")) ? "recovered at T+" + ms(f.get("sinceFaultMs")) : "NOT RECOVERED";
      case "comms": return "   comms: " + f.get("duty") + " " + f.get("audience") + (Boolean.TRUE.equals(f.get("late")) ? " (late)" : "");
      case "note": return "   note: " + f.get("text");
      case "abort": return "ABORT: " + f.get("reason");
      case "outcome": return "outcome: " + String.valueOf(f.get("outcome")).toUpperCase(java.util.Locale.ROOT)
          + (f.get("reasons") instanceof List && !((List<?>) f.get("reasons")).isEmpty() ? " " + f.get("reasons") : "");
      default: return "";
    }
  }

  private static String ms(Object millis) {
    return millis instanceof Number ? PlanText.duration(Duration.ofMillis(((Number) millis).longValue())) : "?";
  }

  @Override
  public void close() {
    journal.close();
  }
}
