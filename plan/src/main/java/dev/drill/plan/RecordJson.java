package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the plan's records as JSON straight through jackson-core's generator, in one of two
 * forms: the plan file's ({@link #FILE}: properties in declaration order, everything) and the
 * hashed one ({@link #CANONICAL}: keys sorted, places left out, see {@link CanonicalJson}).
 *
 * <p>Databind wrote the plan file before; it costs a tenth of a {@code drill compile} in
 * serializer look-ups, and more than that again in its start-up on a cold JVM. The plan model
 * follows databind's conventions that matter here, and this class follows them too (databind
 * stays the reference in the tests): record components are properties, in declaration order;
 * empty optionals and nulls are left out; a sealed variant carries its {@link JsonTypeName}
 * under its interface's {@link JsonTypeInfo} property, first (or, for an existing property,
 * through the method annotated {@link JsonProperty}); {@link JsonPropertyOrder} names come
 * first; a type with a {@link JsonValue} method is written as that value; a boolean marked
 * {@code NON_DEFAULT} is left out when false.
 */
final class RecordJson {

  /** The plan file's form. */
  static final RecordJson FILE = new RecordJson(Set.of(), false);

  /** The hashed form: sorted keys, without places (source positions, the drill's directory and origin) or the fingerprint. */
  static final RecordJson CANONICAL = new RecordJson(Set.of("source", "directory", "origin", "fingerprint"), true);

  /** How a type is written: as the value of its {@link JsonValue} method, or as an object of properties. */
  private record Shape(Optional<Method> jsonValue, List<Property> properties) {}

  /** A key of a record's object: a component or an annotated method, or the fixed type id of a sealed variant. */
  private record Property(String name, Optional<Method> accessor, Optional<String> typeId, boolean leftOutWhenFalse) {}

  private final Set<String> leftOut;
  private final boolean sorted;
  private final ClassValue<Shape> shapes = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> type) {
      return shape(type);
    }
  };

  private RecordJson(Set<String> leftOut, boolean sorted) {
    this.leftOut = leftOut;
    this.sorted = sorted;
  }

  void value(Object value, JsonGenerator json) throws IOException {
    if (value instanceof String string) {
      json.writeString(string);
    } else if (value instanceof Integer integer) {
      json.writeNumber(integer);
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (value instanceof Duration duration) {
      json.writeString(duration.toString());
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        value(element, json);
      }
      json.writeEndArray();
    } else if (value instanceof Enum<?> || value instanceof Record) {
      Shape shape = shapes.get(value.getClass());
      if (shape.jsonValue().isPresent()) {
        value(invoke(shape.jsonValue().get(), value), json);
      } else if (value instanceof Enum<?> constant) {
        json.writeString(constant.name());
      } else {
        object(value, shape.properties(), json);
      }
    } else {
      throw new IllegalArgumentException("a plan holds no " + value.getClass().getName());
    }
  }

  private void object(Object value, List<Property> properties, JsonGenerator json) throws IOException {
    json.writeStartObject();
    for (Property property : properties) {
      if (property.typeId().isPresent()) {
        json.writeStringField(property.name(), property.typeId().get());
        continue;
      }
      Object component = invoke(property.accessor().get(), value);
      if (component instanceof Optional<?> optional) {
        component = optional.orElse(null);
      }
      if (component != null && !(Boolean.FALSE.equals(component) && property.leftOutWhenFalse())) {
        json.writeFieldName(property.name());
        value(component, json);
      }
    }
    json.writeEndObject();
  }

  private Shape shape(Class<?> type) {
    for (Method method : type.getMethods()) {
      if (method.isAnnotationPresent(JsonValue.class)) {
        method.setAccessible(true);
        return new Shape(Optional.of(method), List.of());
      }
    }
    if (!type.isRecord()) {
      return new Shape(Optional.empty(), List.of());
    }
    List<Property> properties = new ArrayList<>();
    typeId(type).ifPresent(properties::add);
    for (Method method : type.getDeclaredMethods()) {
      JsonProperty named = method.getAnnotation(JsonProperty.class);
      if (named != null && method.getParameterCount() == 0 && !leftOut.contains(named.value())
          && properties.stream().noneMatch(p -> p.name().equals(named.value()))) {
        method.setAccessible(true);
        properties.add(new Property(named.value(), Optional.of(method), Optional.empty(), false));
      }
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (!leftOut.contains(component.getName())) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        JsonInclude include = accessor.getAnnotation(JsonInclude.class);
        boolean leftOutWhenFalse = include != null && include.value() == JsonInclude.Include.NON_DEFAULT;
        properties.add(new Property(component.getName(), Optional.of(accessor), Optional.empty(), leftOutWhenFalse));
      }
    }
    if (sorted) {
      properties.sort(Comparator.comparing(Property::name));
    } else {
      JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
      if (order != null) {
        List<String> first = List.of(order.value());
        properties.sort(Comparator.comparingInt(p -> first.contains(p.name()) ? first.indexOf(p.name()) : first.size()));
      }
    }
    return new Shape(Optional.empty(), List.copyOf(properties));
  }

  /**
   * The type id a sealed variant carries as a property of its own. One the variant already
   * has as a property ({@code EXISTING_PROPERTY}) is written by that property in the file's
   * form, and by its name here in the hashed form, as before.
   */
  private Optional<Property> typeId(Class<?> type) {
    JsonTypeName typeName = type.getAnnotation(JsonTypeName.class);
    if (typeName == null) {
      return Optional.empty();
    }
    for (Class<?> sealedParent : type.getInterfaces()) {
      JsonTypeInfo typeInfo = sealedParent.getAnnotation(JsonTypeInfo.class);
      if (typeInfo != null && (sorted || typeInfo.include() != JsonTypeInfo.As.EXISTING_PROPERTY)) {
        return Optional.of(new Property(typeInfo.property(), Optional.empty(), Optional.of(typeName.value()), false));
      }
    }
    return Optional.empty();
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor + " of a plan", e);
    }
  }
}
