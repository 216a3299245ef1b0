package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import java.util.ArrayList;
import java.util.List;

/**
 * Every string of a drill that refers to a param or secret, with what it is used for: whether it
 * is printed decides where a secret may go. The rules read only references, so a string without
 * one (most of them) is left out.
 */
record TextUse(Text text, Usage usage) {

  enum Usage {
    TITLE("a title", true),
    SUMMARY("the summary", true),
    OWNER("the owner", true),
    TAG("a tag", true),
    GUIDE("the guide path", true),
    PARAM_DEFAULT("a param default", true),
    VALUE_PATTERN("a 'matches' pattern", true),
    SECRET_ENV("a secret's variable name", true),
    PARAM_ENV("a param's variable name", true),
    ROLE_DESCRIPTION("a role description", true),
    COMMAND("a command", false),
    URL("a url", true),
    HEADER_NAME("a header name", true),
    HEADER_VALUE("a header value", false),
    BODY("a request body", false),
    EXPECTED_TEXT("an expected text", true),
    EXPECTED_PATTERN("an expected pattern", true),
    JSON_PATH("a JSON path", true),
    JSON_VALUE("an expected JSON value", true),
    MANUAL("a manual instruction", true),
    QUERY("a Prometheus query", true),
    ALERT("an alert name", true),
    SERVER("a server url", true),
    LOG_PATH("a log path", true),
    PATTERN("a log pattern", true),
    AUDIENCE("a comms audience", true),
    QUESTION("a debrief question", true);

    private final String description;
    private final boolean printed;

    Usage(String description, boolean printed) {
      this.description = description;
      this.printed = printed;
    }

    String description() {
      return description;
    }

    /** Printed text ends up in guides, journals or reports, where a secret must never go. */
    boolean printed() {
      return printed;
    }

    /** Text that must be plain: no references at all. */
    boolean plain() {
      return this == GUIDE || this == PARAM_DEFAULT || this == VALUE_PATTERN || this == SECRET_ENV
          || this == PARAM_ENV;
    }
  }

  static List<TextUse> of(Drill drill) {
    List<TextUse> uses = new ArrayList<>();
    Collector collector = new Collector(uses);
    drill.items().forEach(item -> item.accept(collector));
    return uses;
  }

  /** Every string of every kind of item, action and probe: each kind must say what its strings are for. */
  private static final class Collector implements DrillItem.Visitor<Void>, Action.Visitor<Void>, Probe.Visitor<Void> {
    private final List<TextUse> uses;

    Collector(List<TextUse> uses) {
      this.uses = uses;
    }

    private void add(Text text, Usage usage) {
      if (refersToAnything(text)) {
        uses.add(new TextUse(text, usage));
      }
    }

    @Override
    public Void visit(Attribute a) {
      Usage usage = attributeUsage(a.key());
      if (a.value() instanceof Text text) {
        add(text, usage);
      } else if (a.value() instanceof TextList list) {
        list.texts().forEach(t -> add(t, usage));
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.ParamDecl param) {
      param.env().ifPresent(t -> add(t, Usage.PARAM_ENV));
      param.defaultValue().ifPresent(t -> add(t, Usage.PARAM_DEFAULT));
      param.pattern().ifPresent(t -> add(t, Usage.VALUE_PATTERN));
      return null;
    }

    @Override
    public Void visit(DrillItem.SecretDecl secret) {
      add(secret.env(), Usage.SECRET_ENV);
      secret.pattern().ifPresent(t -> add(t, Usage.VALUE_PATTERN));
      return null;
    }

    @Override
    public Void visit(DrillItem.RolesBlock roles) {
      roles.roles().forEach(r -> r.description().ifPresent(t -> add(t, Usage.ROLE_DESCRIPTION)));
      return null;
    }

    @Override
    public Void visit(DrillItem.SetupBlock setup) {
      setup.actions().forEach(a -> a.accept(this));
      return null;
    }

    @Override
    public Void visit(DrillItem.TeardownBlock teardown) {
      teardown.actions().forEach(a -> a.accept(this));
      return null;
    }

    @Override
    public Void visit(DrillItem.SteadyBlock steady) {
      for (DrillItem.Check check : steady.checks()) {
        check.title().ifPresent(t -> add(t, Usage.TITLE));
        check.probe().probe().accept(this);
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.InjectBlock inject) {
      inject.title().ifPresent(t -> add(t, Usage.TITLE));
      inject.actions().forEach(a -> a.accept(this));
      inject.undos().forEach(u -> u.action().accept(this));
      return null;
    }

    @Override
    public Void visit(DrillItem.DetectBlock detect) {
      for (DrillItem.Signal signal : detect.signals()) {
        signal.title().ifPresent(t -> add(t, Usage.TITLE));
        signal.probe().probe().accept(this);
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.RecoverBlock recover) {
      for (Step step : recover.steps()) {
        step.title().ifPresent(t -> add(t, Usage.TITLE));
        step.actions().forEach(a -> a.accept(this));
        step.verifies().forEach(v -> v.probe().probe().accept(this));
      }
      return null;
    }

    @Override
    public Void visit(DrillItem.CommsBlock comms) {
      comms.duties().forEach(d -> add(d.audience(), Usage.AUDIENCE));
      return null;
    }

    @Override
    public Void visit(DrillItem.AbortBlock abort) {
      abort.conditions().forEach(p -> p.probe().accept(this));
      return null;
    }

    @Override
    public Void visit(DrillItem.DebriefBlock debrief) {
      debrief.questions().forEach(q -> add(q.question(), Usage.QUESTION));
      return null;
    }

    @Override
    public Void visit(Action.Run run) {
      add(run.command(), Usage.COMMAND);
      return null;
    }

    @Override
    public Void visit(Action.Http http) {
      add(http.url(), Usage.URL);
      httpOptions(http.options());
      return null;
    }

    @Override
    public Void visit(Action.Manual manual) {
      add(manual.instruction(), Usage.MANUAL);
      return null;
    }

    @Override
    public Void visit(Action.Wait wait) {
      return null;
    }

    @Override
    public Void visit(Probe.Http http) {
      add(http.url(), Usage.URL);
      httpOptions(http.options());
      http.bodyExpectations().forEach(t -> add(t, Usage.EXPECTED_TEXT));
      http.bodyPatterns().forEach(t -> add(t, Usage.EXPECTED_PATTERN));
      json(http.jsonExpectations());
      return null;
    }

    @Override
    public Void visit(Probe.Command command) {
      add(command.command(), Usage.COMMAND);
      command.outputExpectations().forEach(t -> add(t, Usage.EXPECTED_TEXT));
      command.outputPatterns().forEach(t -> add(t, Usage.EXPECTED_PATTERN));
      json(command.jsonExpectations());
      return null;
    }

    @Override
    public Void visit(Probe.PrometheusQuery query) {
      add(query.query(), Usage.QUERY);
      query.server().ifPresent(t -> add(t, Usage.SERVER));
      return null;
    }

    @Override
    public Void visit(Probe.PrometheusAlert alert) {
      add(alert.alert(), Usage.ALERT);
      alert.server().ifPresent(t -> add(t, Usage.SERVER));
      return null;
    }

    @Override
    public Void visit(Probe.Log log) {
      add(log.path(), Usage.LOG_PATH);
      add(log.pattern(), Usage.PATTERN);
      return null;
    }

    @Override
    public Void visit(Probe.Manual manual) {
      add(manual.question(), Usage.MANUAL);
      return null;
    }

    private void json(List<JsonCheck> checks) {
      for (JsonCheck check : checks) {
        add(check.path(), Usage.JSON_PATH);
        check.equals().ifPresent(t -> add(t, Usage.JSON_VALUE));
      }
    }

    private void httpOptions(List<HttpOption> options) {
      for (HttpOption option : options) {
        if (option instanceof HttpOption.Header header) {
          add(header.name(), Usage.HEADER_NAME);
          add(header.value(), Usage.HEADER_VALUE);
        } else if (option instanceof HttpOption.Body body) {
          add(body.body(), Usage.BODY);
        }
      }
    }
  }

  /** Indexed, not for-each: an iterator per string of every drill is an allocation C1 keeps. */
  private static boolean refersToAnything(Text text) {
    List<Text.Part> parts = text.parts();
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof Text.Reference) {
        return true;
      }
    }
    return false;
  }

  private static Usage attributeUsage(Attribute.Key key) {
    switch (key) {
      case SUMMARY: return Usage.SUMMARY;
      case OWNER: return Usage.OWNER;
      case TAGS: return Usage.TAG;
      case GUIDE: return Usage.GUIDE;
      default: return Usage.TITLE;
    }
  }
}
