package dev.drill.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The hashed form as drill wrote it through jackson-core's generator until
 * {@link CanonicalJson} encoded it by hand: the reference every fingerprint is held to, since
 * guides and run results in users' repositories carry fingerprints of this text.
 */
final class GeneratorCanonicalJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private GeneratorCanonicalJson() {}

  static byte[] write(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      value(value, json);
    }
    return out.toByteArray();
  }

  private static void value(Object value, JsonGenerator json) throws IOException {
    if (value instanceof String string) {
      json.writeString(string);
    } else if (value instanceof SourceSpan span) {
      json.writeString(span.toString());
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        value(element, json);
      }
      json.writeEndArray();
    } else if (value instanceof Duration duration) {
      json.writeString(duration.toString());
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Integer integer) {
      json.writeNumber(integer);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof DrillKind kind) {
      json.writeString(kind.keyword());
    } else if (value instanceof Phase.DetectMode mode) {
      json.writeString(mode.keyword());
    } else if (value instanceof Comparator comparator) {
      json.writeString(comparator.symbol());
    } else {
      object(PlanShapes.of(value), value, json);
    }
  }

  private static void object(PlanShapes.Shape shape, Object record, JsonGenerator json) throws IOException {
    Object[] values = shape.values(record);
    json.writeStartObject();
    for (PlanShapes.Property property : shape.canonical()) {
      Object component = values[property.index()];
      if (component instanceof Optional<?> optional) {
        component = optional.orElse(null);
      }
      if (component != null) {
        json.writeFieldName(property.name());
        value(component, json);
      }
    }
    json.writeEndObject();
  }
}
