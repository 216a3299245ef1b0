package dev.drill.compiler.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.compiler.diagnostic.Diagnostic;

/**
 * The report as JSON for scripts:
 *
 * <pre>
 * {"summary": {"drills", "failedDrills", "errors", "warnings", "strict", "failed"},
 *  "drills": [{"name", "file", "failed", "diagnostics": [{"code", "severity", "file", "line",
 *    "column", "endLine", "endColumn", "message", "hints": [...],
 *    "related": {"file", "line", "column", "endLine", "endColumn", "message"}}]}]}
 * </pre>
 *
 * {@code related} is left out when a diagnostic has none, as absent optionals are in plans.
 */
final class JsonReport {

  private JsonReport() {}

  static String render(CheckReport report, boolean strict) {
    ObjectNode root = ReportJson.object();
    ObjectNode summary = root.putObject("summary");
    summary.put("drills", report.entries().size());
    summary.put("failedDrills", report.failedDrills(strict));
    summary.put("errors", report.errors());
    summary.put("warnings", report.warnings());
    summary.put("strict", strict);
    summary.put("failed", report.failed(strict));
    ArrayNode drills = root.putArray("drills");
    for (CheckReport.Entry entry : report.entries()) {
      ObjectNode drill = drills.addObject();
      drill.put("name", entry.name());
      drill.put("file", entry.file());
      drill.put("failed", entry.failed(strict));
      ArrayNode diagnostics = drill.putArray("diagnostics");
      entry.diagnostics().forEach(d -> diagnostic(diagnostics.addObject(), d));
    }
    return ReportJson.write(root);
  }

  private static void diagnostic(ObjectNode node, Diagnostic d) {
    node.put("code", d.code().name());
    node.put("severity", d.severity().label());
    ReportJson.putSpan(node, d.span());
    node.put("message", d.message());
    ArrayNode hints = node.putArray("hints");
    d.hints().forEach(hints::add);
    d.related().ifPresent(r -> ReportJson.putSpan(node.putObject("related"), r.span())
        .put("message", r.message()));
  }
}
