package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The plan's records are written as {@link PlanShapes} lists them, by hand: a component added
 * to a record must be added there too, or it would be missing from every plan file and
 * fingerprint. Databind ({@code PlanJsonProperties}) checks the bytes; this checks that no
 * record and no component is forgotten, whatever the generated plans happen to hold.
 */
class PlanShapesTest {

  @Test
  void everyRecordOfAPlanHasAShape() {
    Set<Class<?>> shaped = new HashSet<>();
    PlanShapes.all().forEach(shape -> shaped.add(shape.type()));
    List<Class<?>> missing = recordsOfAPlan().stream()
        .filter(type -> !shaped.contains(type))
        .collect(Collectors.toList());
    assertEquals(List.of(), missing);
  }

  @Test
  void everyShapeWritesEachComponentOfItsRecordInDeclarationOrder() {
    for (PlanShapes.Shape shape : PlanShapes.all()) {
      List<String> components = Arrays.stream(shape.type().getRecordComponents())
          .map(RecordComponent::getName).collect(Collectors.toList());
      List<String> names = shape.file().stream().map(p -> p.name()).collect(Collectors.toList());
      // A name that is no component is the variant's type id ("type", "phase", "op"): first.
      List<String> typeIds = names.stream().filter(n -> !components.contains(n)).collect(Collectors.toList());
      assertTrue(typeIds.size() <= 1 && names.indexOf(typeIds.stream().findFirst().orElse(names.get(0))) == 0,
          shape.type() + ": " + names);
      assertEquals(components, names.subList(typeIds.size(), names.size()), shape.type().getName());
    }
  }

  /** Every record type a plan can hold, following the components' declared types and the sealed interfaces' variants. */
  private static Set<Class<?>> recordsOfAPlan() {
    Set<Class<?>> records = new HashSet<>();
    Deque<Type> todo = new ArrayDeque<>(List.of(Plan.class));
    while (!todo.isEmpty()) {
      Type type = todo.pop();
      if (type instanceof ParameterizedType parameterized) {
        todo.addAll(Arrays.asList(parameterized.getActualTypeArguments()));
      } else if (type instanceof Class<?> c && c.isSealed()) {
        todo.addAll(Arrays.asList(c.getPermittedSubclasses()));
      } else if (type instanceof Class<?> c && c.isRecord() && c != SourceSpan.class && records.add(c)) {
        for (RecordComponent component : c.getRecordComponents()) {
          todo.add(component.getGenericType());
        }
      }
    }
    return records;
  }
}
