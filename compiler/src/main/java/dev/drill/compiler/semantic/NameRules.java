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
    Declared declared = new Declared(out);
    for (DrillItem item : drill.items()) {
      item.accept(declared);
    }
  }

  /** Checks each name an item declares, saying what it names. */
  private static final class Declared implements DrillItem.Visitor<Void> {
    private final List<Diagnostic> out;

    Declared(List<Diagnostic> out) {
      this.out = out;
    }

    @Override
    public Void visit(Attribute attribute) {
      if (attribute.key() == Attribute.Key.ENVIRONMENT && attribute.value() instanceof NameValue env) {
        kebab(new Name(env.span(), env.value()), "environment name", out);
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.ParamDecl param) {
      kebab(param.name(), "param name", out);
      return null;
    }

    @Override
    public Void visit(DrillItem.SecretDecl secret) {
      kebab(secret.name(), "secret name", out);
      return null;
    }

    @Override
    public Void visit(DrillItem.RolesBlock roles) {
      roles.roles().forEach(r -> kebab(r.name(), "role name", out));
      return null;
    }

    @Override
    public Void visit(DrillItem.SetupBlock setup) {
      return null;
    }

    @Override
    public Void visit(DrillItem.TeardownBlock teardown) {
      return null;
    }

    @Override
    public Void visit(DrillItem.SteadyBlock steady) {
      steady.checks().forEach(c -> kebab(c.id(), "check id", out));
      return null;
    }

    @Override
    public Void visit(DrillItem.InjectBlock inject) {
      kebab(inject.id(), "inject id", out);
      return null;
    }

    @Override
    public Void visit(DrillItem.DetectBlock detect) {
      detect.signals().forEach(s -> kebab(s.id(), "signal id", out));
      return null;
    }

    @Override
    public Void visit(DrillItem.RecoverBlock recover) {
      recover.steps().forEach(s -> kebab(s.id(), "step id", out));
      return null;
    }

    @Override
    public Void visit(DrillItem.CommsBlock comms) {
      return null;
    }

    @Override
    public Void visit(DrillItem.AbortBlock abort) {
      return null;
    }

    @Override
    public Void visit(DrillItem.DebriefBlock debrief) {
      return null;
    }
  }

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
