package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Names used must be declared: roles, params and secrets, and the steps of {@code after}, without cycles. */
final class ReferenceRules {

  private ReferenceRules() {}

  static void run(DrillParts parts, Declarations declared, List<Diagnostic> out) {
    roles(parts, declared, out);
    interpolations(declared, parts.referringTexts, out);
    for (DrillItem.RecoverBlock recover : parts.recovers) {
      afterReferences(recover, declared, out);
      afterCycles(recover, out);
    }
  }

  /** Each role a step or a comms duty names, in source order: steps first, then duties. */
  private static void roles(DrillParts parts, Declarations declared, List<Diagnostic> out) {
    for (DrillItem.RecoverBlock recover : parts.recovers) {
      for (Step step : recover.steps()) {
        Optional<Name> role = step.role();
        if (role.isPresent()) {
          role(role.get(), declared, out);
        }
      }
    }
    for (DrillItem.CommsBlock comms : parts.comms) {
      for (DrillItem.CommsDuty duty : comms.duties()) {
        role(duty.role(), declared, out);
      }
    }
  }

  private static void role(Name role, Declarations declared, List<Diagnostic> out) {
    if (!declared.roles.containsKey(role.value())) {
      List<String> hints = new ArrayList<>();
      NearMiss.hint(role.value(), declared.roles.keySet()).ifPresent(hints::add);
      if (declared.roles.isEmpty()) {
        hints.add("declare it in a 'roles' block: roles { " + role.value() + " \"what they do\" }");
      } else if (hints.isEmpty()) {
        hints.add("declared roles: " + String.join(", ", declared.roles.keySet()));
      }
      out.add(new Diagnostic(Code.D202, Code.D202.severity(), role.span(),
          "unknown role '" + role.value() + "'", hints, Optional.empty()));
    }
  }

  private static void interpolations(Declarations declared, List<TextUse> texts, List<Diagnostic> out) {
    for (TextUse use : texts) {
      if (use.usage().plain()) {
        continue;
      }
      for (Text.Part part : use.text().parts()) {
        if (part instanceof Text.Reference ref && !declared.params.containsKey(ref.name())
            && !declared.secrets.containsKey(ref.name())) {
          Set<String> known = new HashSet<>(declared.params.keySet());
          known.addAll(declared.secrets.keySet());
          List<String> hints = new ArrayList<>();
          NearMiss.hint(ref.name(), known).ifPresent(hints::add);
          boolean nearMiss = !hints.isEmpty();
          boolean command = use.usage() == TextUse.Usage.COMMAND;
          // An upper-case name in a command is almost always the shell's own variable.
          boolean shellLike = command && ref.name().equals(ref.name().toUpperCase(Locale.ROOT));
          if (!nearMiss && !shellLike) {
            hints.add("declare it: param " + ref.name() + " = \"...\"");
          }
          if (command && (shellLike || !nearMiss)) {
            hints.add("for a shell variable write $" + ref.name() + (use.text().block()
                ? " or $${" + ref.name() + "}" : " or \\${" + ref.name() + "}"));
          }
          out.add(new Diagnostic(Code.D204, Code.D204.severity(), ref.span(),
              "unknown param '" + ref.name() + "'", hints, Optional.empty()));
        }
      }
    }
  }

  private static void afterReferences(DrillItem.RecoverBlock recover, Declarations declared, List<Diagnostic> out) {
    Set<String> steps = new HashSet<>();
    for (Step step : recover.steps()) {
      steps.add(step.id().value());
    }
    for (Step step : recover.steps()) {
      for (Name target : step.after()) {
        if (steps.contains(target.value())) {
          continue;
        }
        Declarations.Declared other = declared.ids.get(target.value());
        List<String> hints = new ArrayList<>();
        String message;
        if (other != null) {
          message = "'" + target.value() + "' is a " + other.kind().description
              + ", not a recovery step; 'after' names steps of this recover block";
        } else {
          message = "unknown step '" + target.value() + "'";
          NearMiss.hint(target.value(), steps).ifPresent(hints::add);
        }
        out.add(new Diagnostic(Code.D203, Code.D203.severity(), target.span(), message, hints, Optional.empty()));
      }
    }
  }

  /**
   * Reports each cycle once, at the 'after' reference that closes it. Depth-first with an
   * explicit stack: a chain of thousands of steps must not overflow the call stack.
   */
  private static void afterCycles(DrillItem.RecoverBlock recover, List<Diagnostic> out) {
    Map<String, Step> steps = new LinkedHashMap<>();
    recover.steps().forEach(s -> steps.putIfAbsent(s.id().value(), s));
    Set<String> done = new HashSet<>();
    // Empty again after each walk: made once, not once per step.
    Deque<Visit> stack = new ArrayDeque<>();
    List<String> path = new ArrayList<>();
    Set<String> onPath = new HashSet<>();
    for (String start : steps.keySet()) {
      if (done.contains(start)) {
        continue;
      }
      stack.push(new Visit(steps.get(start)));
      path.add(start);
      onPath.add(start);
      while (!stack.isEmpty()) {
        Visit visit = stack.peek();
        if (visit.next == visit.targets.size()) {
          stack.pop();
          String id = path.remove(path.size() - 1);
          onPath.remove(id);
          done.add(id);
          continue;
        }
        Name target = visit.targets.get(visit.next++);
        if (onPath.contains(target.value())) {
          reportCycle(visit.step.id().value(), target, path, out);
        } else if (!done.contains(target.value()) && steps.containsKey(target.value())) {
          stack.push(new Visit(steps.get(target.value())));
          path.add(target.value());
          onPath.add(target.value());
        }
      }
    }
  }

  private static void reportCycle(String from, Name target, List<String> path, List<Diagnostic> out) {
    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target.value()), path.size()));
    cycle.add(target.value());
    out.add(Diagnostic.of(Code.D205, target.span(),
        cycle.size() == 2
            ? "step '" + from + "' waits for itself"
            : "steps wait for each other in a cycle: " + String.join(" -> ", cycle),
        "remove one of the 'after' references"));
  }

  private static final class Visit {
    final Step step;
    final List<Name> targets;
    int next;

    Visit(Step step) {
      this.step = step;
      this.targets = step.after();
    }
  }
}
