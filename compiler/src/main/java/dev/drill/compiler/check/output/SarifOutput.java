package dev.drill.compiler.check.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The findings as SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, IDE
 * viewers): one run of the tool {@code drill}; one rule per code that occurs, in code
 * order; one result per diagnostic, in the order found, with its region and its related
 * location. Columns count Unicode code points, as drill's do.
 */
final class SarifOutput {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String VERSION = "2.1.0";

  private SarifOutput() {}

  static String render(CheckFindings findings) {
    List<Code> rules = rules(findings);
    return JsonDocument.write(json -> {
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", VERSION);
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", "drill");
      json.writeArrayFieldStart("rules");
      for (Code code : rules) {
        rule(json, code);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeStringField("columnKind", "unicodeCodePoints");
      json.writeArrayFieldStart("results");
      for (CheckFindings.Entry entry : findings.entries()) {
        for (Diagnostic d : entry.diagnostics()) {
          result(json, entry, d, rules.indexOf(d.code()));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  private static List<Code> rules(CheckFindings findings) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    findings.entries().forEach(e -> e.diagnostics().forEach(d -> codes.add(d.code())));
    return new ArrayList<>(codes);
  }

  private static void rule(JsonGenerator json, Code code) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", code.name());
    text(json, "shortDescription", code.title());
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", code.severity().label());
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void result(JsonGenerator json, CheckFindings.Entry entry, Diagnostic d, int ruleIndex)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", d.code().name());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", d.severity().label());
    text(json, "message", DiagnosticText.withHints(d));
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    location(json, d.span());
    json.writeEndObject();
    json.writeEndArray();
    List<Diagnostic.Related> notes = new ArrayList<>();
    d.related().ifPresent(notes::add);
    d.origin().ifPresent(notes::add);
    if (!notes.isEmpty()) {
      json.writeArrayFieldStart("relatedLocations");
      for (int i = 0; i < notes.size(); i++) {
        json.writeStartObject();
        json.writeNumberField("id", i + 1);
        location(json, notes.get(i).span());
        text(json, "message", notes.get(i).message());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeObjectFieldStart("analysisTarget");
    json.writeStringField("uri", SarifUri.of(entry.file()));
    json.writeEndObject();
    json.writeEndObject();
  }

  /** {@code "field": {"text": text}}, SARIF's message. */
  private static void text(JsonGenerator json, String field, String text) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", text);
    json.writeEndObject();
  }

  private static void location(JsonGenerator json, SourceSpan span) throws IOException {
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", SarifUri.of(span.file()));
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", span.line());
    json.writeNumberField("startColumn", span.column());
    json.writeNumberField("endLine", span.endLine());
    // SARIF's endColumn is the column after the region; drill's is the last column in it.
    json.writeNumberField("endColumn", span.endColumn() + 1);
    json.writeEndObject();
    json.writeEndObject();
  }
}
