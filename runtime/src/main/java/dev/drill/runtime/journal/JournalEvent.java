package dev.drill.runtime.journal;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the journal: when, what, and the facts of it. The journal is JSON Lines,
 * one event per line: {@code {"at": "2026-11-24T10:00:03.120Z", "event": "step-ended",
 * "step": "restart", "ok": true, ...}}. Every text in it has been redacted.
 *
 * <p>The events, and the facts each carries (times in milliseconds since the fault, T0,
 * are {@code sinceFaultMs}; durations end in {@code Ms}):
 *
 * <ul>
 *   <li>{@code run-started}: drill, title, fingerprint, source, environment, auto, params
 *       (name to value; secrets by name only), timeboxMs, journal; also secrets (their names),
 *       results (the results directory) and plan (the whole plan as {@code PlanJson} writes it,
 *       a JSON object), so that a journal alone is enough to rebuild the report
 *   <li>{@code phase-started}, {@code phase-ended}: phase (setup, steady, inject, detect,
 *       recover, steady-again, rollback, teardown); phase-ended adds ok, detail
 *   <li>{@code action-started}, {@code action-ended}: phase, step, index, kind (run, http,
 *       manual, wait), text; action-ended adds ok, detail, output, durationMs
 *   <li>{@code check}: phase (steady or steady-again), id, holds, detail
 *   <li>{@code probe}: role (signal, verify, abort), id, holds, detail; written for the
 *       first look and whenever the result changes
 *   <li>{@code fault-active}: the moment T0
 *   <li>{@code signal-fired}: id, title, sinceFaultMs, budgetMs, inBudget
 *   <li>{@code detection}: mode, met, sinceFaultMs (when met), budgetMs, fired (ids), missing (ids)
 *   <li>{@code step-started}, {@code step-ended}: id, title, role; step-ended adds ok, detail,
 *       durationMs, budgetMs, inBudget
 *   <li>{@code verify}: step, held, detail, durationMs, budgetMs
 *   <li>{@code recovered}: met, sinceFaultMs, budgetMs
 *   <li>{@code comms}: duty (update, notify), audience, role, dueSinceFaultMs, done, late, note
 *   <li>{@code answer}: question, yes, note (a person's answer to a manual step or signal)
 *   <li>{@code note}: text, by (terminal or drill note)
 *   <li>{@code abort}: reason
 *   <li>{@code outcome}: outcome (passed, failed, aborted), reasons (list of text),
 *       timeToDetectMs, timeToRecoverMs
 *   <li>{@code run-ended}
 * </ul>
 */
public record JournalEvent(Instant at, String event, Map<String, Object> facts) {

  public JournalEvent {
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** An event with facts given as name, value, name, value, ... in the order they are written. */
  public static JournalEvent of(Instant at, String event, Object... facts) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < facts.length; i += 2) {
      if (facts[i + 1] != null) {
        map.put((String) facts[i], facts[i + 1]);
      }
    }
    return new JournalEvent(at, event, map);
  }
}
