package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a drill the rules ask for, gathered in one walk and shared by every rule:
 * its items by kind, its actions and probes wherever they stand, in source order, and every
 * text that refers to a param or secret, with what it is used for.
 */
final class DrillParts {

  final Drill drill;
  final List<Attribute> attributes = new ArrayList<>();
  final List<DrillItem.ParamDecl> params = new ArrayList<>();
  final List<DrillItem.SecretDecl> secrets = new ArrayList<>();
  final List<DrillItem.InjectBlock> injects = new ArrayList<>();
  final List<DrillItem.RecoverBlock> recovers = new ArrayList<>();
  final List<DrillItem.CommsBlock> comms = new ArrayList<>();
  final List<DrillItem.AbortBlock> aborts = new ArrayList<>();
  final List<Action> actions = new ArrayList<>();
  final List<ProbeSpec> probes = new ArrayList<>();
  final List<TextUse> referringTexts;

  private DrillParts(Drill drill) {
    this.drill = drill;
    this.referringTexts = TextUse.of(drill);
  }

  static DrillParts of(Drill drill) {
    DrillParts parts = new DrillParts(drill);
    Gather gather = parts.new Gather();
    for (DrillItem item : drill.items()) {
      item.accept(gather);
    }
    return parts;
  }

  private final class Gather implements DrillItem.Visitor<Void> {
    @Override
    public Void visit(Attribute attribute) {
      attributes.add(attribute);
      return null;
    }

    @Override
    public Void visit(DrillItem.ParamDecl param) {
      params.add(param);
      return null;
    }

    @Override
    public Void visit(DrillItem.SecretDecl secret) {
      secrets.add(secret);
      return null;
    }

    @Override
    public Void visit(DrillItem.RolesBlock roles) {
      return null;
    }

    @Override
    public Void visit(DrillItem.SetupBlock setup) {
      actions.addAll(setup.actions());
      return null;
    }

    @Override
    public Void visit(DrillItem.TeardownBlock teardown) {
      actions.addAll(teardown.actions());
      return null;
    }

    @Override
    public Void visit(DrillItem.SteadyBlock steady) {
      for (DrillItem.Check check : steady.checks()) {
        probes.add(check.probe());
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.InjectBlock inject) {
      injects.add(inject);
      actions.addAll(inject.actions());
      for (DrillItem.Undo undo : inject.undos()) {
        actions.add(undo.action());
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.DetectBlock detect) {
      for (DrillItem.Signal signal : detect.signals()) {
        probes.add(signal.probe());
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.RecoverBlock recover) {
      recovers.add(recover);
      for (Step step : recover.steps()) {
        actions.addAll(step.actions());
        for (Step.Verify verify : step.verifies()) {
          probes.add(verify.probe());
        }
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.CommsBlock block) {
      comms.add(block);
      return null;
    }

    @Override
    public Void visit(DrillItem.AbortBlock abort) {
      aborts.add(abort);
      probes.addAll(abort.conditions());
      return null;
    }

    @Override
    public Void visit(DrillItem.DebriefBlock debrief) {
      return null;
    }
  }
}
