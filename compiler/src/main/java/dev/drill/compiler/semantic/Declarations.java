package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Attribute;
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
    DrillItem.Visitor<Void> declare = new DrillItem.Visitor<>() {
      @Override
      public Void visit(Attribute attribute) {
        return null;
      }

      @Override
      public Void visit(DrillItem.ParamDecl param) {
        d.declareValue(param.name(), d.params, out);
        return null;
      }

      @Override
      public Void visit(DrillItem.SecretDecl secret) {
        d.declareValue(secret.name(), d.secrets, out);
        return null;
      }

      @Override
      public Void visit(DrillItem.RolesBlock roles) {
        for (DrillItem.RoleDecl role : roles.roles()) {
          d.declareName(d.roles, role.name(), "role", out);
        }
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
        for (DrillItem.Check check : steady.checks()) {
          d.declareId(check.id(), IdKind.CHECK, out);
        }
        return null;
      }

      @Override
      public Void visit(DrillItem.InjectBlock inject) {
        d.declareId(inject.id(), IdKind.INJECT, out);
        return null;
      }

      @Override
      public Void visit(DrillItem.DetectBlock detect) {
        for (DrillItem.Signal signal : detect.signals()) {
          d.declareId(signal.id(), IdKind.SIGNAL, out);
        }
        return null;
      }

      @Override
      public Void visit(DrillItem.RecoverBlock recover) {
        for (Step step : recover.steps()) {
          d.declareId(step.id(), IdKind.STEP, out);
        }
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
    };
    for (DrillItem item : drill.items()) {
      item.accept(declare);
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
