package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each finding of drill import ctk, with its code, line and column in the experiment. */
class ImportDiagnosticsTest {

  @TempDir Path dir;

  private List<Diagnostic> findings(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(file, name, "staging");
    if (imported instanceof ChaosToolkit.Refused refused) {
      return refused.errors();
    }
    if (imported instanceof ChaosToolkit.Written written) {
      return written.warnings();
    }
    throw new AssertionError("neither written nor refused");
  }

  private static void assertFinding(List<Diagnostic> found, String code, int line, int column, String text) {
    assertTrue(found.stream().anyMatch(d -> d.code().name().equals(code) && d.span().line() == line
        && d.span().column() == column && d.message().contains(text)),
        "expected " + code + " at " + line + ":" + column + " saying '" + text + "', got " + found);
  }

  private static final String VALID_START = "{\n  \"title\": \"t\",\n  \"description\": \"d\",\n";

  @Test
  void d901MalformedJsonAndYamlAtTheirLineAndColumn() throws IOException {
    assertFinding(findings("e.json", "{\n  \"title\": \"t\",\n  \"method\": [,]\n}\n"), "D901", 3, 14, "not valid JSON");
    assertFinding(findings("e.yaml", "title: t\nmethod:\n  - type: action\n   name: x\n"), "D901", 4, 4, "not valid YAML");
    assertFinding(findings("e.json", ""), "D901", 1, 1, "no document");
  }

  @Test
  void d902TheFormatBefore10() throws IOException {
    assertFinding(findings("e.json", VALID_START + "  \"method\": [\n    {\"title\": \"x\", \"probes\": {}}\n  ]\n}\n"),
        "D902", 5, 5, "format before Chaos Toolkit 1.0");
    assertFinding(findings("e.json", VALID_START + "  \"version\": \"0.9\",\n  \"method\": []\n}\n"),
        "D902", 4, 14, "not 1.x");
  }

  @Test
  void d903MissingTitleMethodProviderTolerance() throws IOException {
    assertFinding(findings("e.json", "{\n  \"description\": \"d\",\n  \"method\": []\n}\n"), "D903", 1, 1,
        "has no 'title'");
    assertFinding(findings("e.json", "{\n  \"title\": \"t\",\n  \"description\": \"d\"\n}\n"), "D903", 1, 1,
        "has no 'method'");
    assertFinding(findings("e.json", VALID_START + "  \"method\": [\n    {\"type\": \"action\", \"name\": \"x\"}\n  ]\n}\n"),
        "D903", 5, 24, "has no 'provider'");
    assertFinding(findings("e.json", VALID_START + "  \"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [\n"
        + "    {\"type\": \"probe\", \"name\": \"p\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]},\n"
        + "  \"method\": []\n}\n"), "D903", 5, 23, "has no 'tolerance'");
  }

  @Test
  void d904InvalidValues() throws IOException {
    assertFinding(findings("e.json", VALID_START + "  \"method\": [\n    {\"type\": \"action\", \"name\": \"x\","
        + " \"provider\": {\"type\": \"golang\"}}\n  ]\n}\n"), "D904", 5, 58, "unknown provider type 'golang'");
    assertFinding(findings("e.json", VALID_START + "  \"method\": [\n    {\"type\": \"action\", \"name\": \"x\","
        + " \"background\": \"yes\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}\n  ]\n}\n"),
        "D904", 5, 51, "background: true or false");
    assertFinding(findings("e.json", "[1, 2]"), "D904", 1, 1, "an experiment is an object");
  }

  @Test
  void d905UnknownToleranceType() throws IOException {
    assertFinding(findings("e.json", VALID_START + "  \"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [\n"
        + "    {\"type\": \"probe\", \"name\": \"p\", \"tolerance\": {\"type\": \"equal\", \"value\": 1},\n"
        + "     \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]},\n  \"method\": []\n}\n"),
        "D905", 5, 58, "unknown tolerance type 'equal'");
  }

  @Test
  void d906UnknownReference() throws IOException {
    assertFinding(findings("e.json", VALID_START + "  \"method\": [],\n  \"rollbacks\": [\n    {\"ref\": \"nowhere\"}\n"
        + "  ]\n}\n"), "D906", 6, 13, "no activity is named 'nowhere'");
  }

  @Test
  void d907InvalidTolerance() throws IOException {
    assertFinding(findings("e.json", VALID_START + "  \"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [\n"
        + "    {\"type\": \"probe\", \"name\": \"p\", \"tolerance\": {\"type\": \"range\", \"range\": [1]},\n"
        + "     \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]},\n  \"method\": []\n}\n"),
        "D907", 5, 76, "two numbers");
    assertFinding(findings("e.json", VALID_START + "  \"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [\n"
        + "    {\"type\": \"probe\", \"name\": \"p\", \"tolerance\": {\"type\": \"regex\", \"pattern\": \"(\"},\n"
        + "     \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]},\n  \"method\": []\n}\n"),
        "D907", 5, 78, "not a regular expression");
  }

  @Test
  void d951PythonProvidersBecomeManualStepsNamedByTheirPlace() throws IOException {
    List<Diagnostic> found = findings("e.json", VALID_START + "  \"method\": [\n"
        + "    {\"type\": \"action\", \"name\": \"delete-one-pod\", \"provider\": {\"type\": \"python\",\n"
        + "      \"module\": \"chaosk8s.pod.actions\", \"func\": \"terminate_pods\"}}\n  ]\n}\n");
    assertFinding(found, "D951", 6, 17, "method[0] delete-one-pod: python provider chaosk8s.pod.actions.terminate_pods"
        + " is not executable by drill; imported as a manual step");
  }

  @Test
  void whatTheCompilerRefusesAsCtkGivesItBecomesAManualStepWithTheCompilersWords() throws IOException {
    List<Diagnostic> found = findings("e.json", VALID_START + "  \"steady-state-hypothesis\": {\"title\": \"h\", \"probes\": [\n"
        + "    {\"type\": \"probe\", \"name\": \"up\", \"tolerance\": 200, \"provider\": {\"type\": \"http\",\n"
        + "     \"url\": \"http://shop.test/health\", \"headers\": {\"Host\": \"shop\"}}}]},\n"
        + "  \"method\": [{\"type\": \"action\", \"name\": \"get\", \"provider\": {\"type\": \"http\","
        + " \"url\": \"http://${unknown}/x\"}}]\n}\n");
    assertFinding(found, "D952", 5, 5, "steady-state-hypothesis.probes[0] up: drill refuses it as Chaos Toolkit gives it"
        + " (D507 header 'Host' is set by the HTTP client");
    assertFinding(found, "D952", 7, 14, "method[0] get: drill refuses it as Chaos Toolkit gives it (D504 url");
  }

  @Test
  void aDefaultStartingWithADashGetsAPatternThatSaysSo() throws IOException {
    Path file = dir.resolve("e.json");
    Files.writeString(file, VALID_START + "  \"configuration\": {\"flags\": \"-v\"},\n"
        + "  \"method\": [{\"type\": \"action\", \"name\": \"list\", \"provider\": {\"type\": \"process\","
        + " \"path\": \"ls\", \"arguments\": [\"${flags}\"]}}]\n}\n");
    ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(file, "e.json", "staging");
    if (!(imported instanceof ChaosToolkit.Written drill)) {
      throw new AssertionError(imported.toString());
    }
    assertTrue(drill.text().contains("param  flags = \"-v\" matches \".*\""), drill.text());
    assertTrue(drill.text().contains("run \"ls ${flags}\" expect exit >= 0"), drill.text());
    assertFinding(drill.warnings(), "D952", 4, 30, "configuration.flags: D406 default");
  }

  @Test
  void d952ApproximationsAreSaid() throws IOException {
    List<Diagnostic> found = findings("e.json", VALID_START + "  \"method\": [\n"
        + "    {\"type\": \"action\", \"name\": \"get\", \"provider\": {\"type\": \"http\", \"url\": \"https://x.test/\","
        + " \"verify_tls\": false}}\n  ]\n}\n");
    assertFinding(found, "D952", 5, 108, "verify_tls false is not kept");
  }
}
