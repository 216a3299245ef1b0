package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side table of what a drill declares: roles, params, secrets, and the ids of checks,
 * inject steps, signals and recovery steps (one namespace, since guides and journals name
 * them). Collecting it reports duplicates; the first declaration wins.
 */
final class Declarations {

  enum IdKind {
    CHECK("check"),
    INJECT("inject step"),
    SIGNAL("signal"),
    STEP("recovery step");

    final String description;

    IdKind(String description) {
      this.description = description;
    }
  }

  record Declared(Name name, IdKind kind) {}

  final Map<String, Name> roles = new LinkedHashMap<>();
  final Map<String, Name> params = new LinkedHashMap<>();
  final Map<String, Name> secrets = new LinkedHashMap<>();
  final Map<String, Declared> ids = new LinkedHashMap<>();

  static Declarations collect(Drill drill, List<Diagnostic> out) {
    Declarations d = new Declarations();
    for (DrillItem item : drill.items()) {
      if (item instanceof DrillItem.RolesBlock) {
        for (DrillItem.RoleDecl role : ((DrillItem.RolesBlock) item).roles()) {
          d.declareName(d.roles, role.name(), "role", out);
        }
      } else if (item instanceof DrillItem.ParamDecl) {
        d.declareValue(((DrillItem.ParamDecl) item).name(), d.params, out);
      } else if (item instanceof DrillItem.SecretDecl) {
        d.declareValue(((DrillItem.SecretDecl) item).name(), d.secrets, out);
      } else if (item instanceof DrillItem.SteadyBlock) {
        ((DrillItem.SteadyBlock) item).checks().forEach(c -> d.declareId(c.id(), IdKind.CHECK, out));
      } else if (item instanceof DrillItem.InjectBlock) {
        d.declareId(((DrillItem.InjectBlock) item).id(), IdKind.INJECT, out);
      } else if (item instanceof DrillItem.DetectBlock) {
        ((DrillItem.DetectBlock) item).signals().forEach(s -> d.declareId(s.id(), IdKind.SIGNAL, out));
      } else if (item instanceof DrillItem.RecoverBlock) {
        for (Step step : ((DrillItem.RecoverBlock) item).steps()) {
          d.declareId(step.id(), IdKind.STEP, out);
        }
      }
    }
    return d;
  }

  /** Params and secrets share one namespace: both are written ${name}. */
  private void declareValue(Name name, Map<String, Name> into, List<Diagnostic> out) {
    Name earlier = params.containsKey(name.value()) ? params.get(name.value()) : secrets.get(name.value());
    if (earlier != null) {
      String what = into == params ? "param" : "secret";
      String earlierWhat = params.containsKey(name.value()) ? "param" : "secret";
      Diagnostic duplicate = what.equals(earlierWhat)
          ? Diagnostic.of(Code.D206, name.span(), what + " '" + name.value() + "' is declared twice",
              "keep one declaration")
          : Diagnostic.of(Code.D206, name.span(),
              what + " '" + name.value() + "' has the name of an earlier " + earlierWhat,
              "params and secrets share one set of names (both are written ${" + name.value()
                  + "}); rename one of them");
      out.add(duplicate.withRelated(earlier.span(), "first declared here"));
      return;
    }
    into.put(name.value(), name);
  }

  private void declareName(Map<String, Name> into, Name name, String what, List<Diagnostic> out) {
    Name earlier = into.get(name.value());
    if (earlier != null) {
      out.add(Diagnostic.of(Code.D206, name.span(), what + " '" + name.value() + "' is declared twice",
          "keep one declaration")
          .withRelated(earlier.span(), "first declared here"));
      return;
    }
    into.put(name.value(), name);
  }

  private void declareId(Name id, IdKind kind, List<Diagnostic> out) {
    Declared earlier = ids.get(id.value());
    if (earlier != null) {
      out.add(Diagnostic.of(Code.D201, id.span(),
          "id '" + id.value() + "' is already used by a " + earlier.kind().description,
          "checks, inject steps, signals and recovery steps need distinct ids")
          .withRelated(earlier.name().span(), "first used here"));
      return;
    }
    ids.put(id.value(), new Declared(id, kind));
  }
}
