package dev.drill.compiler.check.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drill.plan.PlanJson;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A report written as JSON the way plans are (insertion order, two spaces, {@code "key":
 * value}, final newline), streamed: no databind tree, whose start-up would come after the
 * checking threads are done, on one core.
 */
final class JsonDocument {

  /** Writes the document's one value. */
  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonDocument() {}

  static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = PlanJson.generator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a report is written to memory", e);
    }
    return out.append('\n').toString();
  }

  /** The fields {@code "file", "line", "column", "endLine", "endColumn"} of a span. */
  static void spanFields(JsonGenerator json, SourceSpan span) throws IOException {
    json.writeStringField("file", span.file());
    json.writeNumberField("line", span.line());
    json.writeNumberField("column", span.column());
    json.writeNumberField("endLine", span.endLine());
    json.writeNumberField("endColumn", span.endColumn());
  }
}
