package dev.drill.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Writes the plan's records as the plan file's JSON straight through jackson-core's generator:
 * properties in declaration order, everything. Each record is written as its
 * {@link PlanShapes shape} says; the enums and spans as the text databind writes for them;
 * empty optionals and nulls are left out. (The hashed form is {@link CanonicalJson}'s.)
 */
final class RecordJson {

  private RecordJson() {}

  static void value(Object value, JsonGenerator json) throws IOException {
    if (value instanceof String string) {
      json.writeString(string);
    } else if (value instanceof SourceSpan span) {
      json.writeString(span.toString());
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      // By index: the plan's lists are List.copyOf's, and an iterator per list is garbage.
      for (int i = 0; i < list.size(); i++) {
        value(list.get(i), json);
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
    List<PlanShapes.Property> properties = shape.file();
    json.writeStartObject();
    for (int i = 0; i < properties.size(); i++) {
      PlanShapes.Property property = properties.get(i);
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
