package dev.drill.cli.args;

/**
 * An argument that is not an option, taken in order: {@code FILE} (exactly one),
 * {@code [COMMAND]} (at most one), {@code [PATH...]} (any number), {@code FILE...} (at least one).
 * A command's positionals take the arguments left to right, each as many as it may while
 * the ones after it still get their least.
 */
public record Positional(String label, Option.Type type, int min, int max, String description) {

  static final int MANY = Integer.MAX_VALUE;

  /** Exactly one. */
  public static Positional one(Option.Type type, String label, String description) {
    return new Positional(label, type, 1, 1, description);
  }

  /** None or one. */
  public static Positional optional(Option.Type type, String label, String description) {
    return new Positional(label, type, 0, 1, description);
  }

  /** Any number, none included. */
  public static Positional any(Option.Type type, String label, String description) {
    return new Positional(label, type, 0, MANY, description);
  }

  /** One or more. */
  public static Positional some(Option.Type type, String label, String description) {
    return new Positional(label, type, 1, MANY, description);
  }

  /** As the synopsis and the help's table show it. */
  String shown() {
    String repeated = max > 1 ? label + "..." : label;
    return min == 0 ? "[" + repeated + "]" : repeated;
  }
}
