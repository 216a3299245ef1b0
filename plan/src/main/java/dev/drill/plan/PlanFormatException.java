package dev.drill.plan;

/** A plan file that cannot be read: not JSON, not a plan, or a version this build does not know. */
public final class PlanFormatException extends Exception {

  public PlanFormatException(String message) {
    super(message);
  }

  public PlanFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
