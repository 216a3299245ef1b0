package dev.drill.runtime.action;

/**
 * How an action went: ok or not, in words ({@code exit 0}, {@code status 204},
 * {@code timed out after 5m}), and its output, redacted and cut to a bounded size.
 */
public record ActionResult(boolean ok, String detail, String output) {}
