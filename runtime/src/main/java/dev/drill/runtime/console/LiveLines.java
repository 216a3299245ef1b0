package dev.drill.runtime.console;

import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.PlanText;
import dev.drill.plan.VisibleText;
import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.Journal;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.Roles;
import dev.drill.runtime.journal.RunPhase;
import dev.drill.runtime.journal.UnannouncedStart;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run as it happens, one plain line per event worth a person's attention, with time
 * since the start and since the fault; everything is passed on to the journal as well.
 */
public final class LiveLines implements Journal {

  private final Journal journal;
  private final PrintWriter out;
  private final int signals;
  private final Optional<Duration> detectBudget;
  private final Optional<Duration> recoverBudget;
  private Instant start;
  private Instant fault;
  private String phase = "starting";
  private Instant phaseStart;
  private String step = "";
  private Instant stepStart;
  private int fired;
  private boolean armed;

  /** @param plan the plan being run, for the budgets and the number of signals in the status line */
  public LiveLines(Journal journal, Plan plan, PrintWriter out) {
    this.journal = journal;
    this.out = out;
    Optional<Phase.Detect> detect = plan.phase(Phase.Detect.class);
    this.signals = detect.map(d -> d.signals().size()).orElse(0);
    this.detectBudget = detect.map(Phase.Detect::budget);
    this.recoverBudget = plan.phase(Phase.Recover.class).flatMap(Phase.Recover::budget);
  }

  @Override
  public synchronized void record(JournalEvent event) {
    journal.record(event);
    if (start == null) {
      start = event.at();
    }
    Optional<Event> kind = event.kind();
    if (kind.isEmpty()) {
      return;
    }
    track(kind.get(), event);
    String line = describe(kind.get(), event);
    if (!line.isEmpty()) {
      // Details and output come from commands and probes: their control characters are shown, not obeyed.
      out.println(stamp(event.at()) + " " + VisibleText.of(line));
    }
  }

  private void track(Event kind, JournalEvent event) {
    switch (kind) {
      case FAULT_ACTIVE:
        fault = event.at();
        break;
      case ARMED:
        armed = true;
        break;
      case UNANNOUNCED_START:
      case DISARMED:
        armed = false;
        break;
      case PHASE_ENDED:
        if (armed) {
          phase = "armed";
        }
        break;
      case PHASE_STARTED:
        phase = shown(event, Fact.PHASE);
        phaseStart = event.at();
        step = "";
        break;
      case STEP_STARTED:
        step = shown(event, Fact.ID);
        stepStart = event.at();
        break;
      case STEP_ENDED:
        step = "";
        break;
      case SIGNAL_FIRED:
        fired++;
        break;
      default:
        break;
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
    if (phase.equals(RunPhase.DETECT.wireName()) && fault != null) {
      line.append(": ").append(coarse(Duration.between(fault, now)))
          .append(detectBudget.map(b -> " of " + PlanText.duration(b)).orElse(""))
          .append(", ").append(fired).append(" of ").append(signals).append(" signals fired");
    } else if (phase.equals(RunPhase.RECOVER.wireName()) && phaseStart != null) {
      line.append(": ").append(coarse(Duration.between(phaseStart, now)))
          .append(recoverBudget.map(b -> " of " + PlanText.duration(b)).orElse(""));
      if (!step.isEmpty()) {
        line.append(", step ").append(step).append(" for ").append(coarse(Duration.between(stepStart, now)));
      }
    }
    return line.toString();
  }

  /** A time in a status line: whole seconds, or milliseconds below one (never "0s" for a part of a second). */
  private static String coarse(Duration d) {
    return PlanText.duration(d.compareTo(Duration.ofSeconds(1)) < 0 ? d : Duration.ofSeconds(d.getSeconds()));
  }

  private String stamp(Instant at) {
    String since = clock(Duration.between(start, at));
    return fault == null ? "[" + since + "]" : "[" + since + " T+" + clock(Duration.between(fault, at)) + "]";
  }

  private static String clock(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  private static String describe(Event kind, JournalEvent e) {
    switch (kind) {
      case RUN_STARTED:
        return "drill " + shown(e, Fact.DRILL) + ": " + shown(e, Fact.TITLE) + " (" + shown(e, Fact.ENVIRONMENT) + ")";
      case ROSTER:
        return "   roles held: " + Roles.held(e);
      case ARMED:
        // The window only: whoever sees this screen must not learn the moment.
        return "ARMED: the fault starts unannounced " + UnannouncedStart.describe(e.get(Fact.FROM).orElse(e.at()),
            e.get(Fact.UNTIL).orElse(e.at()), e.get(Fact.BLACKOUTS).orElse(List.of()), zone(e))
            + "; Ctrl-C disarms";
      case UNANNOUNCED_START:
        return "unannounced start (seed " + shown(e, Fact.SEED) + ")";
      case DISARMED:
        return "DISARMED: " + shown(e, Fact.REASON) + "; nothing was injected";
      case PHASE_STARTED:
        return "== " + shown(e, Fact.PHASE);
      case PHASE_ENDED:
        // A failed detection has its own line (DETECTION MISSED ...).
        return e.get(Fact.OK).equals(Optional.of(false)) && !shown(e, Fact.PHASE).equals(RunPhase.DETECT.wireName())
            ? "   " + shown(e, Fact.PHASE) + " failed" + e.text(Fact.DETAIL).map(d -> ": " + d).orElse("") : "";
      case ACTION_STARTED:
        return "   " + shown(e, Fact.TEXT);
      case ACTION_ENDED:
        return yes(e, Fact.OK) ? "   ok (" + shown(e, Fact.DETAIL) + ")"
            : stopped(e) ? "   " + shown(e, Fact.DETAIL)
            : "   FAILED: " + shown(e, Fact.DETAIL) + e.text(Fact.OUTPUT).map(LiveLines::lastLines).orElse("");
      case CHECK:
        return "   check " + shown(e, Fact.ID) + ": " + (yes(e, Fact.HOLDS) ? "holds" : "does not hold")
            + " (" + shown(e, Fact.DETAIL) + ")";
      case FAULT_ACTIVE:
        return "fault active (T0)";
      case PROBE:
        return "   " + shown(e, Fact.PROBE_ROLE) + " " + shown(e, Fact.ID) + ": " + shown(e, Fact.DETAIL);
      case SIGNAL_FIRED:
        return "   signal " + shown(e, Fact.ID) + " fired at T+" + duration(e, Fact.SINCE_FAULT)
            + (yes(e, Fact.IN_BUDGET) ? "" : " (over budget)");
      case DETECTION:
        return yes(e, Fact.MET)
            ? "detected in " + duration(e, Fact.SINCE_FAULT) + " of " + duration(e, Fact.BUDGET)
            : "DETECTION MISSED within " + duration(e, Fact.BUDGET) + "; missing: " + listed(e, Fact.MISSING, ", ");
      case STEP_STARTED:
        return "step " + shown(e, Fact.ID) + ": " + shown(e, Fact.TITLE)
            + (has(e, Fact.ROLE) ? " (" + shown(e, Fact.ROLE) + ")" : "");
      case STEP_ENDED:
        return "   step " + shown(e, Fact.ID) + (yes(e, Fact.OK) ? " done"
            : stopped(e) ? " " + shown(e, Fact.DETAIL) : " FAILED: " + shown(e, Fact.DETAIL))
            + " in " + duration(e, Fact.DURATION) + (has(e, Fact.BUDGET) ? " of " + duration(e, Fact.BUDGET) : "");
      case VERIFY:
        return "   verify " + (yes(e, Fact.HELD) ? "held" : "did NOT hold") + " (" + shown(e, Fact.DETAIL) + ")";
      case RECOVERED:
        return yes(e, Fact.MET) ? "recovered at T+" + duration(e, Fact.SINCE_FAULT)
            : "NOT RECOVERED" + e.text(Fact.DETAIL).map(d -> ": " + d).orElse("");
      case COMMS:
        return "   comms: " + shown(e, Fact.DUTY) + " " + shown(e, Fact.AUDIENCE) + (yes(e, Fact.LATE) ? " (late)" : "");
      case NOTE:
        return "   note: " + shown(e, Fact.TEXT);
      case INTERRUPT:
        return yes(e, Fact.ROLLING_BACK)
            ? "STOP ignored (" + shown(e, Fact.REASON) + "): the rollback goes on; only SIGKILL can stop it"
            : "STOP: " + shown(e, Fact.REASON) + "; rolling back now; a further Ctrl-C will not stop the rollback"
                + " (only SIGKILL can)";
      case RESUMED:
        return "drill rollback: finishing the rollback of the killed run (undo: " + listed(e, Fact.UNDO, ", ")
            + ", teardown actions: " + shown(e, Fact.TEARDOWN) + ")";
      case ABORT:
        return "ABORT: " + shown(e, Fact.REASON);
      case OUTCOME:
        String reasons = listed(e, Fact.REASONS, "; ");
        return "outcome: " + shown(e, Fact.OUTCOME).toUpperCase(Locale.ROOT) + (reasons.isEmpty() ? "" : ": " + reasons);
      default:
        return "";
    }
  }

  private static ZoneId zone(JournalEvent e) {
    try {
      return ZoneId.of(e.text(Fact.ZONE).orElse("UTC"));
    } catch (DateTimeException x) {
      return ZoneId.of("UTC");
    }
  }

  /** The fact as recorded; empty when it is missing (a line never says "null"). */
  private static String shown(JournalEvent e, Fact<?> fact) {
    Object value = e.facts().get(fact.wireName());
    return value == null ? "" : String.valueOf(value);
  }

  /** A list fact's items, joined. */
  private static String listed(JournalEvent e, Fact<List<String>> fact, String separator) {
    return String.join(separator, e.get(fact).orElse(List.of()));
  }

  /** How many lines of a failed action's output the console shows; the report has all of it. */
  private static final int OUTPUT_LINES = 5;

  /**
   * The last lines of a failed action's output (redacted with the journal), each on a line
   * of its own under the failure (its control characters are escaped with the whole line).
   */
  private static String lastLines(String output) {
    List<String> lines = output.strip().lines().toList();
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder shown = new StringBuilder();
    int from = Math.max(0, lines.size() - OUTPUT_LINES);
    if (from > 0) {
      shown.append("\n     | (last ").append(OUTPUT_LINES).append(" of ").append(lines.size())
          .append(" lines; the report has them all)");
    }
    for (String line : lines.subList(from, lines.size())) {
      shown.append("\n     | ").append(line);
    }
    return shown.toString();
  }

  private static boolean has(JournalEvent e, Fact<?> fact) {
    return e.facts().containsKey(fact.wireName());
  }

  private static boolean yes(JournalEvent e, Fact<Boolean> fact) {
    return e.get(fact).orElse(false);
  }

  /** An action or step cut short by a stop signal or an abort: not a failure of its own. */
  private static boolean stopped(JournalEvent e) {
    return shown(e, Fact.DETAIL).startsWith("stopped: ");
  }

  private static String duration(JournalEvent e, Fact<Duration> fact) {
    return e.get(fact).map(PlanText::duration).orElse("?");
  }

  @Override
  public void close() {
    journal.close();
  }
}
