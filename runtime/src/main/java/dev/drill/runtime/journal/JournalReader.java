package dev.drill.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a journal back, forgiving what a crash or a second writer can leave: a last line
 * cut short (the runner killed mid-write), blank lines, lines of {@code drill note} in
 * between. A line that is not an event is skipped and reported, never fatal.
 *
 * <p>Fact values come back as {@code String}, {@code Boolean}, {@code Long} (or
 * {@code BigInteger}), {@code BigDecimal}, unmodifiable {@code List} and {@code Map};
 * the {@code plan} fact of {@code run-started} stays a {@link JsonNode}.
 */
public final class JournalReader {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  /**
   * A journal is some kilobytes an event, each command's output cut to its head: one larger
   * than this is not a journal, and read whole it could fill the heap.
   */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private JournalReader() {}

  /** @throws IOException also when the file is larger than a journal can be */
  public static JournalContents read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(file);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }

  private static IOException tooLarge(Path file) {
    return new IOException(file + " is larger than a journal can be (" + MAX_BYTES / (1024 * 1024) + " MiB)");
  }

  /** The journal in {@code text}: lines end in {@code \n}; a last line without one may be cut short. */
  static JournalContents parse(String text) {
    List<JournalEvent> events = new ArrayList<>();
    List<JournalContents.Unreadable> unreadable = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (line.isBlank()) {
        continue;
      }
      boolean unterminated = i == lines.length - 1;
      try {
        events.add(event(line));
      } catch (NotAnEvent e) {
        unreadable.add(new JournalContents.Unreadable(i + 1, unterminated && e.notJson
            ? "cut short: the writer stopped in the middle of it" : e.getMessage()));
      }
    }
    return new JournalContents(events, unreadable);
  }

  /**
   * The first event of a journal, read without reading the rest.
   *
   * @throws JournalFormatException when the first line is not an event
   */
  static Optional<JournalEvent> first(Path file) throws IOException, JournalFormatException {
    if (Files.size(file) > MAX_BYTES) {
      throw tooLarge(file);
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          try {
            return Optional.of(event(line));
          } catch (NotAnEvent e) {
            throw new JournalFormatException("the first line of " + file + " is not a journal event: " + e.getMessage());
          }
        }
      }
      return Optional.empty();
    }
  }

  private static JournalEvent event(String line) throws NotAnEvent {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new NotAnEvent("not JSON: " + e.getOriginalMessage(), true);
    }
    if (tree == null || !tree.isObject()) {
      throw new NotAnEvent("not a JSON object", false);
    }
    JsonNode at = tree.get("at");
    JsonNode name = tree.get("event");
    if (at == null || !at.isTextual()) {
      throw new NotAnEvent("no \"at\" time", false);
    }
    if (name == null || !name.isTextual() || name.textValue().isBlank()) {
      throw new NotAnEvent("no \"event\" name", false);
    }
    Instant instant;
    try {
      instant = Instant.parse(at.textValue());
    } catch (DateTimeParseException e) {
      throw new NotAnEvent("\"at\" is not an ISO-8601 instant: '" + at.textValue() + "'", false);
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equals("at") || key.equals("event") || value.isNull()) {
        continue;
      }
      facts.put(key, key.equals("plan") && value.isObject() ? value : value(value));
    }
    return new JournalEvent(instant, name.textValue(), facts);
  }

  private static Object value(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(element -> {
        if (!element.isNull()) {
          list.add(value(element));
        }
      });
      return Collections.unmodifiableList(list);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().isNull()) {
        map.put(field.getKey(), value(field.getValue()));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static final class NotAnEvent extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean notJson;

    NotAnEvent(String message, boolean notJson) {
      super(message, null, false, false);
      this.notJson = notJson;
    }
  }
}
