package dev.drill.compiler.library;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.AttributeValue;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A template's items with its parameters replaced: every {@code ${p}} of a template parameter
 * in any text becomes the argument's text, which may itself hold run-time references
 * ({@code name = "${env}-web"}). A reference to anything else stays a run-time param
 * reference. Everything keeps its span: the template's text where it was written, the
 * argument's parts where they were written.
 */
final class Substitution implements DrillItem.Visitor<DrillItem>, Action.Visitor<Action>, Probe.Visitor<Probe> {

  private final Map<String, Text> arguments;

  private Substitution(Map<String, Text> arguments) {
    this.arguments = arguments;
  }

  static List<DrillItem> apply(List<DrillItem> items, Map<String, Text> arguments) {
    if (arguments.isEmpty()) {
      return items;
    }
    Substitution substitution = new Substitution(arguments);
    return map(items, item -> item.accept(substitution));
  }

  /** The text with each parameter reference replaced; adjacent literals joined. */
  static Text text(Text text, Map<String, Text> arguments) {
    List<Text.Part> parts = new ArrayList<>();
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Reference reference && arguments.containsKey(reference.name())) {
        arguments.get(reference.name()).parts().forEach(p -> append(parts, p));
      } else {
        append(parts, part);
      }
    }
    return new Text(text.span(), parts, text.block());
  }

  private static void append(List<Text.Part> parts, Text.Part part) {
    int last = parts.size() - 1;
    if (part instanceof Text.Literal literal && last >= 0 && parts.get(last) instanceof Text.Literal previous) {
      parts.set(last, new Text.Literal(previous.span(), previous.value() + literal.value()));
    } else {
      parts.add(part);
    }
  }

  private Text text(Text text) {
    return text(text, arguments);
  }

  private Optional<Text> text(Optional<Text> text) {
    return text.map(this::text);
  }

  private List<Text> texts(List<Text> texts) {
    return map(texts, this::text);
  }

  @Override
  public DrillItem visit(Attribute attribute) {
    AttributeValue value = attribute.value();
    if (value instanceof Text text) {
      value = text(text);
    } else if (value instanceof TextList list) {
      value = new TextList(list.span(), texts(list.texts()));
    }
    return new Attribute(attribute.span(), attribute.key(), value);
  }

  @Override
  public DrillItem visit(DrillItem.ParamDecl param) {
    return new DrillItem.ParamDecl(param.span(), param.name(), text(param.defaultValue()), text(param.pattern()),
        text(param.env()));
  }

  @Override
  public DrillItem visit(DrillItem.SecretDecl secret) {
    return new DrillItem.SecretDecl(secret.span(), secret.name(), text(secret.env()), text(secret.pattern()));
  }

  @Override
  public DrillItem visit(DrillItem.RolesBlock roles) {
    return new DrillItem.RolesBlock(roles.span(), map(roles.roles(),
        r -> new DrillItem.RoleDecl(r.span(), r.name(), text(r.description()))));
  }

  @Override
  public DrillItem visit(DrillItem.SetupBlock setup) {
    return new DrillItem.SetupBlock(setup.span(), actions(setup.actions()));
  }

  @Override
  public DrillItem visit(DrillItem.TeardownBlock teardown) {
    return new DrillItem.TeardownBlock(teardown.span(), actions(teardown.actions()));
  }

  @Override
  public DrillItem visit(DrillItem.SteadyBlock steady) {
    return new DrillItem.SteadyBlock(steady.span(), map(steady.checks(),
        c -> new DrillItem.Check(c.span(), c.id(), text(c.title()), probe(c.probe()))));
  }

  @Override
  public DrillItem visit(DrillItem.InjectBlock inject) {
    return new DrillItem.InjectBlock(inject.span(), inject.id(), text(inject.title()), inject.background(),
        actions(inject.actions()),
        map(inject.undos(), u -> new DrillItem.Undo(u.span(), u.action().accept(this))));
  }

  @Override
  public DrillItem visit(DrillItem.DetectBlock detect) {
    return new DrillItem.DetectBlock(detect.span(), detect.mode(), detect.within(), map(detect.signals(),
        s -> new DrillItem.Signal(s.span(), s.id(), text(s.title()), probe(s.probe()))));
  }

  @Override
  public DrillItem visit(DrillItem.RecoverBlock recover) {
    return new DrillItem.RecoverBlock(recover.span(), recover.within(), map(recover.steps(), this::step));
  }

  private Step step(Step step) {
    return new Step(step.span(), step.id(), text(step.title()), step.clauses(), actions(step.actions()),
        map(step.verifies(), v -> new Step.Verify(v.span(), probe(v.probe()), v.within())));
  }

  @Override
  public DrillItem visit(DrillItem.CommsBlock comms) {
    return new DrillItem.CommsBlock(comms.span(), map(comms.duties(), this::duty));
  }

  private DrillItem.CommsDuty duty(DrillItem.CommsDuty duty) {
    if (duty instanceof DrillItem.Update update) {
      return new DrillItem.Update(update.span(), text(update.audience()), update.every(), update.role());
    }
    if (duty instanceof DrillItem.Notify notify) {
      return new DrillItem.Notify(notify.span(), text(notify.audience()), notify.within(), notify.role());
    }
    throw new IllegalStateException("a comms duty without a case: " + duty);
  }

  @Override
  public DrillItem visit(DrillItem.AbortBlock abort) {
    return new DrillItem.AbortBlock(abort.span(), map(abort.conditions(), this::probe));
  }

  @Override
  public DrillItem visit(DrillItem.DebriefBlock debrief) {
    return new DrillItem.DebriefBlock(debrief.span(), map(debrief.questions(),
        q -> new DrillItem.Ask(q.span(), text(q.question()))));
  }

  private List<Action> actions(List<Action> actions) {
    return map(actions, a -> a.accept(this));
  }

  @Override
  public Action visit(Action.Run run) {
    return new Action.Run(run.span(), text(run.command()), run.timeout(), run.expectExit());
  }

  @Override
  public Action visit(Action.Http http) {
    return new Action.Http(http.span(), http.method(), text(http.url()), options(http.options()),
        http.expectStatus(), http.timeout());
  }

  @Override
  public Action visit(Action.Manual manual) {
    return new Action.Manual(manual.span(), text(manual.instruction()));
  }

  @Override
  public Action visit(Action.Wait wait) {
    return wait;
  }

  private List<HttpOption> options(List<HttpOption> options) {
    return map(options, option -> {
      if (option instanceof HttpOption.Header header) {
        return new HttpOption.Header(header.span(), text(header.name()), text(header.value()));
      }
      if (option instanceof HttpOption.Body body) {
        return new HttpOption.Body(body.span(), text(body.body()));
      }
      throw new IllegalStateException("an HTTP option without a case: " + option);
    });
  }

  private ProbeSpec probe(ProbeSpec spec) {
    return new ProbeSpec(spec.span(), spec.probe().accept(this), spec.options());
  }

  @Override
  public Probe visit(Probe.Http http) {
    return new Probe.Http(http.span(), http.method(), text(http.url()), options(http.options()),
        http.statusExpectations(), texts(http.bodyExpectations()), texts(http.bodyPatterns()),
        map(http.jsonExpectations(), this::json));
  }

  @Override
  public Probe visit(Probe.Command command) {
    return new Probe.Command(command.span(), text(command.command()), command.exitExpectations(),
        texts(command.outputExpectations()), texts(command.outputPatterns()),
        map(command.jsonExpectations(), this::json));
  }

  private JsonCheck json(JsonCheck json) {
    return new JsonCheck(json.span(), text(json.path()), json.count(), text(json.equals()));
  }

  @Override
  public Probe visit(Probe.PrometheusQuery query) {
    return new Probe.PrometheusQuery(query.span(), text(query.query()), text(query.server()), query.expect());
  }

  @Override
  public Probe visit(Probe.PrometheusAlert alert) {
    return new Probe.PrometheusAlert(alert.span(), text(alert.alert()), text(alert.server()));
  }

  @Override
  public Probe visit(Probe.Log log) {
    return new Probe.Log(log.span(), text(log.path()), text(log.pattern()));
  }

  @Override
  public Probe visit(Probe.Manual manual) {
    return new Probe.Manual(manual.span(), text(manual.question()));
  }

  private static <T, R> List<R> map(List<T> items, Function<T, R> mapping) {
    List<R> mapped = new ArrayList<>(items.size());
    items.forEach(item -> mapped.add(mapping.apply(item)));
    return mapped;
  }
}
