package dev.drill.runtime.journal;

import java.util.Optional;

/** The phases of a run as the journal names them ({@code phase} of phase and action events, {@code check}). */
public enum RunPhase {
  SETUP("setup"),
  STEADY("steady"),
  INJECT("inject"),
  DETECT("detect"),
  RECOVER("recover"),
  STEADY_AGAIN("steady-again"),
  ROLLBACK("rollback"),
  TEARDOWN("teardown");

  private final String wireName;

  RunPhase(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The phase of that name; empty for one this version of drill does not know. */
  public static Optional<RunPhase> named(String wireName) {
    for (RunPhase phase : values()) {
      if (phase.wireName.equals(wireName)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }
}
