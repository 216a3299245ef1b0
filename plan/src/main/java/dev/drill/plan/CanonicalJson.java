package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
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
 * The text of a plan (or a part of one) that its fingerprint hashes: the plan's JSON as
 * {@link PlanJson} writes it, compact, with every object's keys sorted, and without source
 * positions, the drill's directory and origin (places, not the procedure) or the fingerprint
 * itself.
 *
 * <p>Written straight from the records with jackson-core's generator (so strings and
 * numbers come out exactly as in the plan file). Going through databind instead (a tree,
 * then sorted output) costs a fifth of a cold {@code drill check} in databind's start-up
 * alone, and three passes over every plan. The plan model follows databind's conventions
 * that matter here: record components are properties, empty optionals are left out, a
 * sealed variant carries its {@link JsonTypeName} under its interface's
 * {@link JsonTypeInfo} property, an enum is written by its {@link JsonValue} method, a boolean
 * marked {@code NON_DEFAULT} is left out when false.
 */
final class CanonicalJson {

  private static final Set<String> LEFT_OUT = Set.of("source", "directory", "origin", "fingerprint");
  private static final JsonFactory FACTORY = new JsonFactory();

  private static final ClassValue<List<Property>> RECORD_PROPERTIES = new ClassValue<>() {
    @Override
    protected List<Property> computeValue(Class<?> type) {
      return properties(type);
    }
  };

  private static final ClassValue<Optional<Method>> ENUM_VALUE = new ClassValue<>() {
    @Override
    protected Optional<Method> computeValue(Class<?> type) {
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(JsonValue.class)) {
          return Optional.of(method);
        }
      }
      return Optional.empty();
    }
  };

  private CanonicalJson() {}

  /** A key of a record's object: a component, or the fixed type id of a sealed variant. */
  private record Property(String name, Optional<Method> accessor, Optional<String> typeId, boolean leftOutWhenFalse) {}

  static void write(Object value, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      value(value, json);
    }
  }

  private static void value(Object value, JsonGenerator json) throws IOException {
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
    } else if (value instanceof Enum<?> constant) {
      json.writeString(enumValue(constant));
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        value(element, json);
      }
      json.writeEndArray();
    } else if (value instanceof Record object) {
      record(object, json);
    } else {
      throw new IllegalArgumentException("a plan holds no " + value.getClass().getName());
    }
  }

  private static void record(Record value, JsonGenerator json) throws IOException {
    json.writeStartObject();
    for (Property property : RECORD_PROPERTIES.get(value.getClass())) {
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

  private static List<Property> properties(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (!LEFT_OUT.contains(component.getName())) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        JsonInclude include = accessor.getAnnotation(JsonInclude.class);
        boolean leftOutWhenFalse = include != null && include.value() == JsonInclude.Include.NON_DEFAULT;
        properties.add(new Property(component.getName(), Optional.of(accessor), Optional.empty(), leftOutWhenFalse));
      }
    }
    JsonTypeName typeName = type.getAnnotation(JsonTypeName.class);
    if (typeName != null) {
      for (Class<?> sealedParent : type.getInterfaces()) {
        JsonTypeInfo typeInfo = sealedParent.getAnnotation(JsonTypeInfo.class);
        if (typeInfo != null) {
          properties.add(new Property(typeInfo.property(), Optional.empty(), Optional.of(typeName.value()), false));
        }
      }
    }
    properties.sort(Comparator.comparing(Property::name));
    return List.copyOf(properties);
  }

  private static String enumValue(Enum<?> value) {
    Optional<Method> method = ENUM_VALUE.get(value.getDeclaringClass());
    return method.isPresent() ? String.valueOf(invoke(method.get(), value)) : value.name();
  }

  private static Object invoke(Method accessor, Object target) {
    try {
      return accessor.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + accessor + " of a plan", e);
    }
  }
}
