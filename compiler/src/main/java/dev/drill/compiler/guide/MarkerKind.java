package dev.drill.compiler.guide;

/**
 * The kinds of marker that tie a guide to its drill, by the word after {@code drill:} (see
 * {@link GuideMarkers}). A marker with a word drill does not write is {@link #OTHER}: no part
 * of the check or the update acts on it, but it still ends a generated part whose end marker
 * was lost.
 */
enum MarkerKind {
  /** {@code drill:guide ID FINGERPRINT}: the guide's drill and the plan it was generated from. */
  GUIDE("guide"),
  /** {@code drill:begin KEY}: a generated part starts. */
  BEGIN("begin"),
  /** {@code drill:end KEY}: a generated part ends. */
  END("end"),
  /** {@code drill:step ID HASH}, in the heading of a recovery step's section. */
  STEP("step"),
  /** {@code drill:verify STEP HASH}, before the probe of a step's verification. */
  VERIFY("verify"),
  /** {@code drill:signal ID HASH}, before the probe of a detection signal. */
  SIGNAL("signal"),
  /** {@code drill:check ID HASH}, before the probe of a steady-state check. */
  CHECK("check"),
  /** Any other {@code drill:WORD}. */
  OTHER("");

  private final String keyword;

  MarkerKind(String keyword) {
    this.keyword = keyword;
  }

  /** The word after {@code drill:}. */
  String keyword() {
    return keyword;
  }

  static MarkerKind of(String keyword) {
    switch (keyword) {
      case "guide": return GUIDE;
      case "begin": return BEGIN;
      case "end": return END;
      case "step": return STEP;
      case "verify": return VERIFY;
      case "signal": return SIGNAL;
      case "check": return CHECK;
      default: return OTHER;
    }
  }

  /**
   * How a finding names the part of the drill that a marker of this kind documents, such as
   * {@code step 'restart'} or {@code the verification of step 'restart'}.
   */
  String part(String id) {
    switch (this) {
      case STEP: return "step '" + id + "'";
      case VERIFY: return "the verification of step '" + id + "'";
      case SIGNAL: return "signal '" + id + "'";
      case CHECK: return "check '" + id + "'";
      default: throw new IllegalArgumentException("a " + this + " marker documents no part of the drill");
    }
  }
}
