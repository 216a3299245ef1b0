package dev.drill.compiler.check.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The part of the official SARIF 2.1.0 JSON Schema (sarif-schema-2.1.0.json, OASIS) that
 * drill's output uses, written out by hand because the schema cannot be fetched in a
 * build: for each definition drill emits, its property names, the required ones, types,
 * minimums and enums, as the schema has them. Every definition in the schema forbids
 * additional properties; here a property the validator does not know is an error too, so
 * nothing drill writes goes unchecked. Also checks the rules the prose spec adds that a
 * schema cannot say: ruleIndex points at the rule named by ruleId, a region does not end
 * before it starts, related location ids are distinct.
 */
final class SarifSchema {

  private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

  private final List<String> errors = new ArrayList<>();

  private SarifSchema() {}

  /** Every violation found, as {@code path: problem}; empty when the log is valid. */
  static List<String> validate(JsonNode log) {
    SarifSchema schema = new SarifSchema();
    schema.sarifLog(log, "$");
    return schema.errors;
  }

  private void sarifLog(JsonNode n, String at) {
    if (!object(n, at, Set.of("$schema", "version", "runs"), Set.of("version", "runs"))) return;
    uri(n, "$schema", at, true);
    enumeration(n, "version", at, Set.of("2.1.0"));
    array(n, "runs", at, false, this::run);
  }

  private void run(JsonNode n, String at) {
    if (!object(n, at, Set.of("tool", "columnKind", "results"), Set.of("tool"))) return;
    child(n, "tool", at, this::tool);
    enumeration(n, "columnKind", at, Set.of("utf16CodeUnits", "unicodeCodePoints"));
    array(n, "results", at, false, this::result);
    JsonNode rules = n.path("tool").path("driver").path("rules");
    JsonNode results = n.path("results");
    for (int i = 0; i < results.size(); i++) {
      JsonNode result = results.get(i);
      if (result.has("ruleIndex") && result.has("ruleId")) {
        JsonNode rule = rules.path(result.get("ruleIndex").asInt());
        if (!rule.path("id").asText().equals(result.get("ruleId").asText())) {
          errors.add(at + ".results[" + i + "]: ruleIndex does not point at rule " + result.get("ruleId"));
        }
      }
    }
  }

  private void tool(JsonNode n, String at) {
    if (!object(n, at, Set.of("driver"), Set.of("driver"))) return;
    child(n, "driver", at, this::toolComponent);
  }

  private void toolComponent(JsonNode n, String at) {
    if (!object(n, at, Set.of("name", "informationUri", "version", "rules"), Set.of("name"))) return;
    string(n, "name", at);
    uri(n, "informationUri", at, true);
    string(n, "version", at);
    array(n, "rules", at, true, this::reportingDescriptor);
  }

  private void reportingDescriptor(JsonNode n, String at) {
    if (!object(n, at, Set.of("id", "name", "shortDescription", "fullDescription", "defaultConfiguration", "helpUri"),
        Set.of("id"))) return;
    string(n, "id", at);
    string(n, "name", at);
    child(n, "shortDescription", at, this::multiformatMessageString);
    child(n, "fullDescription", at, this::multiformatMessageString);
    child(n, "defaultConfiguration", at, this::reportingConfiguration);
    uri(n, "helpUri", at, true);
  }

  private void multiformatMessageString(JsonNode n, String at) {
    if (!object(n, at, Set.of("text", "markdown"), Set.of("text"))) return;
    string(n, "text", at);
    string(n, "markdown", at);
  }

  private void reportingConfiguration(JsonNode n, String at) {
    if (!object(n, at, Set.of("enabled", "level"), Set.of())) return;
    enumeration(n, "level", at, LEVELS);
    if (n.has("enabled") && !n.get("enabled").isBoolean()) errors.add(at + ".enabled: not a boolean");
  }

  private void result(JsonNode n, String at) {
    if (!object(n, at, Set.of("ruleId", "ruleIndex", "level", "message", "locations", "relatedLocations",
        "analysisTarget"), Set.of("message"))) return;
    string(n, "ruleId", at);
    integer(n, "ruleIndex", at, -1);
    enumeration(n, "level", at, LEVELS);
    child(n, "message", at, this::message);
    array(n, "locations", at, false, this::location);
    array(n, "relatedLocations", at, true, this::location);
    child(n, "analysisTarget", at, this::artifactLocation);
    Set<Integer> ids = new HashSet<>();
    for (JsonNode related : n.path("relatedLocations")) {
      if (related.has("id") && !ids.add(related.get("id").asInt())) {
        errors.add(at + ".relatedLocations: id " + related.get("id") + " used twice");
      }
    }
  }

  private void message(JsonNode n, String at) {
    if (!object(n, at, Set.of("text", "markdown", "id", "arguments"), Set.of())) return;
    if (!n.has("text") && !n.has("id")) errors.add(at + ": needs text or id");
    string(n, "text", at);
    string(n, "markdown", at);
    string(n, "id", at);
  }

  private void location(JsonNode n, String at) {
    if (!object(n, at, Set.of("id", "physicalLocation", "message"), Set.of())) return;
    integer(n, "id", at, -1);
    child(n, "physicalLocation", at, this::physicalLocation);
    child(n, "message", at, this::message);
  }

  private void physicalLocation(JsonNode n, String at) {
    // The schema's anyOf [address, artifactLocation]; drill never writes an address.
    if (!object(n, at, Set.of("artifactLocation", "region", "contextRegion"), Set.of("artifactLocation"))) return;
    child(n, "artifactLocation", at, this::artifactLocation);
    child(n, "region", at, this::region);
    child(n, "contextRegion", at, this::region);
  }

  private void artifactLocation(JsonNode n, String at) {
    if (!object(n, at, Set.of("uri", "uriBaseId", "index"), Set.of())) return;
    uri(n, "uri", at, false);
    string(n, "uriBaseId", at);
    integer(n, "index", at, -1);
  }

  private void region(JsonNode n, String at) {
    // The schema's anyOf [startLine, charOffset, byteOffset]; drill regions are by line.
    if (!object(n, at, Set.of("startLine", "startColumn", "endLine", "endColumn"), Set.of("startLine"))) return;
    for (String key : List.of("startLine", "startColumn", "endLine", "endColumn")) {
      integer(n, key, at, 1);
    }
    int startLine = n.path("startLine").asInt();
    int endLine = n.path("endLine").asInt(startLine);
    if (endLine < startLine) errors.add(at + ": ends on a line before it starts");
    if (endLine == startLine && n.has("startColumn") && n.has("endColumn")
        && n.get("endColumn").asInt() < n.get("startColumn").asInt()) {
      errors.add(at + ": ends before it starts");
    }
  }

  private boolean object(JsonNode n, String at, Set<String> known, Set<String> required) {
    if (!n.isObject()) {
      errors.add(at + ": not an object");
      return false;
    }
    for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) errors.add(at + ": property '" + name + "' not allowed (or not checked)");
    }
    for (String name : required) {
      if (!n.has(name)) errors.add(at + ": missing required property '" + name + "'");
    }
    return true;
  }

  private void child(JsonNode n, String key, String at, BiConsumer<JsonNode, String> check) {
    if (n.has(key)) check.accept(n.get(key), at + "." + key);
  }

  private void array(JsonNode n, String key, String at, boolean unique, BiConsumer<JsonNode, String> items) {
    if (!n.has(key)) return;
    JsonNode array = n.get(key);
    if (!array.isArray()) {
      errors.add(at + "." + key + ": not an array");
      return;
    }
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (unique && !seen.add(array.get(i))) errors.add(at + "." + key + ": items not unique");
      items.accept(array.get(i), at + "." + key + "[" + i + "]");
    }
  }

  private void string(JsonNode n, String key, String at) {
    if (n.has(key) && !n.get(key).isTextual()) errors.add(at + "." + key + ": not a string");
  }

  private void integer(JsonNode n, String key, String at, int minimum) {
    if (!n.has(key)) return;
    JsonNode value = n.get(key);
    if (!value.isIntegralNumber()) {
      errors.add(at + "." + key + ": not an integer");
    } else if (value.asLong() < minimum) {
      errors.add(at + "." + key + ": below the minimum " + minimum);
    }
  }

  private void enumeration(JsonNode n, String key, String at, Set<String> values) {
    if (n.has(key) && !(n.get(key).isTextual() && values.contains(n.get(key).asText()))) {
      errors.add(at + "." + key + ": not one of " + values);
    }
  }

  /** Format {@code uri} (absolute) or {@code uri-reference}: RFC 3986, so ASCII only. */
  private void uri(JsonNode n, String key, String at, boolean absolute) {
    if (!n.has(key)) return;
    if (!n.get(key).isTextual()) {
      errors.add(at + "." + key + ": not a string");
      return;
    }
    String text = n.get(key).asText();
    try {
      URI uri = new URI(text);
      if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
        errors.add(at + "." + key + ": not an RFC 3986 URI (unencoded characters): " + text);
      } else if (absolute && !uri.isAbsolute()) {
        errors.add(at + "." + key + ": not an absolute URI: " + text);
      }
    } catch (URISyntaxException e) {
      errors.add(at + "." + key + ": not a URI: " + e.getMessage());
    }
  }
}
