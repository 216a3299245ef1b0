package dev.drill.lsp;

import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.ast.TemplateCall;
import dev.drill.compiler.ast.Text;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every name one can go to in a document and the files it imports: where roles, steps,
 * params and templates are declared, and every place that uses them. A name used in a drill
 * or template resolves there first, then in the template it is built from, and so on up the
 * chain: a drill's {@code by operator} may name a role its template declares.
 */
final class Names {

  enum Kind { ROLE, STEP, PARAM, TEMPLATE }

  /** A drill or template: the names inside it resolve in it, then in the template it is built from. */
  record Owner(SourceSpan span, String name, Optional<String> from) {}

  /**
   * One name as written. {@code owner} is where it resolves (absent for a template's name, which
   * resolves by name in the whole import graph); {@code description} says what a declaration declares.
   * A {@code local} declaration (a template's parameter) is seen in its template only, not in
   * what is built from it: the expansion has replaced its references.
   */
  record Occurrence(Kind kind, String name, SourceSpan span, boolean declaration, Optional<Owner> owner,
      String description, boolean local) {}

  private final List<Occurrence> occurrences = new ArrayList<>();
  private final Map<String, Template> templates = new LinkedHashMap<>();
  private final Map<String, Owner> templateOwners = new LinkedHashMap<>();

  /** The names of a file and of the files it imports; the file's own templates win a tie of names. */
  static Names of(DrillFile file, Iterable<DrillFile> imported) {
    Names names = new Names();
    List<DrillFile> files = new ArrayList<>(List.of(file));
    imported.forEach(files::add);
    files.forEach(f -> f.templates().forEach(t -> {
      names.templates.putIfAbsent(t.name().value(), t);
      names.templateOwners.putIfAbsent(t.name().value(),
          new Owner(t.span(), t.name().value(), t.from().map(call -> call.template().value())));
    }));
    files.forEach(names::add);
    return names;
  }

  List<Occurrence> all() {
    return occurrences;
  }

  Optional<Template> template(String name) {
    return Optional.ofNullable(templates.get(name));
  }

  Map<String, Template> templates() {
    return templates;
  }

  /** The declaration a name resolves to; a declaration resolves to itself. */
  Optional<Occurrence> declaration(Occurrence occurrence) {
    if (occurrence.declaration()) {
      return Optional.of(occurrence);
    }
    if (occurrence.kind() == Kind.TEMPLATE) {
      return occurrences.stream().filter(o -> o.declaration() && o.kind() == Kind.TEMPLATE
          && o.name().equals(occurrence.name()) && templates.get(o.name()).name().span().equals(o.span())).findFirst();
    }
    Set<Owner> seen = new HashSet<>();
    Optional<Owner> owner = occurrence.owner();
    while (owner.isPresent() && seen.add(owner.get())) {
      Owner in = owner.get();
      boolean inherited = seen.size() > 1;
      Optional<Occurrence> found = occurrences.stream().filter(o -> o.declaration() && o.kind() == occurrence.kind()
          && o.name().equals(occurrence.name()) && o.owner().equals(Optional.of(in)) && !(inherited && o.local()))
          .findFirst();
      if (found.isPresent()) {
        return found;
      }
      owner = in.from().flatMap(name -> Optional.ofNullable(templateOwners.get(name)));
    }
    return Optional.empty();
  }

  /** The declaration and every use that resolves to it. */
  List<Occurrence> references(Occurrence declaration) {
    return occurrences.stream().filter(o -> o.kind() == declaration.kind() && o.name().equals(declaration.name()))
        .filter(o -> declaration(o).equals(Optional.of(declaration))).toList();
  }

  /** The names declared in a drill or template and the templates it is built from: what it may use. */
  List<Occurrence> visible(Owner owner, Kind kind) {
    List<Occurrence> visible = new ArrayList<>();
    Set<Owner> seen = new HashSet<>();
    Optional<Owner> at = Optional.of(owner);
    while (at.isPresent() && seen.add(at.get())) {
      Owner in = at.get();
      boolean inherited = seen.size() > 1;
      occurrences.stream().filter(o -> o.declaration() && o.kind() == kind && o.owner().equals(Optional.of(in))
          && !(inherited && o.local()) && visible.stream().noneMatch(v -> v.name().equals(o.name())))
          .forEach(visible::add);
      at = in.from().flatMap(name -> Optional.ofNullable(templateOwners.get(name)));
    }
    return visible;
  }

  private void add(DrillFile file) {
    for (Template template : file.templates()) {
      Owner owner = new Owner(template.span(), template.name().value(), template.from().map(c -> c.template().value()));
      String signature = "template " + template.name().value() + template.parameters().stream()
          .map(p -> p.name().value() + p.defaultValue().map(d -> " = \"" + d.literal() + "\"").orElse(""))
          .collect(Collectors.joining(", ", "(", ")"))
          + template.from().map(c -> " from " + c.template().value()).orElse("");
      declare(Kind.TEMPLATE, template.name(), Optional.empty(), signature);
      for (Template.Parameter parameter : template.parameters()) {
        occurrences.add(new Occurrence(Kind.PARAM, parameter.name().value(), parameter.name().span(), true,
            Optional.of(owner), "parameter " + parameter.name().value()
            + parameter.defaultValue().map(d -> " = \"" + d.literal() + "\"").orElse("") + " of template "
            + template.name().value(), true));
        parameter.defaultValue().ifPresent(text -> references(text, owner));
      }
      template.from().ifPresent(call -> call(call, owner));
      items(template.items(), owner);
    }
    file.drills().forEach(drill -> {
      Owner owner = new Owner(drill.span(), drill.name().value(), drill.from().map(c -> c.template().value()));
      drill.from().ifPresent(call -> call(call, owner));
      items(drill.items(), owner);
    });
  }

  private void call(TemplateCall call, Owner caller) {
    use(Kind.TEMPLATE, call.template(), Optional.empty());
    Optional<Owner> called = Optional.ofNullable(templateOwners.get(call.template().value()));
    for (TemplateCall.Argument argument : call.arguments()) {
      // An argument names a parameter of the template called, so it resolves there.
      use(Kind.PARAM, argument.name(), called);
      references(argument.value(), caller);
    }
  }

  private void items(List<DrillItem> items, Owner owner) {
    for (DrillItem item : items) {
      if (item instanceof DrillItem.ParamDecl param) {
        declare(Kind.PARAM, param.name(), Optional.of(owner), "param " + param.name().value()
            + param.defaultValue().map(d -> " = \"" + d.literal() + "\"").orElse(""));
      } else if (item instanceof DrillItem.SecretDecl secret) {
        declare(Kind.PARAM, secret.name(), Optional.of(owner),
            "secret " + secret.name().value() + " = env \"" + secret.env().literal() + "\"");
      } else if (item instanceof DrillItem.RolesBlock roles) {
        roles.roles().forEach(role -> declare(Kind.ROLE, role.name(), Optional.of(owner),
            "role " + role.name().value() + role.description().map(d -> " \"" + d.literal() + "\"").orElse("")));
      } else if (item instanceof DrillItem.RecoverBlock recover) {
        for (Step step : recover.steps()) {
          declare(Kind.STEP, step.id(), Optional.of(owner), "step " + step.id().value() + " " + Symbols.stepDetail(step));
          step.role().ifPresent(role -> use(Kind.ROLE, role, Optional.of(owner)));
          step.after().forEach(after -> use(Kind.STEP, after, Optional.of(owner)));
        }
      } else if (item instanceof DrillItem.CommsBlock comms) {
        comms.duties().forEach(duty -> use(Kind.ROLE, duty.role(), Optional.of(owner)));
      }
    }
    TextWalk.of(items).forEach(text -> references(text, owner));
  }

  /** The {@code name} of each {@code ${name}}, without the braces. */
  private void references(Text text, Owner owner) {
    for (Text.Reference reference : text.references()) {
      SourceSpan span = reference.span();
      SourceSpan name = new SourceSpan(span.file(), span.line(), span.column() + 2, span.endLine(), span.endColumn() - 1);
      occurrences.add(new Occurrence(Kind.PARAM, reference.name(), name, false, Optional.of(owner), "", false));
    }
  }

  private void declare(Kind kind, Name name, Optional<Owner> owner, String description) {
    occurrences.add(new Occurrence(kind, name.value(), name.span(), true, owner, description.strip(), false));
  }

  private void use(Kind kind, Name name, Optional<Owner> owner) {
    occurrences.add(new Occurrence(kind, name.value(), name.span(), false, owner, "", false));
  }
}
