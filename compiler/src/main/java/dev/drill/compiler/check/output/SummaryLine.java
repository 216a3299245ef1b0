package dev.drill.compiler.check.output;

import dev.drill.compiler.check.CheckFindings;

/** The one-line outcome under the findings in a human-readable format. */
final class SummaryLine {

  private SummaryLine() {}

  /**
   * {@code checked 6 drills: 0 errors, 1 warning}, or when drills fail
   * {@code checked 6 drills, 2 failed: 3 errors, 1 warning}; unreadable run results are
   * counted as such, not as drills ({@code checked 6 drills, 1 unreadable run result: ...});
   * with {@code strict} and warnings present it says that they count.
   */
  static String line(CheckFindings findings, boolean strict) {
    StringBuilder out = new StringBuilder("checked ")
        .append(plural(findings.drills().size(), "drill"));
    if (!findings.templateFiles().isEmpty()) {
      out.append(" and ").append(plural(findings.templateFiles().size(), "file")).append(" of templates");
    }
    int failed = findings.failedDrills(strict) + findings.failedTemplateFiles(strict);
    if (failed > 0) {
      out.append(", ").append(failed).append(" failed");
    }
    findings.runResults().ifPresent(r -> out.append(", ")
        .append(plural(r.diagnostics().size(), "unreadable run result")));
    out.append(": ").append(plural(findings.errors(), "error"))
        .append(", ").append(plural(findings.warnings(), "warning"));
    if (strict && findings.warnings() > 0) {
      out.append(" (--strict: warnings count as failures)");
    }
    return out.toString();
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
