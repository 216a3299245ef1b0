package dev.drill.compiler.report;

/** The one-line outcome under a human-readable report. */
final class Summary {

  private Summary() {}

  /**
   * {@code checked 6 drills: 0 errors, 1 warning}, or when drills fail
   * {@code checked 6 drills, 2 failed: 3 errors, 1 warning}; with {@code strict} and
   * warnings present it says that they count.
   */
  static String line(CheckReport report, boolean strict) {
    StringBuilder out = new StringBuilder("checked ")
        .append(plural(report.entries().size(), "drill"));
    int failed = report.failedDrills(strict);
    if (failed > 0) {
      out.append(", ").append(failed).append(" failed");
    }
    out.append(": ").append(plural(report.errors(), "error"))
        .append(", ").append(plural(report.warnings(), "warning"));
    if (strict && report.warnings() > 0) {
      out.append(" (--strict: warnings count as failures)");
    }
    return out.toString();
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
