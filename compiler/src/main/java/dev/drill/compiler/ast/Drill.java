package dev.drill.compiler.ast;

import dev.drill.plan.DrillKind;
import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One drill, its items in source order (the checks report duplicates and missing parts). */
public record Drill(SourceSpan span, Name name, List<DrillItem> items) {

  public Drill {
    items = List.copyOf(items);
  }

  public <T extends DrillItem> List<T> all(Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  /** The first item of a type; later ones are duplicates the checks report. */
  public <T extends DrillItem> Optional<T> first(Class<T> type) {
    return items.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The declared kind; technical when none is declared or the keyword is unknown (a check reports it). */
  public DrillKind kind() {
    return attribute(Attribute.Key.KIND)
        .map(a -> ((NameValue) a.value()).value())
        .flatMap(DrillKind::fromKeyword)
        .orElse(DrillKind.TECHNICAL);
  }

  public Optional<Attribute> attribute(Attribute.Key key) {
    return all(Attribute.class).stream().filter(a -> a.key() == key).findFirst();
  }
}
