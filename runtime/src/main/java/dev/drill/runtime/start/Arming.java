package dev.drill.runtime.start;

import java.time.Instant;
import java.util.Optional;

/**
 * An unannounced start: the window it was drawn from, the moment the fault is injected,
 * and the seed that chose it (recorded only when the moment comes).
 */
public record Arming(StartWindow window, Instant moment, long seed) {

  /** What a dry run says of it: the window; the moment only when it may be revealed. */
  public String describe(boolean reveal) {
    return "unannounced start: armed for a moment " + window.describe() + (reveal
        ? "; the fault starts at " + moment.atZone(window.zone()).toLocalTime().withNano(0) + " (seed " + seed + ")"
        : "; the moment is not shown (--reveal shows it)") + ". The timebox runs from the fault's start;"
        + " setup and the steady checks run at arming, the steady checks again just before the fault.";
  }

  /** The moment the seed picks in the window; empty when the blackouts leave nothing. */
  public static Optional<Arming> of(StartWindow window, long seed) {
    return window.choose(seed).map(moment -> new Arming(window, moment, seed));
  }
}
