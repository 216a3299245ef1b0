package dev.drill.ctk.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON or YAML document into {@link Node}s that know where they were written. The
 * format follows the file name ({@code .yaml}, {@code .yml} are YAML, anything else JSON),
 * as Chaos Toolkit decides it. Jackson's streaming parsers give every token its position,
 * which a tree of {@code JsonNode}s would lose.
 */
public final class DocumentReader {

  /** Deeper nesting than any experiment needs: a hostile file must not exhaust the stack. */
  private static final int MAX_DEPTH = 200;

  /** Why a document could not be read, and where. */
  public static final class Malformed extends Exception {
    private final Node.Position at;

    Malformed(String message, Node.Position at) {
      super(message);
      this.at = at;
    }

    public Node.Position at() {
      return at;
    }
  }

  private DocumentReader() {}

  public static boolean isYaml(String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  public static Node read(String text, boolean yaml) throws Malformed {
    JsonFactory factory = yaml ? new YAMLFactory() : new JsonFactory();
    factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new Malformed("the file holds no document", new Node.Position(1, 1));
      }
      Node root = value(parser, 0);
      if (parser.nextToken() != null) {
        throw new Malformed("more than one document in the file", position(parser.currentTokenLocation()));
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new Malformed(describe(e), position(e.getLocation()));
    } catch (IOException e) {
      throw new Malformed(e.getMessage(), new Node.Position(1, 1));
    }
  }

  private static Node value(JsonParser parser, int depth) throws IOException, Malformed {
    Node.Position at = position(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new Malformed("nested more than " + MAX_DEPTH + " levels deep", at);
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Node.Position> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          if (key.indexOf('\0') >= 0) {
            throw new Malformed("a NUL character (\\u0000) in a key", position(parser.currentTokenLocation()));
          }
          Node.Position keyAt = position(parser.currentTokenLocation());
          parser.nextToken();
          // As Python's json and yaml modules do, the last of two equal keys wins.
          entries.remove(key);
          keys.remove(key);
          entries.put(key, value(parser, depth + 1));
          keys.put(key, keyAt);
        }
        return new Node.Mapping(entries, keys, at);
      }
      case START_ARRAY: {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser, depth + 1));
        }
        return new Node.Sequence(items, at);
      }
      case VALUE_STRING:
        if (parser.getText().indexOf('\0') >= 0) {
          // drill refuses NUL in every text (D013): no drill could hold this value.
          throw new Malformed("a NUL character (\\u0000) in a string", at);
        }
        return new Node.Text(parser.getText(), at);
      case VALUE_NUMBER_INT:
        return new Node.Number(new BigDecimal(parser.getBigIntegerValue()), true, at);
      case VALUE_NUMBER_FLOAT:
        return number(parser, at);
      case VALUE_TRUE:
        return new Node.Bool(true, at);
      case VALUE_FALSE:
        return new Node.Bool(false, at);
      case VALUE_NULL:
        return new Node.Null(at);
      default:
        // An embedded object (a YAML binary): no experiment holds one.
        throw new Malformed("a value of a kind experiments do not hold (" + token + ")", at);
    }
  }

  private static Node number(JsonParser parser, Node.Position at) throws IOException, Malformed {
    try {
      return new Node.Number(parser.getDecimalValue(), false, at);
    } catch (NumberFormatException e) {
      // NaN and infinities (YAML's .nan, .inf) are not numbers a tolerance or a timeout can hold.
      throw new Malformed("'" + parser.getText() + "' is not a finite number", at);
    }
  }

  private static Node.Position position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return new Node.Position(1, 1);
    }
    return new Node.Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** Jackson's message without the location and source excerpt it appends (drill shows its own). */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      return "not valid JSON or YAML";
    }
    int excerpt = message.indexOf("\n at [Source");
    message = excerpt < 0 ? message : message.substring(0, excerpt);
    return message.lines().findFirst().orElse(message).strip();
  }
}
