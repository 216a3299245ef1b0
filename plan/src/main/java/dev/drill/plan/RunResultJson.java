package dev.drill.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads and writes run results as JSON, with the conventions of {@link PlanJson}: properties
 * in declaration order ({@code resultVersion} first), two-space indentation, {@code \n} line
 * ends and a final newline, absent optionals left out; times as ISO-8601 UTC instants
 * ({@code 2026-11-20T14:03:00Z}) and durations as ISO-8601 ({@code PT4M12S}).
 *
 * <p>Reading is strict, since a result decides whether {@code drill check} passes: an
 * unknown version, an unknown or missing property, a null, or a value of the wrong type or
 * form is refused with a {@link ResultFormatException} saying which.
 */
public final class RunResultJson {

  /** Classpath resource of the run result's JSON Schema (draft 2020-12). */
  public static final String SCHEMA_RESOURCE = "/dev/drill/plan/run-result.schema.json";

  private static final ObjectWriter WRITER =
      PlanJson.writer().without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final List<String> PROPERTIES = Arrays.stream(RunResult.class.getRecordComponents())
      .map(RecordComponent::getName).collect(Collectors.toUnmodifiableList());

  private static final Pattern UTC_TIME = Pattern.compile(
      "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z");

  private RunResultJson() {}

  public static String write(RunResult result) {
    try {
      return WRITER.writeValueAsString(result) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a run result, refusing any version but {@link RunResult#CURRENT_VERSION}. */
  public static RunResult read(String json) throws ResultFormatException {
    JsonNode tree;
    try {
      tree = PlanJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new ResultFormatException("not valid JSON: " + PlanJsonProblem.syntax(e), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new ResultFormatException("not a run result: the file is empty");
    }
    if (!tree.isObject()) {
      throw new ResultFormatException("not a run result: expected a JSON object, found " + kind(tree));
    }
    JsonNode version = tree.get("resultVersion");
    if (version == null) {
      throw new ResultFormatException("not a run result: no \"resultVersion\"");
    }
    if (!version.isIntegralNumber()) {
      throw new ResultFormatException("\"resultVersion\" must be a whole number, not " + kind(version));
    }
    if (!version.isInt() || version.intValue() != RunResult.CURRENT_VERSION) {
      throw new ResultFormatException("run result version " + version.asText()
          + " is not supported by this drill (it reads version " + RunResult.CURRENT_VERSION
          + "); use the drill that wrote it, or a newer one");
    }
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!PROPERTIES.contains(name)) {
        throw new ResultFormatException("unknown property \"" + name + "\"; a run result has "
            + String.join(", ", PROPERTIES));
      }
    }
    try {
      return new RunResult(
          version.intValue(),
          string(tree, "drill"),
          string(tree, "fingerprint"),
          outcome(tree),
          string(tree, "environment"),
          instant(tree, "startedAt"),
          instant(tree, "endedAt"),
          duration(tree, "timeToDetect"),
          duration(tree, "timeToRecover"),
          roster(tree));
    } catch (IllegalArgumentException e) {
      throw new ResultFormatException("not a valid run result: " + e.getMessage(), e);
    }
  }

  private static String string(JsonNode tree, String name) throws ResultFormatException {
    JsonNode node = tree.get(name);
    if (node == null) {
      throw new ResultFormatException("missing \"" + name + "\"");
    }
    if (!node.isTextual()) {
      throw new ResultFormatException("\"" + name + "\" must be a string, not " + kind(node)
          + (node.isNull() && isOptional(name) ? " (leave it out when there is no value)" : ""));
    }
    return node.textValue();
  }

  private static RunResult.Outcome outcome(JsonNode tree) throws ResultFormatException {
    String text = string(tree, "outcome");
    return RunResult.Outcome.fromKeyword(text).orElseThrow(() -> new ResultFormatException(
        "\"outcome\" must be passed, failed or aborted, not '" + text + "'"));
  }

  private static Instant instant(JsonNode tree, String name) throws ResultFormatException {
    String text = string(tree, name);
    if (UTC_TIME.matcher(text).matches()) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        // falls through: a well-formed but impossible date such as 2026-02-30
      }
    }
    throw new ResultFormatException("\"" + name + "\" must be a UTC time such as 2026-11-20T14:03:00Z, not '"
        + text + "'");
  }

  private static Optional<Duration> duration(JsonNode tree, String name) throws ResultFormatException {
    if (!tree.has(name)) {
      return Optional.empty();
    }
    String text = string(tree, name);
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      throw new ResultFormatException("\"" + name + "\" must be an ISO-8601 duration such as PT4M12S, not '"
          + text + "'", e);
    }
  }

  private static Map<String, String> roster(JsonNode tree) throws ResultFormatException {
    if (!tree.has("roster")) {
      return Map.of();
    }
    JsonNode node = tree.get("roster");
    if (!node.isObject()) {
      throw new ResultFormatException("\"roster\" must be an object from role to person, not " + kind(node)
          + (node.isNull() ? " (leave it out when nobody was named)" : ""));
    }
    Map<String, String> roster = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isTextual()) {
        throw new ResultFormatException("\"roster\" role \"" + field.getKey() + "\" must name a person as a string, not "
            + kind(field.getValue()));
      }
      roster.put(field.getKey(), field.getValue().textValue());
    }
    return roster;
  }

  private static boolean isOptional(String name) {
    return name.equals("timeToDetect") || name.equals("timeToRecover");
  }

  private static String kind(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL: return "null";
      case BOOLEAN: return node.asText();
      case NUMBER: return "the number " + node.asText();
      case ARRAY: return "an array";
      case OBJECT: return "an object";
      case STRING: return "the string '" + node.textValue() + "'";
      default: return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }
}
