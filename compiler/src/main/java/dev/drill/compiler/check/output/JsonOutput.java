package dev.drill.compiler.check.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Diagnostic;

/**
 * The findings as JSON for scripts:
 *
 * <pre>
 * {"summary": {"drills", "failedDrills", "templateFiles", "failedTemplateFiles", "errors", "warnings",
 *    "strict", "failed"},
 *  "drills": [{"name", "file", "failed", "diagnostics": [{"code", "severity", "file", "line",
 *    "column", "endLine", "endColumn", "message", "hints": [...],
 *    "related": {"file", "line", "column", "endLine", "endColumn", "message"},
 *    "origin": {"file", "line", "column", "endLine", "endColumn", "message"}}]}],
 *  "templateFiles": [{"file", "failed", "diagnostics": [...]}],
 *  "runResults": {"file", "failed", "diagnostics": [...]}}
 * </pre>
 *
 * {@code runResults} (the results directory's unreadable files) is there only when there are some.
 * {@code related} and {@code origin} (the drill a template's finding was built into) are
 * left out when a diagnostic has none, as absent optionals are in plans.
 */
final class JsonOutput {

  private JsonOutput() {}

  static String render(CheckFindings findings, boolean strict) {
    ObjectNode root = JsonTrees.object();
    ObjectNode summary = root.putObject("summary");
    summary.put("drills", findings.drills().size());
    summary.put("failedDrills", findings.failedDrills(strict));
    summary.put("templateFiles", findings.templateFiles().size());
    summary.put("failedTemplateFiles", findings.failedTemplateFiles(strict));
    summary.put("errors", findings.errors());
    summary.put("warnings", findings.warnings());
    summary.put("strict", strict);
    summary.put("failed", findings.failed(strict));
    ArrayNode drills = root.putArray("drills");
    for (CheckFindings.Entry entry : findings.drills()) {
      ObjectNode drill = drills.addObject();
      drill.put("name", entry.name());
      drill.put("file", entry.file());
      drill.put("failed", entry.failed(strict));
      ArrayNode diagnostics = drill.putArray("diagnostics");
      entry.diagnostics().forEach(d -> diagnostic(diagnostics.addObject(), d));
    }
    ArrayNode templates = root.putArray("templateFiles");
    for (CheckFindings.Entry entry : findings.templateFiles()) {
      ObjectNode file = templates.addObject();
      file.put("file", entry.file());
      file.put("failed", entry.failed(strict));
      ArrayNode diagnostics = file.putArray("diagnostics");
      entry.diagnostics().forEach(d -> diagnostic(diagnostics.addObject(), d));
    }
    findings.runResults().ifPresent(entry -> {
      ObjectNode results = root.putObject("runResults");
      results.put("file", entry.file());
      results.put("failed", entry.failed(strict));
      ArrayNode diagnostics = results.putArray("diagnostics");
      entry.diagnostics().forEach(d -> diagnostic(diagnostics.addObject(), d));
    });
    return JsonTrees.write(root);
  }

  private static void diagnostic(ObjectNode node, Diagnostic d) {
    node.put("code", d.code().name());
    node.put("severity", d.severity().label());
    JsonTrees.putSpan(node, d.span());
    node.put("message", d.message());
    ArrayNode hints = node.putArray("hints");
    d.hints().forEach(hints::add);
    d.related().ifPresent(r -> JsonTrees.putSpan(node.putObject("related"), r.span())
        .put("message", r.message()));
    d.origin().ifPresent(r -> JsonTrees.putSpan(node.putObject("origin"), r.span())
        .put("message", r.message()));
  }
}
