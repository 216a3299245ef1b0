package dev.drill.compiler.ast;

import dev.drill.plan.DrillKind;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One drill, its items in source order (the checks report duplicates and missing parts).
 * A drill built from a template names it in {@code from}; once expanded, its items are the
 * template's merged with its own.
 */
public record Drill(SourceSpan span, Name name, Optional<TemplateCall> from, List<DrillItem> items) {

  public Drill {
    items = List.copyOf(items);
  }

  public Drill(SourceSpan span, Name name, List<DrillItem> items) {
    this(span, name, Optional.empty(), items);
  }

  // Plain loops in these look-ups: every pass of the compiler asks them for every drill.
  public <T extends DrillItem> List<T> all(Class<T> type) {
    List<T> all = new ArrayList<>();
    for (DrillItem item : items) {
      if (type.isInstance(item)) {
        all.add(type.cast(item));
      }
    }
    return all;
  }

  /** The first item of a type; later ones are duplicates the checks report. */
  public <T extends DrillItem> Optional<T> first(Class<T> type) {
    for (DrillItem item : items) {
      if (type.isInstance(item)) {
        return Optional.of(type.cast(item));
      }
    }
    return Optional.empty();
  }

  /** The declared kind; technical when none is declared or the keyword is unknown (a check reports it). */
  public DrillKind kind() {
    Optional<NameValue> kind = nameValue(Attribute.Key.KIND);
    return kind.isPresent()
        ? DrillKind.fromKeyword(kind.get().value()).orElse(DrillKind.TECHNICAL)
        : DrillKind.TECHNICAL;
  }

  /** The first attribute with this key; later ones are duplicates the checks report. */
  public Optional<Attribute> attribute(Attribute.Key key) {
    for (DrillItem item : items) {
      if (item instanceof Attribute attribute && attribute.key() == key) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** The attribute's value when it is a text ({@code title "..."}). */
  public Optional<Text> text(Attribute.Key key) {
    return attribute(key).flatMap(a -> a.value() instanceof Text text ? Optional.of(text) : Optional.empty());
  }

  /** The attribute's value when it is a list of texts ({@code tags "a", "b"}). */
  public Optional<TextList> textList(Attribute.Key key) {
    return attribute(key).flatMap(a -> a.value() instanceof TextList texts ? Optional.of(texts) : Optional.empty());
  }

  /** The attribute's value when it is a name ({@code kind ics}). */
  public Optional<NameValue> nameValue(Attribute.Key key) {
    return attribute(key).flatMap(a -> a.value() instanceof NameValue name ? Optional.of(name) : Optional.empty());
  }

  /** The attribute's value when it is a duration ({@code timebox 90m}). */
  public Optional<DurationValue> duration(Attribute.Key key) {
    return attribute(key).flatMap(a -> a.value() instanceof DurationValue duration
        ? Optional.of(duration) : Optional.empty());
  }
}
