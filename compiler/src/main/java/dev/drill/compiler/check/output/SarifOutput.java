package dev.drill.compiler.check.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
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
    ObjectNode root = JsonTrees.object();
    root.put("$schema", SCHEMA);
    root.put("version", VERSION);
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "drill");
    List<Code> rules = rules(findings);
    ArrayNode ruleNodes = driver.putArray("rules");
    rules.forEach(code -> rule(ruleNodes.addObject(), code));
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode results = run.putArray("results");
    for (CheckFindings.Entry entry : findings.entries()) {
      for (Diagnostic d : entry.diagnostics()) {
        result(results.addObject(), entry, d, rules.indexOf(d.code()));
      }
    }
    return JsonTrees.write(root);
  }

  private static List<Code> rules(CheckFindings findings) {
    Set<Code> codes = EnumSet.noneOf(Code.class);
    findings.entries().forEach(e -> e.diagnostics().forEach(d -> codes.add(d.code())));
    return new ArrayList<>(codes);
  }

  private static void rule(ObjectNode node, Code code) {
    node.put("id", code.name());
    node.putObject("shortDescription").put("text", code.title());
    node.putObject("defaultConfiguration").put("level", code.severity().label());
  }

  private static void result(ObjectNode node, CheckFindings.Entry entry, Diagnostic d, int ruleIndex) {
    node.put("ruleId", d.code().name());
    node.put("ruleIndex", ruleIndex);
    node.put("level", d.severity().label());
    node.putObject("message").put("text", DiagnosticText.withHints(d));
    location(node.putArray("locations").addObject(), d.span());
    List<Diagnostic.Related> notes = new ArrayList<>();
    d.related().ifPresent(notes::add);
    d.origin().ifPresent(notes::add);
    if (!notes.isEmpty()) {
      ArrayNode relatedLocations = node.putArray("relatedLocations");
      for (int i = 0; i < notes.size(); i++) {
        ObjectNode related = relatedLocations.addObject();
        related.put("id", i + 1);
        location(related, notes.get(i).span());
        related.putObject("message").put("text", notes.get(i).message());
      }
    }
    node.putObject("analysisTarget").put("uri", SarifUri.of(entry.file()));
  }

  private static void location(ObjectNode node, SourceSpan span) {
    ObjectNode physical = node.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", SarifUri.of(span.file()));
    ObjectNode region = physical.putObject("region");
    region.put("startLine", span.line());
    region.put("startColumn", span.column());
    region.put("endLine", span.endLine());
    // SARIF's endColumn is the column after the region; drill's is the last column in it.
    region.put("endColumn", span.endColumn() + 1);
  }
}
