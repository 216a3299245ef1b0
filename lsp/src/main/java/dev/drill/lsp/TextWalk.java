package dev.drill.lsp;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every string of a drill's or template's items, in source order: where {@code ${param}} references and {@code """} blocks are. */
final class TextWalk implements DrillItem.Visitor<Void>, Action.Visitor<Void>, Probe.Visitor<Void> {

  private final List<Text> texts = new ArrayList<>();

  private TextWalk() {}

  static List<Text> of(List<DrillItem> items) {
    TextWalk walk = new TextWalk();
    items.forEach(item -> item.accept(walk));
    return walk.texts;
  }

  private void add(Optional<Text> text) {
    text.ifPresent(texts::add);
  }

  private void options(List<HttpOption> options) {
    for (HttpOption option : options) {
      if (option instanceof HttpOption.Header header) {
        texts.add(header.name());
        texts.add(header.value());
      } else if (option instanceof HttpOption.Body body) {
        texts.add(body.body());
      }
    }
  }

  private void probe(ProbeSpec spec) {
    spec.probe().accept(this);
  }

  @Override
  public Void visit(Attribute attribute) {
    if (attribute.value() instanceof Text text) {
      texts.add(text);
    } else if (attribute.value() instanceof TextList list) {
      texts.addAll(list.texts());
    }
    return null;
  }

  @Override
  public Void visit(DrillItem.ParamDecl param) {
    add(param.defaultValue());
    add(param.pattern());
    return null;
  }

  @Override
  public Void visit(DrillItem.SecretDecl secret) {
    texts.add(secret.env());
    add(secret.pattern());
    return null;
  }

  @Override
  public Void visit(DrillItem.RolesBlock roles) {
    roles.roles().forEach(role -> add(role.description()));
    return null;
  }

  @Override
  public Void visit(DrillItem.SetupBlock setup) {
    setup.actions().forEach(action -> action.accept(this));
    return null;
  }

  @Override
  public Void visit(DrillItem.TeardownBlock teardown) {
    teardown.actions().forEach(action -> action.accept(this));
    return null;
  }

  @Override
  public Void visit(DrillItem.SteadyBlock steady) {
    for (DrillItem.Check check : steady.checks()) {
      add(check.title());
      probe(check.probe());
    }
    return null;
  }

  @Override
  public Void visit(DrillItem.InjectBlock inject) {
    add(inject.title());
    inject.actions().forEach(action -> action.accept(this));
    inject.undos().forEach(undo -> undo.action().accept(this));
    return null;
  }

  @Override
  public Void visit(DrillItem.DetectBlock detect) {
    for (DrillItem.Signal signal : detect.signals()) {
      add(signal.title());
      probe(signal.probe());
    }
    return null;
  }

  @Override
  public Void visit(DrillItem.RecoverBlock recover) {
    for (Step step : recover.steps()) {
      add(step.title());
      step.actions().forEach(action -> action.accept(this));
      step.verifies().forEach(verify -> probe(verify.probe()));
    }
    return null;
  }

  @Override
  public Void visit(DrillItem.CommsBlock comms) {
    comms.duties().forEach(duty -> texts.add(duty.audience()));
    return null;
  }

  @Override
  public Void visit(DrillItem.AbortBlock abort) {
    abort.conditions().forEach(this::probe);
    return null;
  }

  @Override
  public Void visit(DrillItem.DebriefBlock debrief) {
    debrief.questions().forEach(ask -> texts.add(ask.question()));
    return null;
  }

  @Override
  public Void visit(Action.Run run) {
    texts.add(run.command());
    return null;
  }

  @Override
  public Void visit(Action.Http http) {
    texts.add(http.url());
    options(http.options());
    return null;
  }

  @Override
  public Void visit(Action.Manual manual) {
    texts.add(manual.instruction());
    return null;
  }

  @Override
  public Void visit(Action.Wait wait) {
    return null;
  }

  @Override
  public Void visit(Probe.Http http) {
    texts.add(http.url());
    options(http.options());
    texts.addAll(http.bodyExpectations());
    texts.addAll(http.bodyPatterns());
    json(http.jsonExpectations());
    return null;
  }

  @Override
  public Void visit(Probe.Command command) {
    texts.add(command.command());
    texts.addAll(command.outputExpectations());
    texts.addAll(command.outputPatterns());
    json(command.jsonExpectations());
    return null;
  }

  private void json(List<JsonCheck> checks) {
    checks.forEach(check -> {
      texts.add(check.path());
      check.equals().ifPresent(texts::add);
    });
  }

  @Override
  public Void visit(Probe.PrometheusQuery query) {
    texts.add(query.query());
    add(query.server());
    return null;
  }

  @Override
  public Void visit(Probe.PrometheusAlert alert) {
    texts.add(alert.alert());
    add(alert.server());
    return null;
  }

  @Override
  public Void visit(Probe.Log log) {
    texts.add(log.path());
    texts.add(log.pattern());
    return null;
  }

  @Override
  public Void visit(Probe.Manual manual) {
    texts.add(manual.question());
    return null;
  }
}
