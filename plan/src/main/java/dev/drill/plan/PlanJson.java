package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * Reads and writes plans as JSON. Output is byte-identical for equal plans: properties in
 * declaration order, two-space indentation, {@code "key": value}, {@code \n} line ends, a final newline, absent
 * optionals left out, durations as ISO-8601 ({@code PT5M}).
 */
public final class PlanJson {

  /** Classpath resource of the plan's JSON Schema (draft 2020-12), for consumers and tests. */
  public static final String SCHEMA_RESOURCE = "/dev/drill/plan/plan.schema.json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
          // A hand-edited plan must not pass for another: no second document, no repeated key.
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // Expectation values are BigDecimals: keep every digit and the scale ("1.50") when
          // reading through a tree, so that read(write(plan)) equals the plan.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .build();

  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withArrayEmptySeparator("")
                      .withObjectEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private PlanJson() {}

  public static String write(Plan plan) {
    try {
      return WRITER.writeValueAsString(plan) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a plan, refusing any version but {@link Plan#CURRENT_VERSION}. */
  public static Plan read(String json) throws PlanFormatException {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("not valid JSON: " + PlanJsonProblem.syntax(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new PlanFormatException("not a drill plan: expected a JSON object");
    }
    JsonNode version = tree.get("planVersion");
    if (version == null || !version.isInt()) {
      throw new PlanFormatException("not a drill plan: no \"planVersion\"");
    }
    if (version.intValue() != Plan.CURRENT_VERSION) {
      throw new PlanFormatException(
          "plan version " + version.intValue() + " is not supported by this drill (it reads version "
              + Plan.CURRENT_VERSION + "); recompile the drill with this version");
    }
    try {
      return MAPPER.treeToValue(tree, Plan.class);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("not a valid drill plan: " + PlanJsonProblem.of(e), e);
    }
  }

  /** The configured mapper, shared with {@link RunResultJson} so both files follow one set of conventions. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The pretty-printing writer of plans: drill's one JSON style (two spaces, {@code "key":
   * value}, {@code []}), shared with run results and the JSON reports of drill check.
   */
  public static ObjectWriter writer() {
    return WRITER;
  }
}
