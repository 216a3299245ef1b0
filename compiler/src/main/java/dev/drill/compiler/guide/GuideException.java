package dev.drill.compiler.guide;

/** A guide that cannot be rendered or updated: a broken team template, or a guide that is not ours to touch. */
public final class GuideException extends Exception {

  public GuideException(String message) {
    super(message);
  }

  public GuideException(String message, Throwable cause) {
    super(message, cause);
  }
}
