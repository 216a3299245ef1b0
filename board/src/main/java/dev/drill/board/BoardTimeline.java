package dev.drill.board;

import dev.drill.runtime.journal.Event;
import dev.drill.runtime.journal.Fact;
import dev.drill.runtime.journal.JournalEvent;
import dev.drill.runtime.journal.ProbeRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The journal as the board's timeline, newest first: what the room follows (phases,
 * actions, signals, steps, answers, notes), without the probes' looks every second, which
 * only an abort condition that holds brings onto it.
 */
final class BoardTimeline {

  /** The timeline shows this many entries at most: a long run's page stays small. */
  static final int MAX_ENTRIES = 300;

  private BoardTimeline() {}

  static List<BoardState.Entry> of(List<JournalEvent> events) {
    List<BoardState.Entry> entries = new ArrayList<>();
    for (JournalEvent e : events) {
      describe(e).ifPresent(entries::add);
    }
    Collections.reverse(entries);
    return entries.size() > MAX_ENTRIES ? entries.subList(0, MAX_ENTRIES) : entries;
  }

  private static Optional<BoardState.Entry> describe(JournalEvent e) {
    Optional<Event> kind = e.kind();
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    long at = e.at().toEpochMilli();
    boolean ok = e.get(Fact.OK).orElse(true);
    switch (kind.get()) {
      case NOTE:
        return Optional.of(new BoardState.Entry(at, "note", text(e, Fact.TEXT), e.text(Fact.BY).orElse("")));
      case RUN_STARTED:
        return event(at, "run started: " + text(e, Fact.DRILL) + " in " + text(e, Fact.ENVIRONMENT)
            + (e.get(Fact.AUTO).orElse(false) ? " (auto)" : ""));
      case PHASE_STARTED:
        return event(at, text(e, Fact.PHASE) + " started");
      case PHASE_ENDED:
        return entry(at, ok, text(e, Fact.PHASE) + (ok ? " done" : " failed") + detail(e));
      case ACTION_STARTED:
        return event(at, text(e, Fact.STEP) + ": " + text(e, Fact.TEXT));
      case ACTION_ENDED:
        return ok ? Optional.empty() : problem(at, text(e, Fact.STEP) + " action " + text(e, Fact.INDEX)
            + " failed" + detail(e));
      case CHECK: {
        boolean holds = e.get(Fact.HOLDS).orElse(false);
        return entry(at, holds, "check " + text(e, Fact.ID) + (holds ? " holds" : " does not hold") + detail(e));
      }
      case PROBE:
        return text(e, Fact.PROBE_ROLE).equals(ProbeRole.ABORT.wireName()) && e.get(Fact.HOLDS).orElse(false)
            ? problem(at, "abort condition " + text(e, Fact.ID) + " holds" + detail(e)) : Optional.empty();
      case FAULT_ACTIVE:
        return event(at, "fault active (T0)");
      case SIGNAL_FIRED: {
        boolean inBudget = e.get(Fact.IN_BUDGET).orElse(true);
        return entry(at, inBudget, "signal " + text(e, Fact.ID) + " fired at T+" + millis(e, Fact.SINCE_FAULT)
            + (inBudget ? "" : ", over budget"));
      }
      case DETECTION:
        return e.get(Fact.MET).orElse(false) ? event(at, "detected at T+" + millis(e, Fact.SINCE_FAULT))
            : problem(at, "detection missed; missing: " + String.join(", ", e.get(Fact.MISSING).orElse(List.of())));
      case STEP_STARTED:
        return event(at, "step " + text(e, Fact.ID) + " started: " + text(e, Fact.TITLE)
            + e.text(Fact.ROLE).map(r -> " (" + r + ")").orElse(""));
      case STEP_ENDED: {
        boolean inBudget = e.get(Fact.IN_BUDGET).orElse(true);
        return entry(at, ok && inBudget, "step " + text(e, Fact.ID) + (ok ? " done" : " failed") + " in "
            + millis(e, Fact.DURATION) + (inBudget ? "" : ", over its budget") + (ok ? "" : detail(e)));
      }
      case VERIFY: {
        boolean held = e.get(Fact.HELD).orElse(false);
        return entry(at, held, "verify of " + text(e, Fact.STEP) + (held ? " held" : " did not hold") + detail(e));
      }
      case RECOVERED: {
        boolean met = e.get(Fact.MET).orElse(false);
        return entry(at, met, met ? "recovered at T+" + millis(e, Fact.SINCE_FAULT) : "not recovered" + detail(e));
      }
      case COMMS: {
        boolean done = e.get(Fact.DONE).orElse(false);
        boolean late = e.get(Fact.LATE).orElse(false);
        return entry(at, done && !late, text(e, Fact.DUTY) + " " + text(e, Fact.AUDIENCE) + " by "
            + text(e, Fact.ROLE) + ": " + (!done ? "not done" : late ? "done late" : "done"));
      }
      case ANSWER:
        return event(at, "answered " + (e.get(Fact.YES).orElse(false) ? "yes" : "no") + ": " + text(e, Fact.QUESTION));
      case INTERRUPT:
        return problem(at, "stop: " + text(e, Fact.REASON));
      case ABORT:
        return problem(at, "abort: " + text(e, Fact.REASON));
      case RESUMED:
        return event(at, "drill rollback took over the rollback");
      case OUTCOME:
        return event(at, "outcome: " + text(e, Fact.OUTCOME));
      case RUN_ENDED:
        return event(at, "run ended");
      default:
        return Optional.empty();
    }
  }

  private static Optional<BoardState.Entry> entry(long at, boolean ok, String text) {
    return ok ? event(at, text) : problem(at, text);
  }

  private static Optional<BoardState.Entry> event(long at, String text) {
    return Optional.of(new BoardState.Entry(at, "event", text, ""));
  }

  private static Optional<BoardState.Entry> problem(long at, String text) {
    return Optional.of(new BoardState.Entry(at, "problem", text, ""));
  }

  private static String text(JournalEvent e, Fact<?> fact) {
    return e.text(fact).orElse("?");
  }

  private static String detail(JournalEvent e) {
    return e.text(Fact.DETAIL).filter(d -> !d.isBlank()).map(d -> ": " + d).orElse("");
  }

  private static String millis(JournalEvent e, Fact<Duration> fact) {
    return e.get(fact).map(d -> String.format("%d:%02d", d.toMinutes(), d.toSecondsPart())).orElse("?");
  }
}
