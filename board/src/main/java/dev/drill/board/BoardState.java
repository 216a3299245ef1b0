package dev.drill.board;

import java.util.List;
import java.util.Optional;

/**
 * What the board shows, as of the journal's last event: sent to the browser as JSON, where
 * the script counts the budgets down between updates. Times are epoch milliseconds (so the
 * page can count from them), budgets and offsets since the fault are milliseconds.
 *
 * @param run {@code waiting} (no run-started yet), {@code running} or {@code ended}
 * @param serverNow the server's clock when this was sent: the page counts on it, not on its own clock
 */
public record BoardState(
    String run,
    String drill,
    String title,
    String environment,
    Optional<Long> startedAt,
    Optional<Long> faultAt,
    Optional<Long> endedAt,
    Optional<Long> timeboxMs,
    String phase,
    List<PhaseRow> phases,
    Optional<Long> detectBudgetMs,
    List<SignalRow> signals,
    List<StepRow> steps,
    List<CommsRow> comms,
    List<AbortRow> aborts,
    Optional<String> outcome,
    List<String> reasons,
    List<Entry> timeline,
    long serverNow) {

  public BoardState {
    phases = List.copyOf(phases);
    signals = List.copyOf(signals);
    steps = List.copyOf(steps);
    comms = List.copyOf(comms);
    aborts = List.copyOf(aborts);
    reasons = List.copyOf(reasons);
    timeline = List.copyOf(timeline);
  }

  /** @param state {@code waiting}, {@code running}, {@code done} or {@code failed} */
  public record PhaseRow(String name, String state) {}

  /**
   * @param state {@code waiting} (before the fault), {@code watching}, {@code fired} or {@code missed}
   * @param firedMs when it fired, since the fault
   */
  public record SignalRow(String id, String title, String state, Optional<Long> firedMs, boolean inBudget) {}

  /**
   * @param state {@code waiting}, {@code running}, {@code done}, {@code failed} or {@code late}
   *     (the page turns a running step late when its budget runs out)
   * @param verification empty (none), {@code pending}, {@code held} or {@code did not hold}
   */
  public record StepRow(String id, String title, String role, Optional<Long> budgetMs, String state,
      Optional<Long> startedAt, Optional<Long> durationMs, String verify, String verification) {}

  /**
   * One comms duty of the plan: its next checkpoint, due {@code dueMs} after the fault.
   *
   * @param state {@code due}, {@code done}, {@code late} or {@code not done}
   */
  public record CommsRow(String duty, String audience, String role, Optional<Long> dueMs, int done, String state) {}

  /** @param state {@code waiting} (not watched yet), {@code clear}, {@code holds} or {@code aborted} */
  public record AbortRow(String id, String condition, String state, String detail) {}

  /** A line of the timeline; {@code note} for an observer's note, {@code problem} for what went wrong. */
  public record Entry(long at, String kind, String text, String by) {}
}
