package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.AttributeValue;
import dev.drill.compiler.ast.Comparison;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.NumberCheck;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Durations;
import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.Import;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.NameValue;
import dev.drill.compiler.ast.NumberValue;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.ast.TemplateCall;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import dev.drill.grammar.DrillParser;
import dev.drill.grammar.DrillParser.ActionContext;
import dev.drill.grammar.DrillParser.CommandExpectContext;
import dev.drill.grammar.DrillParser.ComparatorContext;
import dev.drill.grammar.DrillParser.CommsDutyContext;
import dev.drill.grammar.DrillParser.DrillItemContext;
import dev.drill.grammar.DrillParser.HttpExpectContext;
import dev.drill.grammar.DrillParser.HttpOptionContext;
import dev.drill.grammar.DrillParser.MetadataContext;
import dev.drill.grammar.DrillParser.ProbeContext;
import dev.drill.grammar.DrillParser.ProbeOptionContext;
import dev.drill.grammar.DrillParser.StepClauseContext;
import dev.drill.grammar.DrillParser.TextContext;
import dev.drill.plan.Comparator;
import dev.drill.plan.Phase.DetectMode;
import dev.drill.plan.SourceSpan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds the AST from a parse tree that has no syntax errors. The only class that sees
 * parse-tree types; a rule without a case here fails loudly instead of being dropped.
 */
final class AstBuilder {

  private final String file;
  private final Map<Integer, Text> texts;

  AstBuilder(String file, Map<Integer, Text> texts) {
    this.file = file;
    this.texts = texts;
  }

  DrillFile file(DrillParser.FileContext ctx) {
    return new DrillFile(span(ctx),
        map(ctx.importDecl(), i -> new Import(span(i), text(i.text()))),
        map(ctx.template(), this::template),
        map(ctx.drill(), this::drill));
  }

  private Drill drill(DrillParser.DrillContext ctx) {
    return new Drill(span(ctx), name(ctx.name()), Optional.ofNullable(ctx.templateCall()).map(this::call),
        map(ctx.drillItem(), this::item));
  }

  private Template template(DrillParser.TemplateContext ctx) {
    return new Template(span(ctx), name(ctx.name()),
        map(ctx.templateParam(), p -> new Template.Parameter(span(p), name(p.name()), optionalText(p.text()))),
        Optional.ofNullable(ctx.templateCall()).map(this::call),
        map(ctx.drillItem(), this::item));
  }

  private TemplateCall call(DrillParser.TemplateCallContext ctx) {
    return new TemplateCall(span(ctx), name(ctx.name()), map(ctx.argument(),
        a -> new TemplateCall.Argument(span(a), name(a.name()), text(a.text()))));
  }

  private DrillItem item(DrillItemContext ctx) {
    if (ctx.metadata() != null) return attribute(ctx.metadata());
    if (ctx.paramDecl() != null) {
      DrillParser.ParamDeclContext p = ctx.paramDecl();
      Optional<Text> fallback = p.env != null ? optionalText(p.fallback) : optionalText(p.value);
      return new DrillItem.ParamDecl(span(p), name(p.name()), fallback, optionalText(p.pattern), optionalText(p.env));
    }
    if (ctx.secretDecl() != null) {
      DrillParser.SecretDeclContext s = ctx.secretDecl();
      return new DrillItem.SecretDecl(span(s), name(s.name()), text(s.env), optionalText(s.pattern));
    }
    if (ctx.rolesBlock() != null) {
      return new DrillItem.RolesBlock(span(ctx.rolesBlock()), map(ctx.rolesBlock().roleDecl(),
          r -> new DrillItem.RoleDecl(span(r), name(r.name()), optionalText(r.text()))));
    }
    if (ctx.setupBlock() != null) {
      return new DrillItem.SetupBlock(span(ctx.setupBlock()), map(ctx.setupBlock().action(), this::action));
    }
    if (ctx.teardownBlock() != null) {
      return new DrillItem.TeardownBlock(
          span(ctx.teardownBlock()), map(ctx.teardownBlock().action(), this::action));
    }
    if (ctx.steadyBlock() != null) {
      return new DrillItem.SteadyBlock(span(ctx.steadyBlock()), map(ctx.steadyBlock().check(),
          c -> new DrillItem.Check(span(c), name(c.name()), optionalText(c.text()), probeSpec(c.probeSpec()))));
    }
    if (ctx.injectBlock() != null) return inject(ctx.injectBlock());
    if (ctx.detectBlock() != null) return detect(ctx.detectBlock());
    if (ctx.recoverBlock() != null) return recover(ctx.recoverBlock());
    if (ctx.commsBlock() != null) {
      return new DrillItem.CommsBlock(span(ctx.commsBlock()), map(ctx.commsBlock().commsDuty(), this::duty));
    }
    if (ctx.abortBlock() != null) {
      return new DrillItem.AbortBlock(span(ctx.abortBlock()), map(ctx.abortBlock().probeSpec(), this::probeSpec));
    }
    if (ctx.debriefBlock() != null) {
      return new DrillItem.DebriefBlock(span(ctx.debriefBlock()), map(ctx.debriefBlock().ask(),
          a -> new DrillItem.Ask(span(a), text(a.text()))));
    }
    throw unhandled(ctx);
  }

  private Attribute attribute(MetadataContext ctx) {
    if (ctx instanceof DrillParser.TitleAttrContext title) {
      return attribute(ctx, Attribute.Key.TITLE, text(title.text()));
    }
    if (ctx instanceof DrillParser.SummaryAttrContext summary) {
      return attribute(ctx, Attribute.Key.SUMMARY, text(summary.text()));
    }
    if (ctx instanceof DrillParser.OwnerAttrContext owner) {
      return attribute(ctx, Attribute.Key.OWNER, text(owner.text()));
    }
    if (ctx instanceof DrillParser.KindAttrContext kind) {
      return attribute(ctx, Attribute.Key.KIND, nameValue(kind.name()));
    }
    if (ctx instanceof DrillParser.TagsAttrContext tags) {
      SourceSpan valueSpan = span(tags.text(0)).to(span(tags.text(tags.text().size() - 1)));
      return attribute(ctx, Attribute.Key.TAGS, new TextList(valueSpan, map(tags.text(), this::text)));
    }
    if (ctx instanceof DrillParser.EnvironmentAttrContext environment) {
      return attribute(ctx, Attribute.Key.ENVIRONMENT, nameValue(environment.name()));
    }
    if (ctx instanceof DrillParser.TimeboxAttrContext timebox) {
      return attribute(ctx, Attribute.Key.TIMEBOX, duration(timebox.duration()));
    }
    if (ctx instanceof DrillParser.CadenceAttrContext cadence) {
      return attribute(ctx, Attribute.Key.CADENCE, duration(cadence.duration()));
    }
    if (ctx instanceof DrillParser.RerunAttrContext rerun) {
      return attribute(ctx, Attribute.Key.RERUN, duration(rerun.duration()));
    }
    if (ctx instanceof DrillParser.GuideAttrContext guide) {
      return attribute(ctx, Attribute.Key.GUIDE, text(guide.text()));
    }
    throw unhandled(ctx);
  }

  private Attribute attribute(ParserRuleContext ctx, Attribute.Key key, AttributeValue value) {
    return new Attribute(span(ctx), key, value);
  }

  private DrillItem.InjectBlock inject(DrillParser.InjectBlockContext ctx) {
    List<Action> actions = new ArrayList<>();
    List<DrillItem.Undo> undos = new ArrayList<>();
    for (DrillParser.InjectItemContext item : ctx.injectItem()) {
      if (item.action() != null) {
        actions.add(action(item.action()));
      } else {
        DrillParser.UndoContext undo = item.undo();
        Action undoAction = undo.text() != null
            ? new Action.Run(span(undo.text()), text(undo.text()), Optional.empty(), Optional.empty())
            : action(undo.action());
        undos.add(new DrillItem.Undo(span(undo), undoAction));
      }
    }
    return new DrillItem.InjectBlock(span(ctx), name(ctx.name()), optionalText(ctx.text()),
        map(ctx.background, this::tokenSpan), actions, undos);
  }

  private DrillItem.DetectBlock detect(DrillParser.DetectBlockContext ctx) {
    DetectMode mode = ctx.quantifier != null && ctx.quantifier.getType() == DrillParser.ANY
        ? DetectMode.ANY
        : DetectMode.ALL;
    return new DrillItem.DetectBlock(span(ctx), mode, duration(ctx.duration()), map(ctx.signal(),
        s -> new DrillItem.Signal(span(s), name(s.name()), optionalText(s.text()), probeSpec(s.probeSpec()))));
  }

  private DrillItem.RecoverBlock recover(DrillParser.RecoverBlockContext ctx) {
    return new DrillItem.RecoverBlock(span(ctx),
        Optional.ofNullable(ctx.duration()).map(this::duration), map(ctx.step(), this::step));
  }

  private Step step(DrillParser.StepContext ctx) {
    List<Action> actions = new ArrayList<>();
    List<Step.Verify> verifies = new ArrayList<>();
    for (DrillParser.StepItemContext item : ctx.stepItem()) {
      if (item.action() != null) {
        actions.add(action(item.action()));
      } else {
        DrillParser.VerifyContext v = item.verify();
        verifies.add(new Step.Verify(span(v), probeSpec(v.probeSpec()),
            Optional.ofNullable(v.duration()).map(this::duration)));
      }
    }
    return new Step(span(ctx), name(ctx.name()), optionalText(ctx.text()),
        map(ctx.stepClause(), this::clause), actions, verifies);
  }

  private Step.Clause clause(StepClauseContext ctx) {
    if (ctx instanceof DrillParser.ByClauseContext by) {
      return new Step.By(span(ctx), name(by.name()));
    }
    if (ctx instanceof DrillParser.WithinClauseContext within) {
      return new Step.Within(span(ctx), duration(within.duration()));
    }
    if (ctx instanceof DrillParser.AfterClauseContext after) {
      return new Step.After(span(ctx), map(after.name(), this::name));
    }
    throw unhandled(ctx);
  }

  private DrillItem.CommsDuty duty(CommsDutyContext ctx) {
    if (ctx instanceof DrillParser.UpdateDutyContext u) {
      return new DrillItem.Update(span(u), text(u.text()), duration(u.duration()), name(u.name()));
    }
    if (ctx instanceof DrillParser.NotifyDutyContext n) {
      return new DrillItem.Notify(span(n), text(n.text()), duration(n.duration()), name(n.name()));
    }
    throw unhandled(ctx);
  }

  private Action action(ActionContext ctx) {
    if (ctx instanceof DrillParser.RunActionContext run) {
      return new Action.Run(span(run), text(run.text()), Optional.ofNullable(run.duration()).map(this::duration),
          Optional.ofNullable(run.numberCheck()).map(this::numberCheck));
    }
    if (ctx instanceof DrillParser.HttpActionContext http) {
      return new Action.Http(span(http), name(http.name()), text(http.text()),
          map(http.httpOption(), this::httpOption),
          Optional.ofNullable(http.numberCheck()).map(this::numberCheck),
          Optional.ofNullable(http.duration()).map(this::duration));
    }
    if (ctx instanceof DrillParser.ManualActionContext manual) {
      return new Action.Manual(span(ctx), text(manual.text()));
    }
    if (ctx instanceof DrillParser.WaitActionContext wait) {
      return new Action.Wait(span(ctx), duration(wait.duration()));
    }
    throw unhandled(ctx);
  }

  private HttpOption httpOption(HttpOptionContext ctx) {
    if (ctx instanceof DrillParser.HeaderOptionContext h) {
      return new HttpOption.Header(span(h), text(h.text(0)), text(h.text(1)));
    }
    if (ctx instanceof DrillParser.BodyOptionContext body) {
      return new HttpOption.Body(span(ctx), text(body.text()));
    }
    throw unhandled(ctx);
  }

  private ProbeSpec probeSpec(DrillParser.ProbeSpecContext ctx) {
    return new ProbeSpec(span(ctx), probe(ctx.probe()), map(ctx.probeOption(), this::probeOption));
  }

  private ProbeSpec.Option probeOption(ProbeOptionContext ctx) {
    ProbeSpec.OptionKind kind;
    DrillParser.DurationContext duration;
    if (ctx instanceof DrillParser.EveryOptionContext every) {
      kind = ProbeSpec.OptionKind.EVERY;
      duration = every.duration();
    } else if (ctx instanceof DrillParser.TimeoutOptionContext timeout) {
      kind = ProbeSpec.OptionKind.TIMEOUT;
      duration = timeout.duration();
    } else if (ctx instanceof DrillParser.ForOptionContext forOption) {
      kind = ProbeSpec.OptionKind.FOR;
      duration = forOption.duration();
    } else {
      throw unhandled(ctx);
    }
    return new ProbeSpec.Option(span(ctx), kind, duration(duration));
  }

  private Probe probe(ProbeContext ctx) {
    if (ctx instanceof DrillParser.HttpProbeContext http) {
      List<NumberCheck> statuses = new ArrayList<>();
      List<Text> bodies = new ArrayList<>();
      List<Text> patterns = new ArrayList<>();
      List<JsonCheck> jsons = new ArrayList<>();
      for (HttpExpectContext e : http.httpExpect()) {
        if (e instanceof DrillParser.StatusExpectContext status) {
          statuses.add(numberCheck(status.numberCheck()));
        } else if (e instanceof DrillParser.BodyExpectContext body) {
          bodies.add(text(body.text()));
        } else if (e instanceof DrillParser.BodyMatchesExpectContext matches) {
          patterns.add(text(matches.text()));
        } else if (e instanceof DrillParser.BodyJsonExpectContext json) {
          jsons.add(jsonCheck(json.jsonCheck()));
        } else {
          throw unhandled(e);
        }
      }
      return new Probe.Http(span(http), name(http.name()), text(http.text()),
          map(http.httpOption(), this::httpOption), statuses, bodies, patterns, jsons);
    }
    if (ctx instanceof DrillParser.CommandProbeContext command) {
      List<NumberCheck> exits = new ArrayList<>();
      List<Text> outputs = new ArrayList<>();
      List<Text> patterns = new ArrayList<>();
      List<JsonCheck> jsons = new ArrayList<>();
      for (CommandExpectContext e : command.commandExpect()) {
        if (e instanceof DrillParser.ExitExpectContext exit) {
          exits.add(numberCheck(exit.numberCheck()));
        } else if (e instanceof DrillParser.OutputExpectContext output) {
          outputs.add(text(output.text()));
        } else if (e instanceof DrillParser.OutputMatchesExpectContext matches) {
          patterns.add(text(matches.text()));
        } else if (e instanceof DrillParser.OutputJsonExpectContext json) {
          jsons.add(jsonCheck(json.jsonCheck()));
        } else {
          throw unhandled(e);
        }
      }
      return new Probe.Command(span(command), text(command.text()), exits, outputs, patterns, jsons);
    }
    if (ctx instanceof DrillParser.PrometheusQueryProbeContext q) {
      Optional<Text> server = q.AT() != null ? Optional.of(text(q.text(1))) : Optional.empty();
      SourceSpan expectSpan = spanOf(q.comparator().start, q.number().stop);
      return new Probe.PrometheusQuery(span(q), text(q.text(0)), server,
          new Comparison(expectSpan, comparator(q.comparator()), number(q.number())));
    }
    if (ctx instanceof DrillParser.PrometheusAlertProbeContext a) {
      Optional<Text> server = a.AT() != null ? Optional.of(text(a.text(1))) : Optional.empty();
      return new Probe.PrometheusAlert(span(a), text(a.text(0)), server);
    }
    if (ctx instanceof DrillParser.LogProbeContext log) {
      return new Probe.Log(span(log), text(log.text(0)), text(log.text(1)));
    }
    if (ctx instanceof DrillParser.ManualProbeContext manual) {
      return new Probe.Manual(span(ctx), text(manual.text()));
    }
    throw unhandled(ctx);
  }

  private NumberCheck numberCheck(DrillParser.NumberCheckContext ctx) {
    if (ctx instanceof DrillParser.CompareCheckContext compare) {
      return new Comparison(span(compare), compare.comparator() != null ? comparator(compare.comparator())
          : Comparator.EQ, number(compare.number()));
    }
    if (ctx instanceof DrillParser.SetCheckContext set) {
      return new NumberCheck.OneOf(span(set), map(set.number(), this::number));
    }
    if (ctx instanceof DrillParser.RangeCheckContext range) {
      return new NumberCheck.Between(span(range), number(range.number(0)), number(range.number(1)));
    }
    throw unhandled(ctx);
  }

  private JsonCheck jsonCheck(DrillParser.JsonCheckContext ctx) {
    return new JsonCheck(span(ctx), text(ctx.path), Optional.ofNullable(ctx.number()).map(this::number),
        optionalText(ctx.value));
  }

  private static Comparator comparator(ComparatorContext ctx) {
    switch (ctx.start.getType()) {
      case DrillParser.EQ: return Comparator.EQ;
      case DrillParser.NE: return Comparator.NE;
      case DrillParser.LT: return Comparator.LT;
      case DrillParser.LE: return Comparator.LE;
      case DrillParser.GT: return Comparator.GT;
      case DrillParser.GE: return Comparator.GE;
      default: throw unhandled(ctx);
    }
  }

  private NumberValue number(DrillParser.NumberContext ctx) {
    return new NumberValue(span(ctx), new BigDecimal(ctx.getText()));
  }

  private DurationValue duration(DrillParser.DurationContext ctx) {
    String text = ctx.getText();
    // Malformed durations were reported by the TokenScanner and stop compilation.
    Duration value = Durations.parse(text).orElse(Duration.ZERO);
    return new DurationValue(span(ctx), value, text);
  }

  private Name name(DrillParser.NameContext ctx) {
    return new Name(span(ctx), ctx.getText());
  }

  private NameValue nameValue(DrillParser.NameContext ctx) {
    return new NameValue(span(ctx), ctx.getText());
  }

  private Text text(TextContext ctx) {
    Text text = texts.get(ctx.start.getTokenIndex());
    if (text == null) {
      throw new IllegalStateException("string token was not decoded at " + span(ctx));
    }
    return text;
  }

  private Optional<Text> optionalText(TextContext ctx) {
    return Optional.ofNullable(ctx).map(this::text);
  }

  private SourceSpan span(ParserRuleContext ctx) {
    return spanOf(ctx.start, ctx.stop != null ? ctx.stop : ctx.start);
  }

  private SourceSpan spanOf(Token start, Token stop) {
    SourceSpan first = tokenSpan(start);
    SourceSpan last = tokenSpan(stop);
    return first.to(last);
  }

  private SourceSpan tokenSpan(Token token) {
    if (token.getType() == Token.EOF) {
      return SourceSpan.at(file, token.getLine(), token.getCharPositionInLine() + 1);
    }
    return TextDecoder.span(file, token.getText(), token.getLine(), token.getCharPositionInLine() + 1);
  }

  private static <C, T> List<T> map(List<C> contexts, Function<C, T> build) {
    return contexts.stream().map(build).collect(Collectors.toList());
  }

  private static IllegalStateException unhandled(ParserRuleContext ctx) {
    return new IllegalStateException("no AST for rule " + ctx.getClass().getSimpleName());
  }
}
