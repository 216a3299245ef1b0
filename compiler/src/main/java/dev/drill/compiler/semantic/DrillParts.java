package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import java.util.ArrayList;
import java.util.List;

/** The actions and probes of a drill, wherever they stand, in source order. */
final class DrillParts {

  private DrillParts() {}

  static List<Action> actions(Drill drill) {
    List<Action> actions = new ArrayList<>();
    for (DrillItem item : drill.items()) {
      if (item instanceof DrillItem.SetupBlock) {
        actions.addAll(((DrillItem.SetupBlock) item).actions());
      } else if (item instanceof DrillItem.TeardownBlock) {
        actions.addAll(((DrillItem.TeardownBlock) item).actions());
      } else if (item instanceof DrillItem.InjectBlock) {
        DrillItem.InjectBlock inject = (DrillItem.InjectBlock) item;
        actions.addAll(inject.actions());
        inject.undos().forEach(u -> actions.add(u.action()));
      } else if (item instanceof DrillItem.RecoverBlock) {
        ((DrillItem.RecoverBlock) item).steps().forEach(s -> actions.addAll(s.actions()));
      }
    }
    return actions;
  }

  static List<ProbeSpec> probes(Drill drill) {
    List<ProbeSpec> probes = new ArrayList<>();
    for (DrillItem item : drill.items()) {
      if (item instanceof DrillItem.SteadyBlock) {
        ((DrillItem.SteadyBlock) item).checks().forEach(c -> probes.add(c.probe()));
      } else if (item instanceof DrillItem.DetectBlock) {
        ((DrillItem.DetectBlock) item).signals().forEach(s -> probes.add(s.probe()));
      } else if (item instanceof DrillItem.RecoverBlock) {
        for (Step step : ((DrillItem.RecoverBlock) item).steps()) {
          step.verifies().forEach(v -> probes.add(v.probe()));
        }
      } else if (item instanceof DrillItem.AbortBlock) {
        probes.addAll(((DrillItem.AbortBlock) item).conditions());
      }
    }
    return probes;
  }
}
