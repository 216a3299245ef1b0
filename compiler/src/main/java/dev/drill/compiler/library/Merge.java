package dev.drill.compiler.library;

import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The derived side's items merged over a template's (docs/language.md, "Reuse"):
 * <ul>
 *   <li>single metadata: the derived value wins; {@code tags}: union, the template's first;
 *   <li>params, secrets, roles: union, the derived side's replacing a template's of the same name;
 *   <li>checks, injects, signals, steps: the template's first, then the derived side's; one
 *       with the same id replaces the template's in place;
 *   <li>comms duties (identified by kind and audience), abort conditions, debrief questions
 *       (identical ones once): the template's first, then the derived side's;
 *   <li>{@code detect} and {@code recover} headers: the derived side's when it has the block;
 *   <li>setup: the template's actions, then the derived side's; teardown: the derived side's,
 *       then the template's (undone in the reverse order of what was set up).
 * </ul>
 * Only a side's first block of a kind is merged: a second one is passed on as written, so
 * the checks report it as they would in a drill written out by hand.
 */
final class Merge {

  private final List<DrillItem> template;
  private final List<DrillItem> derived;
  private final List<DrillItem> merged = new ArrayList<>();

  private Merge(List<DrillItem> template, List<DrillItem> derived) {
    this.template = template;
    this.derived = derived;
  }

  static List<DrillItem> of(List<DrillItem> template, List<DrillItem> derived) {
    return new Merge(template, derived).merge();
  }

  private List<DrillItem> merge() {
    attributes();
    declarations(DrillItem.ParamDecl.class, p -> p.name().value());
    declarations(DrillItem.SecretDecl.class, s -> s.name().value());
    block(DrillItem.RolesBlock.class, (t, d) -> new DrillItem.RolesBlock(d.span(),
        byId(t.roles(), d.roles(), r -> r.name().value())));
    block(DrillItem.SetupBlock.class, (t, d) -> new DrillItem.SetupBlock(d.span(), concat(t.actions(), d.actions())));
    block(DrillItem.TeardownBlock.class, (t, d) ->
        new DrillItem.TeardownBlock(d.span(), concat(d.actions(), t.actions())));
    block(DrillItem.SteadyBlock.class, (t, d) -> new DrillItem.SteadyBlock(d.span(),
        byId(t.checks(), d.checks(), c -> c.id().value())));
    declarations(DrillItem.InjectBlock.class, i -> i.id().value());
    block(DrillItem.DetectBlock.class, (t, d) -> new DrillItem.DetectBlock(d.span(), d.mode(), d.within(),
        byId(t.signals(), d.signals(), s -> s.id().value())));
    block(DrillItem.RecoverBlock.class, (t, d) -> new DrillItem.RecoverBlock(d.span(),
        d.within().or(t::within), byId(t.steps(), d.steps(), Step::id, Name::value)));
    block(DrillItem.CommsBlock.class, (t, d) -> new DrillItem.CommsBlock(d.span(),
        byId(t.duties(), d.duties(), Merge::dutyIdentity)));
    block(DrillItem.AbortBlock.class, (t, d) -> new DrillItem.AbortBlock(d.span(),
        concat(t.conditions(), d.conditions())));
    block(DrillItem.DebriefBlock.class, (t, d) -> new DrillItem.DebriefBlock(d.span(),
        byId(t.questions(), d.questions(), q -> q.question().literal())));
    return merged;
  }

  private void attributes() {
    List<Attribute> own = only(derived, Attribute.class);
    Optional<TextList> templateTags = Optional.empty();
    for (Attribute attribute : only(template, Attribute.class)) {
      if (own.stream().noneMatch(a -> a.key() == attribute.key())) {
        merged.add(attribute);
      } else if (attribute.key() == Attribute.Key.TAGS && attribute.value() instanceof TextList tags
          && templateTags.isEmpty()) {
        templateTags = Optional.of(tags);
      }
    }
    for (Attribute attribute : own) {
      if (templateTags.isPresent() && attribute.key() == Attribute.Key.TAGS
          && attribute.value() instanceof TextList more) {
        List<Text> union = byId(templateTags.get().texts(), more.texts(), Text::literal);
        merged.add(new Attribute(attribute.span(), Attribute.Key.TAGS, new TextList(more.span(), union)));
        templateTags = Optional.empty();
      } else {
        merged.add(attribute);
      }
    }
  }

  /** Items that stand alone (params, secrets, injects): by name, the derived one in the template's place. */
  private <T extends DrillItem> void declarations(Class<T> type, Function<T, String> id) {
    merged.addAll(byId(only(template, type), only(derived, type), id));
  }

  private interface Combine<T> {
    T apply(T template, T derived);
  }

  private <T extends DrillItem> void block(Class<T> type, Combine<T> combine) {
    List<T> fromTemplate = only(template, type);
    List<T> own = only(derived, type);
    if (fromTemplate.isEmpty() || own.isEmpty()) {
      merged.addAll(fromTemplate);
      merged.addAll(own);
      return;
    }
    merged.add(combine.apply(fromTemplate.get(0), own.get(0)));
    merged.addAll(fromTemplate.subList(1, fromTemplate.size()));
    merged.addAll(own.subList(1, own.size()));
  }

  private static String dutyIdentity(DrillItem.CommsDuty duty) {
    String kind = duty instanceof DrillItem.Update ? "update" : "notify";
    return kind + " " + duty.audience().literal();
  }

  /** The template's, each replaced in place by a derived one of the same id, then the derived side's new ones. */
  static <T> List<T> byId(List<T> template, List<T> derived, Function<T, String> id) {
    Map<String, T> own = new LinkedHashMap<>();
    List<T> unnamedDuplicates = new ArrayList<>();
    for (T item : derived) {
      // A second one of an id on the same side is passed on: the checks report the duplicate.
      if (own.putIfAbsent(id.apply(item), item) != null) {
        unnamedDuplicates.add(item);
      }
    }
    List<T> result = new ArrayList<>();
    for (T item : template) {
      T replacement = own.remove(id.apply(item));
      result.add(replacement == null ? item : replacement);
    }
    result.addAll(own.values());
    result.addAll(unnamedDuplicates);
    return result;
  }

  private static <T, K> List<T> byId(List<T> template, List<T> derived, Function<T, K> key, Function<K, String> id) {
    return byId(template, derived, key.andThen(id));
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static <T extends DrillItem> List<T> only(List<DrillItem> items, Class<T> type) {
    List<T> found = new ArrayList<>();
    for (DrillItem item : items) {
      if (type.isInstance(item)) {
        found.add(type.cast(item));
      }
    }
    return found;
  }
}
