package dev.drill.runtime.engine;

/**
 * The run must stop now (an abort condition held, the timebox ran out, a stop signal came,
 * nobody is left to answer): thrown from wherever the run waits, caught by
 * {@link RunEngine#run()}, which rolls back. Never escapes the run.
 */
final class Abort extends Exception {

  private static final long serialVersionUID = 1L;

  Abort(String reason) {
    super(reason, null, false, false);
  }
}
