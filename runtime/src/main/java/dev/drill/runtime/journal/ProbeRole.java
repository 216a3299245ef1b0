package dev.drill.runtime.journal;

/** What a probe of a {@code probe} event is looked at for. */
public enum ProbeRole {
  /** A detection signal. */
  SIGNAL("signal"),
  /** A recovery step's verification. */
  VERIFY("verify"),
  /** An abort condition. */
  ABORT("abort"),
  /** A steady-state check polled after recovery, until it holds. */
  CHECK("check");

  private final String wireName;

  ProbeRole(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
