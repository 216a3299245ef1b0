package dev.drill.ctk.importing;

import dev.drill.ctk.document.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A value written back as JSON, the way Python's {@code json.dumps} writes it ({@code {"a": 1}}). */
final class Json {

  private Json() {}

  static String compact(Node value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Node value, StringBuilder out) {
    if (value instanceof Node.Text text) {
      string(text.value(), out);
    } else if (value instanceof Node.Number number) {
      out.append(Python.repr(number));
    } else if (value instanceof Node.Bool bool) {
      out.append(bool.value());
    } else if (value instanceof Node.Null) {
      out.append("null");
    } else if (value instanceof Node.Sequence sequence) {
      out.append('[');
      List<Node> items = sequence.items();
      for (int i = 0; i < items.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        write(items.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Node.Mapping mapping) {
      out.append('{');
      List<String> keys = new ArrayList<>(mapping.entries().keySet());
      for (int i = 0; i < keys.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        string(keys.get(i), out);
        out.append(": ");
        write(mapping.entries().get(keys.get(i)), out);
      }
      out.append('}');
    }
  }

  static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  static Map<String, Node> entries(Node value) {
    return value instanceof Node.Mapping mapping ? mapping.entries() : Map.of();
  }
}
