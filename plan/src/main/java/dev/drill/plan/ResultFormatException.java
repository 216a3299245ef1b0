package dev.drill.plan;

/**
 * A run-result file that cannot be read: not JSON, not a run result, a result version this
 * build does not know, or a field of the wrong type or form. The message says which, in lower
 * case, naming the field.
 */
public final class ResultFormatException extends Exception {

  public ResultFormatException(String message) {
    super(message);
  }

  public ResultFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
