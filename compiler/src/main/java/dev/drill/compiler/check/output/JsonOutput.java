package dev.drill.compiler.check.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Diagnostic;
import java.io.IOException;

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
    return JsonDocument.write(json -> {
      json.writeStartObject();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("drills", findings.drills().size());
      json.writeNumberField("failedDrills", findings.failedDrills(strict));
      json.writeNumberField("templateFiles", findings.templateFiles().size());
      json.writeNumberField("failedTemplateFiles", findings.failedTemplateFiles(strict));
      json.writeNumberField("errors", findings.errors());
      json.writeNumberField("warnings", findings.warnings());
      json.writeBooleanField("strict", strict);
      json.writeBooleanField("failed", findings.failed(strict));
      json.writeEndObject();
      json.writeArrayFieldStart("drills");
      for (CheckFindings.Entry entry : findings.drills()) {
        json.writeStartObject();
        json.writeStringField("name", entry.name());
        entryFields(json, entry, strict);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("templateFiles");
      for (CheckFindings.Entry entry : findings.templateFiles()) {
        json.writeStartObject();
        entryFields(json, entry, strict);
        json.writeEndObject();
      }
      json.writeEndArray();
      if (findings.runResults().isPresent()) {
        json.writeObjectFieldStart("runResults");
        entryFields(json, findings.runResults().get(), strict);
        json.writeEndObject();
      }
      json.writeEndObject();
    });
  }

  /** {@code "file", "failed", "diagnostics"} of a drill or a file. */
  private static void entryFields(JsonGenerator json, CheckFindings.Entry entry, boolean strict) throws IOException {
    json.writeStringField("file", entry.file());
    json.writeBooleanField("failed", entry.failed(strict));
    json.writeArrayFieldStart("diagnostics");
    for (Diagnostic d : entry.diagnostics()) {
      diagnostic(json, d);
    }
    json.writeEndArray();
  }

  private static void diagnostic(JsonGenerator json, Diagnostic d) throws IOException {
    json.writeStartObject();
    json.writeStringField("code", d.code().name());
    json.writeStringField("severity", d.severity().label());
    JsonDocument.spanFields(json, d.span());
    json.writeStringField("message", d.message());
    json.writeArrayFieldStart("hints");
    for (String hint : d.hints()) {
      json.writeString(hint);
    }
    json.writeEndArray();
    if (d.related().isPresent()) {
      related(json, "related", d.related().get());
    }
    if (d.origin().isPresent()) {
      related(json, "origin", d.origin().get());
    }
    json.writeEndObject();
  }

  private static void related(JsonGenerator json, String field, Diagnostic.Related related) throws IOException {
    json.writeObjectFieldStart(field);
    JsonDocument.spanFields(json, related.span());
    json.writeStringField("message", related.message());
    json.writeEndObject();
  }
}
