package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.AttributeValue;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.DurationValue;
import dev.drill.compiler.ast.Import;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.ast.TemplateCall;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.ast.TextList;
import dev.drill.compiler.syntax.DirectTokens.Kind;
import dev.drill.plan.Phase.DetectMode;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a well-formed file straight to its AST, by recursive descent over {@link DirectTokens}:
 * no parse tree, no error recovery. It gives up at the first token that does not fit, and
 * the ANTLR pass then says exactly what is wrong, as it alone reports errors. Most files a
 * library holds are well-formed, and this is several times faster than ANTLR's parser.
 *
 * <p>Each method follows one rule of DrillParser.g4, which stays the language's definition;
 * {@code DirectParserProperties} holds the two to the same AST, span for span, or to both finding
 * the file malformed.
 */
final class DirectParser {

  /** The file is not well-formed (or not plainly so): the ANTLR pass takes over. */
  static final class NotPlain extends RuntimeException {
    static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  private final DirectCursor in;
  private final DirectProbes probes;

  private DirectParser(DirectTokens tokens) {
    this.in = new DirectCursor(tokens);
    this.probes = new DirectProbes(in);
  }

  /** The AST of a well-formed file; empty when anything in it would be reported. */
  static Optional<DrillFile> parse(String file, String text) {
    try {
      return Optional.of(new DirectParser(DirectTokens.of(file, text)).file());
    } catch (NotPlain malformed) {
      return Optional.empty();
    }
  }

  // file : (importDecl | template | drill)* EOF;
  private DrillFile file() {
    List<Import> imports = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    List<Drill> drills = new ArrayList<>();
    while (true) {
      int start = in.position();
      switch (in.kind()) {
        case IMPORT -> {
          in.advance();
          Text path = in.text();
          imports.add(new Import(in.span(start), path));
        }
        case TEMPLATE -> templates.add(template());
        case DRILL -> drills.add(drill());
        case EOF -> {
          return new DrillFile(in.spanOfFile(), imports, templates, drills);
        }
        default -> throw NotPlain.INSTANCE;
      }
    }
  }

  private Template template() {
    int start = in.advance();
    Name name = in.name();
    in.expect(Kind.LPAREN);
    List<Template.Parameter> parameters = new ArrayList<>();
    if (in.kind() != Kind.RPAREN) {
      do {
        int parameter = in.position();
        Name parameterName = in.name();
        Optional<Text> value = in.accept(Kind.ASSIGN) ? Optional.of(in.text()) : Optional.empty();
        parameters.add(new Template.Parameter(in.span(parameter), parameterName, value));
      } while (in.accept(Kind.COMMA));
    }
    in.expect(Kind.RPAREN);
    Optional<TemplateCall> from = in.accept(Kind.FROM) ? Optional.of(call()) : Optional.empty();
    List<DrillItem> items = body();
    return new Template(in.span(start), name, parameters, from, items);
  }

  private Drill drill() {
    int start = in.advance();
    Name name = in.name();
    Optional<TemplateCall> from = in.accept(Kind.FROM) ? Optional.of(call()) : Optional.empty();
    List<DrillItem> items = body();
    return new Drill(in.span(start), name, from, items);
  }

  private TemplateCall call() {
    int start = in.position();
    Name template = in.name();
    in.expect(Kind.LPAREN);
    List<TemplateCall.Argument> arguments = new ArrayList<>();
    if (in.kind() != Kind.RPAREN) {
      do {
        int argument = in.position();
        Name name = in.name();
        in.expect(Kind.ASSIGN);
        Text value = in.text();
        arguments.add(new TemplateCall.Argument(in.span(argument), name, value));
      } while (in.accept(Kind.COMMA));
    }
    in.expect(Kind.RPAREN);
    return new TemplateCall(in.span(start), template, arguments);
  }

  private List<DrillItem> body() {
    in.expect(Kind.LBRACE);
    List<DrillItem> items = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      items.add(item());
    }
    return items;
  }

  private DrillItem item() {
    int start = in.position();
    Kind keyword = in.kind();
    in.advance();
    return switch (keyword) {
      case TITLE -> attribute(start, Attribute.Key.TITLE, in.text());
      case SUMMARY -> attribute(start, Attribute.Key.SUMMARY, in.text());
      case OWNER -> attribute(start, Attribute.Key.OWNER, in.text());
      case GUIDE -> attribute(start, Attribute.Key.GUIDE, in.text());
      case KIND -> attribute(start, Attribute.Key.KIND, in.nameValue());
      case ENVIRONMENT -> attribute(start, Attribute.Key.ENVIRONMENT, in.nameValue());
      case TIMEBOX -> attribute(start, Attribute.Key.TIMEBOX, in.duration());
      case CADENCE -> attribute(start, Attribute.Key.CADENCE, in.duration());
      case RERUN -> attribute(start, Attribute.Key.RERUN, in.duration());
      case TAGS -> {
        int first = in.position();
        List<Text> tags = new ArrayList<>();
        do {
          tags.add(in.text());
        } while (in.accept(Kind.COMMA));
        yield attribute(start, Attribute.Key.TAGS, new TextList(in.span(first), tags));
      }
      case PARAM -> param(start);
      case SECRET -> {
        Name name = in.name();
        in.expect(Kind.ASSIGN);
        in.expect(Kind.ENV);
        Text env = in.text();
        Optional<Text> pattern = in.accept(Kind.MATCHES) ? Optional.of(in.text()) : Optional.empty();
        yield new DrillItem.SecretDecl(in.span(start), name, env, pattern);
      }
      case ROLES -> {
        in.expect(Kind.LBRACE);
        List<DrillItem.RoleDecl> roles = new ArrayList<>();
        while (!in.accept(Kind.RBRACE)) {
          int role = in.position();
          Name name = in.name();
          Optional<Text> description = in.optionalText();
          roles.add(new DrillItem.RoleDecl(in.span(role), name, description));
        }
        yield new DrillItem.RolesBlock(in.span(start), roles);
      }
      case SETUP -> {
        List<Action> actions = actionBlock();
        yield new DrillItem.SetupBlock(in.span(start), actions);
      }
      case TEARDOWN -> {
        List<Action> actions = actionBlock();
        yield new DrillItem.TeardownBlock(in.span(start), actions);
      }
      case STEADY -> {
        in.expect(Kind.LBRACE);
        List<DrillItem.Check> checks = new ArrayList<>();
        while (!in.accept(Kind.RBRACE)) {
          int check = in.position();
          in.expect(Kind.CHECK);
          Name id = in.name();
          Optional<Text> title = in.optionalText();
          ProbeSpec probe = probes.bracedProbe();
          checks.add(new DrillItem.Check(in.span(check), id, title, probe));
        }
        yield new DrillItem.SteadyBlock(in.span(start), checks);
      }
      case INJECT -> inject(start);
      case DETECT -> detect(start);
      case RECOVER -> recover(start);
      case COMMS -> comms(start);
      case ABORT -> {
        in.expect(Kind.WHEN);
        in.expect(Kind.LBRACE);
        List<ProbeSpec> conditions = new ArrayList<>();
        while (!in.accept(Kind.RBRACE)) {
          conditions.add(probes.probeSpec());
        }
        yield new DrillItem.AbortBlock(in.span(start), conditions);
      }
      case DEBRIEF -> {
        in.expect(Kind.LBRACE);
        List<DrillItem.Ask> questions = new ArrayList<>();
        while (!in.accept(Kind.RBRACE)) {
          int ask = in.position();
          in.expect(Kind.ASK);
          Text question = in.text();
          questions.add(new DrillItem.Ask(in.span(ask), question));
        }
        yield new DrillItem.DebriefBlock(in.span(start), questions);
      }
      default -> throw NotPlain.INSTANCE;
    };
  }

  private Attribute attribute(int start, Attribute.Key key, AttributeValue value) {
    return new Attribute(in.span(start), key, value);
  }

  // paramDecl : PARAM name (ASSIGN (value=text | ENV env=text (DEFAULT fallback=text)?))? (MATCHES pattern=text)?;
  private DrillItem.ParamDecl param(int start) {
    Name name = in.name();
    Optional<Text> value = Optional.empty();
    Optional<Text> env = Optional.empty();
    if (in.accept(Kind.ASSIGN)) {
      if (in.accept(Kind.ENV)) {
        env = Optional.of(in.text());
        value = in.accept(Kind.DEFAULT) ? Optional.of(in.text()) : Optional.empty();
      } else {
        value = Optional.of(in.text());
      }
    }
    Optional<Text> pattern = in.accept(Kind.MATCHES) ? Optional.of(in.text()) : Optional.empty();
    return new DrillItem.ParamDecl(in.span(start), name, value, pattern, env);
  }

  private List<Action> actionBlock() {
    in.expect(Kind.LBRACE);
    List<Action> actions = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      actions.add(probes.action());
    }
    return actions;
  }

  // injectBlock : INJECT name text? background+=BACKGROUND* LBRACE injectItem* RBRACE;
  private DrillItem.InjectBlock inject(int start) {
    Name id = in.name();
    Optional<Text> title = in.optionalText();
    List<SourceSpan> background = new ArrayList<>();
    while (in.kind() == Kind.BACKGROUND) {
      background.add(in.tokenSpan(in.advance()));
    }
    in.expect(Kind.LBRACE);
    List<Action> actions = new ArrayList<>();
    List<DrillItem.Undo> undos = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      if (in.kind() == Kind.UNDO) {
        int undo = in.advance();
        Action action;
        if (in.kind() == Kind.STRING) {
          int command = in.position();
          action = new Action.Run(in.tokenSpan(command), in.text(), Optional.empty(), Optional.empty());
        } else {
          action = probes.action();
        }
        undos.add(new DrillItem.Undo(in.span(undo), action));
      } else {
        actions.add(probes.action());
      }
    }
    return new DrillItem.InjectBlock(in.span(start), id, title, background, actions, undos);
  }

  // detectBlock : DETECT quantifier=(ALL | ANY)? WITHIN duration LBRACE signal* RBRACE;
  private DrillItem.DetectBlock detect(int start) {
    DetectMode mode = DetectMode.ALL;
    if (in.accept(Kind.ANY)) {
      mode = DetectMode.ANY;
    } else {
      in.accept(Kind.ALL);
    }
    in.expect(Kind.WITHIN);
    DurationValue within = in.duration();
    in.expect(Kind.LBRACE);
    List<DrillItem.Signal> signals = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      int signal = in.position();
      in.expect(Kind.SIGNAL);
      Name id = in.name();
      Optional<Text> title = in.optionalText();
      ProbeSpec probe = probes.bracedProbe();
      signals.add(new DrillItem.Signal(in.span(signal), id, title, probe));
    }
    return new DrillItem.DetectBlock(in.span(start), mode, within, signals);
  }

  // recoverBlock : RECOVER (WITHIN duration)? LBRACE step* RBRACE;
  private DrillItem.RecoverBlock recover(int start) {
    Optional<DurationValue> within = in.accept(Kind.WITHIN) ? Optional.of(in.duration()) : Optional.empty();
    in.expect(Kind.LBRACE);
    List<Step> steps = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      steps.add(step());
    }
    return new DrillItem.RecoverBlock(in.span(start), within, steps);
  }

  // step : STEP name text? stepClause* LBRACE stepItem* RBRACE;
  private Step step() {
    int start = in.position();
    in.expect(Kind.STEP);
    Name id = in.name();
    Optional<Text> title = in.optionalText();
    List<Step.Clause> clauses = new ArrayList<>();
    while (in.kind() == Kind.BY || in.kind() == Kind.WITHIN || in.kind() == Kind.AFTER) {
      int clause = in.position();
      Kind keyword = in.kind(in.advance());
      if (keyword == Kind.BY) {
        Name role = in.name();
        clauses.add(new Step.By(in.span(clause), role));
      } else if (keyword == Kind.WITHIN) {
        DurationValue budget = in.duration();
        clauses.add(new Step.Within(in.span(clause), budget));
      } else {
        List<Name> after = new ArrayList<>();
        do {
          after.add(in.name());
        } while (in.accept(Kind.COMMA));
        clauses.add(new Step.After(in.span(clause), after));
      }
    }
    in.expect(Kind.LBRACE);
    List<Action> actions = new ArrayList<>();
    List<Step.Verify> verifies = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      if (in.kind() == Kind.VERIFY) {
        int verify = in.advance();
        ProbeSpec probe = probes.bracedProbe();
        Optional<DurationValue> within = in.accept(Kind.WITHIN) ? Optional.of(in.duration()) : Optional.empty();
        verifies.add(new Step.Verify(in.span(verify), probe, within));
      } else {
        actions.add(probes.action());
      }
    }
    return new Step(in.span(start), id, title, clauses, actions, verifies);
  }

  // commsBlock : COMMS LBRACE commsDuty* RBRACE;
  private DrillItem.CommsBlock comms(int start) {
    in.expect(Kind.LBRACE);
    List<DrillItem.CommsDuty> duties = new ArrayList<>();
    while (!in.accept(Kind.RBRACE)) {
      int duty = in.position();
      if (in.accept(Kind.UPDATE)) {
        Text audience = in.text();
        in.expect(Kind.EVERY);
        DurationValue every = in.duration();
        in.expect(Kind.BY);
        Name role = in.name();
        duties.add(new DrillItem.Update(in.span(duty), audience, every, role));
      } else {
        in.expect(Kind.NOTIFY);
        Text audience = in.text();
        in.expect(Kind.WITHIN);
        DurationValue within = in.duration();
        in.expect(Kind.BY);
        Name role = in.name();
        duties.add(new DrillItem.Notify(in.span(duty), audience, within, role));
      }
    }
    return new DrillItem.CommsBlock(in.span(start), duties);
  }


}
