package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import java.util.ArrayList;
import java.util.List;

/** Every string of a drill with what it is used for: whether it is printed decides where a secret may go. */
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
    ROLE_DESCRIPTION("a role description", true),
    COMMAND("a command", false),
    URL("a url", true),
    HEADER_NAME("a header name", true),
    HEADER_VALUE("a header value", false),
    BODY("a request body", false),
    EXPECTED_TEXT("an expected text", true),
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
      return this == GUIDE || this == PARAM_DEFAULT || this == VALUE_PATTERN || this == SECRET_ENV;
    }
  }

  static List<TextUse> of(Drill drill) {
    List<TextUse> uses = new ArrayList<>();
    for (DrillItem item : drill.items()) {
      collect(item, uses);
    }
    return uses;
  }

  private static void collect(DrillItem item, List<TextUse> uses) {
    if (item instanceof Attribute) {
      Attribute a = (Attribute) item;
      Usage usage = attributeUsage(a.key());
      if (a.value() instanceof Text) {
        uses.add(new TextUse((Text) a.value(), usage));
      } else if (a.value() instanceof TextList) {
        ((TextList) a.value()).texts().forEach(t -> uses.add(new TextUse(t, usage)));
      }
    } else if (item instanceof DrillItem.ParamDecl) {
      DrillItem.ParamDecl param = (DrillItem.ParamDecl) item;
      param.defaultValue().ifPresent(t -> uses.add(new TextUse(t, Usage.PARAM_DEFAULT)));
      param.pattern().ifPresent(t -> uses.add(new TextUse(t, Usage.VALUE_PATTERN)));
    } else if (item instanceof DrillItem.SecretDecl) {
      DrillItem.SecretDecl secret = (DrillItem.SecretDecl) item;
      uses.add(new TextUse(secret.env(), Usage.SECRET_ENV));
      secret.pattern().ifPresent(t -> uses.add(new TextUse(t, Usage.VALUE_PATTERN)));
    } else if (item instanceof DrillItem.RolesBlock) {
      ((DrillItem.RolesBlock) item).roles().forEach(
          r -> r.description().ifPresent(t -> uses.add(new TextUse(t, Usage.ROLE_DESCRIPTION))));
    } else if (item instanceof DrillItem.SetupBlock) {
      ((DrillItem.SetupBlock) item).actions().forEach(a -> action(a, uses));
    } else if (item instanceof DrillItem.TeardownBlock) {
      ((DrillItem.TeardownBlock) item).actions().forEach(a -> action(a, uses));
    } else if (item instanceof DrillItem.SteadyBlock) {
      for (DrillItem.Check check : ((DrillItem.SteadyBlock) item).checks()) {
        check.title().ifPresent(t -> uses.add(new TextUse(t, Usage.TITLE)));
        probe(check.probe(), uses);
      }
    } else if (item instanceof DrillItem.InjectBlock) {
      DrillItem.InjectBlock inject = (DrillItem.InjectBlock) item;
      inject.title().ifPresent(t -> uses.add(new TextUse(t, Usage.TITLE)));
      inject.actions().forEach(a -> action(a, uses));
      inject.undos().forEach(u -> action(u.action(), uses));
    } else if (item instanceof DrillItem.DetectBlock) {
      for (DrillItem.Signal signal : ((DrillItem.DetectBlock) item).signals()) {
        signal.title().ifPresent(t -> uses.add(new TextUse(t, Usage.TITLE)));
        probe(signal.probe(), uses);
      }
    } else if (item instanceof DrillItem.RecoverBlock) {
      for (Step step : ((DrillItem.RecoverBlock) item).steps()) {
        step.title().ifPresent(t -> uses.add(new TextUse(t, Usage.TITLE)));
        step.actions().forEach(a -> action(a, uses));
        step.verifies().forEach(v -> probe(v.probe(), uses));
      }
    } else if (item instanceof DrillItem.CommsBlock) {
      ((DrillItem.CommsBlock) item).duties().forEach(d -> uses.add(new TextUse(d.audience(), Usage.AUDIENCE)));
    } else if (item instanceof DrillItem.AbortBlock) {
      ((DrillItem.AbortBlock) item).conditions().forEach(p -> probe(p, uses));
    } else if (item instanceof DrillItem.DebriefBlock) {
      ((DrillItem.DebriefBlock) item).questions().forEach(q -> uses.add(new TextUse(q.question(), Usage.QUESTION)));
    }
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

  private static void action(Action action, List<TextUse> uses) {
    if (action instanceof Action.Run) {
      uses.add(new TextUse(((Action.Run) action).command(), Usage.COMMAND));
    } else if (action instanceof Action.Http) {
      Action.Http http = (Action.Http) action;
      uses.add(new TextUse(http.url(), Usage.URL));
      http.options().forEach(o -> httpOption(o, uses));
    } else if (action instanceof Action.Manual) {
      uses.add(new TextUse(((Action.Manual) action).instruction(), Usage.MANUAL));
    }
  }

  private static void httpOption(HttpOption option, List<TextUse> uses) {
    if (option instanceof HttpOption.Header) {
      HttpOption.Header header = (HttpOption.Header) option;
      uses.add(new TextUse(header.name(), Usage.HEADER_NAME));
      uses.add(new TextUse(header.value(), Usage.HEADER_VALUE));
    } else {
      uses.add(new TextUse(((HttpOption.Body) option).body(), Usage.BODY));
    }
  }

  private static void probe(ProbeSpec spec, List<TextUse> uses) {
    Probe probe = spec.probe();
    if (probe instanceof Probe.Http) {
      Probe.Http http = (Probe.Http) probe;
      uses.add(new TextUse(http.url(), Usage.URL));
      http.options().forEach(o -> httpOption(o, uses));
      http.bodyExpectations().forEach(t -> uses.add(new TextUse(t, Usage.EXPECTED_TEXT)));
    } else if (probe instanceof Probe.Command) {
      Probe.Command command = (Probe.Command) probe;
      uses.add(new TextUse(command.command(), Usage.COMMAND));
      command.outputExpectations().forEach(t -> uses.add(new TextUse(t, Usage.EXPECTED_TEXT)));
    } else if (probe instanceof Probe.PrometheusQuery) {
      Probe.PrometheusQuery query = (Probe.PrometheusQuery) probe;
      uses.add(new TextUse(query.query(), Usage.QUERY));
      query.server().ifPresent(t -> uses.add(new TextUse(t, Usage.SERVER)));
    } else if (probe instanceof Probe.PrometheusAlert) {
      Probe.PrometheusAlert alert = (Probe.PrometheusAlert) probe;
      uses.add(new TextUse(alert.alert(), Usage.ALERT));
      alert.server().ifPresent(t -> uses.add(new TextUse(t, Usage.SERVER)));
    } else if (probe instanceof Probe.Log) {
      Probe.Log log = (Probe.Log) probe;
      uses.add(new TextUse(log.path(), Usage.LOG_PATH));
      uses.add(new TextUse(log.pattern(), Usage.PATTERN));
    } else if (probe instanceof Probe.Manual) {
      uses.add(new TextUse(((Probe.Manual) probe).question(), Usage.MANUAL));
    }
  }
}
