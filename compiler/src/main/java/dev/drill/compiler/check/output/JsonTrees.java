package dev.drill.compiler.check.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.plan.PlanJson;
import dev.drill.plan.SourceSpan;
import java.io.UncheckedIOException;

/** JSON trees written the way plans are: insertion order, two spaces, {@code "key": value}, final newline. */
final class JsonTrees {

  private JsonTrees() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** {@code "file", "line", "column", "endLine", "endColumn"} of a span, into {@code node}. */
  static ObjectNode putSpan(ObjectNode node, SourceSpan span) {
    node.put("file", span.file());
    node.put("line", span.line());
    node.put("column", span.column());
    node.put("endLine", span.endLine());
    node.put("endColumn", span.endColumn());
    return node;
  }

  static String write(ObjectNode tree) {
    try {
      return PlanJson.writer().writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
