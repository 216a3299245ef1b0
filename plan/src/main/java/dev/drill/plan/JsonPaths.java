package dev.drill.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON paths ({@code expect json "$.items[*].name"}) as the compiler checks them and a run
 * evaluates them: Jayway's JsonPath over Jackson's trees. Jackson parses strictly (text that
 * merely looks like JSON is not JSON) and keeps every number's digits, so {@code equals "4"}
 * compares numbers by value.
 */
public final class JsonPaths {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** Every match as a list, and no match an empty list rather than an exception. */
  private static final Configuration CONFIGURATION = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
      .mappingProvider(new JacksonMappingProvider(MAPPER))
      .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
      .build();

  private JsonPaths() {}

  /** Why the path is not a JSON path, if it is not. */
  public static Optional<String> pathProblem(String path) {
    try {
      JsonPath.compile(path);
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of(reason(e));
    }
  }

  /** Why the text is not one JSON value, if it is not. */
  public static Optional<String> valueProblem(String json) {
    try {
      parse(json);
      return Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.of(problem(e));
    }
  }

  /** Jackson's message without where in its input it was: the input is the user's one string. */
  public static String problem(JsonProcessingException e) {
    return ProblemText.clean(String.valueOf(e.getOriginalMessage())
        .replaceAll(" ?\\(start marker at \\[Source: .*?\\]\\)", ""));
  }

  /**
   * One JSON value.
   *
   * @throws JsonProcessingException when the text is not exactly one JSON value
   */
  public static JsonNode parse(String json) throws JsonProcessingException {
    JsonNode node = MAPPER.readTree(json);
    if (node == null || node.isMissingNode()) {
      throw new JsonProcessingException("no JSON value") {};
    }
    return node;
  }

  /**
   * The values the path finds in the document, in document order.
   *
   * @throws IllegalArgumentException when the path is not a JSON path
   */
  public static List<JsonNode> find(String path, JsonNode document) {
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(path);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(reason(e), e);
    }
    Object found = compiled.read(document, CONFIGURATION);
    List<JsonNode> values = new ArrayList<>();
    if (found instanceof JsonNode node && node.isArray()) {
      node.forEach(values::add);
    }
    return values;
  }

  /** The values an {@code equals} text stands for: an array's elements, else the one value. */
  public static List<JsonNode> expectedValues(JsonNode expected) {
    List<JsonNode> values = new ArrayList<>();
    if (expected.isArray()) {
      expected.forEach(values::add);
    } else {
      values.add(expected);
    }
    return values;
  }

  /** Equal JSON values; numbers by value, so {@code 4} equals {@code 4.0}. */
  public static boolean same(List<JsonNode> found, List<JsonNode> expected) {
    if (found.size() != expected.size()) {
      return false;
    }
    for (int i = 0; i < found.size(); i++) {
      if (!found.get(i).equals(JsonPaths::compare, expected.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Compact JSON text of values, for details: {@code ["hello", 4]}. */
  public static String text(List<JsonNode> values) {
    return MAPPER.createArrayNode().addAll(values).toString();
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  /** JsonPath's own message for what it names; its parser fails on some truncated paths without one. */
  private static String reason(RuntimeException e) {
    if (e instanceof InvalidPathException && e.getMessage() != null && !e.getMessage().startsWith("java.")) {
      return ProblemText.clean(e.getMessage());
    }
    return "it ends before it is complete";
  }
}
