package dev.drill.runtime.probe;

/**
 * What one look at the world saw: whether the probe holds, and in words what was seen
 * ({@code status 503}, {@code no connection: refused}, {@code exit 1}, {@code value 0.27}).
 */
public record Observation(boolean holds, String detail) {}
