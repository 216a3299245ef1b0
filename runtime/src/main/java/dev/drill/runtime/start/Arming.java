package dev.drill.runtime.start;

import java.time.Instant;
import java.util.Optional;

/**
 * An unannounced start: the window it was drawn from, the moment the fault is injected,
 * and the seed that chose it (recorded only when the moment comes).
 */
public record Arming(StartWindow window, Instant moment, long seed) {

  /** The moment the seed picks in the window; empty when the blackouts leave nothing. */
  public static Optional<Arming> of(StartWindow window, long seed) {
    return window.choose(seed).map(moment -> new Arming(window, moment, seed));
  }
}
