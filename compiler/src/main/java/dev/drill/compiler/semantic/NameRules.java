package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.NameValue;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.PlanValidator;
import java.util.List;
import java.util.Locale;

/** Every name a drill declares (its own, params, secrets, roles, ids, its environment) is kebab-case (D104). */
final class NameRules {

  private NameRules() {}

  static void run(Drill drill, List<Diagnostic> out) {
    kebab(drill.name(), "drill name", out);
    for (DrillItem item : drill.items()) {
      item.accept(NAMES).forEach(named -> kebab(named.name(), named.what(), out));
    }
  }


  /** A name the drill declares, and what it names. */
  private record Named(Name name, String what) {}

  private static final DrillItem.Visitor<List<Named>> NAMES = new DrillItem.Visitor<>() {
    @Override
    public List<Named> visit(Attribute attribute) {
      if (attribute.key() == Attribute.Key.ENVIRONMENT && attribute.value() instanceof NameValue env) {
        return List.of(new Named(new Name(env.span(), env.value()), "environment name"));
      }
      return List.of();
    }

    @Override
    public List<Named> visit(DrillItem.ParamDecl param) {
      return List.of(new Named(param.name(), "param name"));
    }

    @Override
    public List<Named> visit(DrillItem.SecretDecl secret) {
      return List.of(new Named(secret.name(), "secret name"));
    }

    @Override
    public List<Named> visit(DrillItem.RolesBlock roles) {
      return roles.roles().stream().map(r -> new Named(r.name(), "role name")).toList();
    }

    @Override
    public List<Named> visit(DrillItem.SetupBlock setup) {
      return List.of();
    }

    @Override
    public List<Named> visit(DrillItem.TeardownBlock teardown) {
      return List.of();
    }

    @Override
    public List<Named> visit(DrillItem.SteadyBlock steady) {
      return steady.checks().stream().map(c -> new Named(c.id(), "check id")).toList();
    }

    @Override
    public List<Named> visit(DrillItem.InjectBlock inject) {
      return List.of(new Named(inject.id(), "inject id"));
    }

    @Override
    public List<Named> visit(DrillItem.DetectBlock detect) {
      return detect.signals().stream().map(s -> new Named(s.id(), "signal id")).toList();
    }

    @Override
    public List<Named> visit(DrillItem.RecoverBlock recover) {
      return recover.steps().stream().map(s -> new Named(s.id(), "step id")).toList();
    }

    @Override
    public List<Named> visit(DrillItem.CommsBlock comms) {
      return List.of();
    }

    @Override
    public List<Named> visit(DrillItem.AbortBlock abort) {
      return List.of();
    }

    @Override
    public List<Named> visit(DrillItem.DebriefBlock debrief) {
      return List.of();
    }
  };

  static void kebab(Name name, String what, List<Diagnostic> out) {
    if (!PlanValidator.isId(name.value())) {
      out.add(Diagnostic.of(Code.D104, name.span(),
          what + " '" + name.value() + "' is not kebab-case",
          "use lower-case words joined by '-', such as '" + toKebab(name.value()) + "'"));
    }
  }

  static String toKebab(String name) {
    String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^[-0-9]+|-$", "");
    return kebab.isEmpty() ? "name" : kebab;
  }
}
