package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
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
    drill.items().forEach(item -> actions.addAll(item.accept(ACTIONS)));
    return actions;
  }

  static List<ProbeSpec> probes(Drill drill) {
    List<ProbeSpec> probes = new ArrayList<>();
    drill.items().forEach(item -> probes.addAll(item.accept(PROBES)));
    return probes;
  }

  private static final DrillItem.Visitor<List<Action>> ACTIONS = new DrillItem.Visitor<>() {
    @Override
    public List<Action> visit(Attribute attribute) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.ParamDecl param) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.SecretDecl secret) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.RolesBlock roles) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.SetupBlock setup) {
      return setup.actions();
    }

    @Override
    public List<Action> visit(DrillItem.TeardownBlock teardown) {
      return teardown.actions();
    }

    @Override
    public List<Action> visit(DrillItem.SteadyBlock steady) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.InjectBlock inject) {
      List<Action> actions = new ArrayList<>(inject.actions());
      inject.undos().forEach(u -> actions.add(u.action()));
      return actions;
    }

    @Override
    public List<Action> visit(DrillItem.DetectBlock detect) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.RecoverBlock recover) {
      List<Action> actions = new ArrayList<>();
      recover.steps().forEach(s -> actions.addAll(s.actions()));
      return actions;
    }

    @Override
    public List<Action> visit(DrillItem.CommsBlock comms) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.AbortBlock abort) {
      return List.of();
    }

    @Override
    public List<Action> visit(DrillItem.DebriefBlock debrief) {
      return List.of();
    }
  };

  private static final DrillItem.Visitor<List<ProbeSpec>> PROBES = new DrillItem.Visitor<>() {
    @Override
    public List<ProbeSpec> visit(Attribute attribute) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.ParamDecl param) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.SecretDecl secret) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.RolesBlock roles) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.SetupBlock setup) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.TeardownBlock teardown) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.SteadyBlock steady) {
      return steady.checks().stream().map(DrillItem.Check::probe).toList();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.InjectBlock inject) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.DetectBlock detect) {
      return detect.signals().stream().map(DrillItem.Signal::probe).toList();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.RecoverBlock recover) {
      List<ProbeSpec> probes = new ArrayList<>();
      for (Step step : recover.steps()) {
        step.verifies().forEach(v -> probes.add(v.probe()));
      }
      return probes;
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.CommsBlock comms) {
      return List.of();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.AbortBlock abort) {
      return abort.conditions();
    }

    @Override
    public List<ProbeSpec> visit(DrillItem.DebriefBlock debrief) {
      return List.of();
    }
  };
}
