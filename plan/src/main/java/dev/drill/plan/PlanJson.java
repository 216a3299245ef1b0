package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;

/**
 * Reads and writes plans as JSON. Output is byte-identical for equal plans: properties in
 * declaration order, two-space indentation, {@code "key": value}, {@code \n} line ends, a final newline, absent
 * optionals left out, durations as ISO-8601 ({@code PT5M}).
 */
public final class PlanJson {

  /** Classpath resource of the plan's JSON Schema (draft 2020-12), for consumers and tests. */
  public static final String SCHEMA_RESOURCE = "/dev/drill/plan/plan.schema.json";

  /**
   * drill's one JSON style: two spaces, {@code "key": value}, {@code []} and {@code {}} for
   * empty ones, {@code \n} line ends.
   */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * Databind, for reading plans and for the other files written in the same style; in a
   * holder, so that a command that only writes plans never starts it (its start-up is a good
   * part of a cold {@code drill compile}).
   */
  private static final class Databind {
    static final ObjectMapper MAPPER =
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

    static final ObjectWriter WRITER = MAPPER.writer(PRETTY);
  }

  private PlanJson() {}

  public static String write(Plan plan) {
    return RecordJson.file(plan);
  }

  /**
   * A streaming generator in drill's one JSON style, for documents written without databind:
   * its start-up would be a sixth of a library's {@code drill check --format json}, paid after
   * the checking threads are done.
   */
  public static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator json = FACTORY.createGenerator(out);
    json.setPrettyPrinter(PRETTY.createInstance());
    return json;
  }

  /** Reads a plan, refusing any version but {@link Plan#CURRENT_VERSION}. */
  public static Plan read(String json) throws PlanFormatException {
    JsonNode tree;
    try {
      tree = Databind.MAPPER.readTree(json);
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
      return Databind.MAPPER.treeToValue(tree, Plan.class);
    } catch (JsonProcessingException e) {
      throw new PlanFormatException("not a valid drill plan: " + PlanJsonProblem.of(e), e);
    }
  }

  /** The configured mapper, shared with {@link RunResultJson} so both files follow one set of conventions. */
  static ObjectMapper mapper() {
    return Databind.MAPPER;
  }

  /**
   * The pretty-printing writer of plans: drill's one JSON style (two spaces, {@code "key":
   * value}, {@code []}), shared with run results and the other files written through databind.
   */
  public static ObjectWriter writer() {
    return Databind.WRITER;
  }
}
