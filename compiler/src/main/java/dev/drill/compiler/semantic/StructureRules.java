package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.JsonCheck;
import dev.drill.compiler.ast.NumberCheck;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.plan.DrillKind;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape of a drill: required and duplicate attributes, duplicate blocks and clauses,
 * the kind and what it requires, empty blocks.
 */
final class StructureRules {

  private static final Set<Class<? extends DrillItem>> SINGLE_BLOCKS = Set.of(
      DrillItem.RolesBlock.class, DrillItem.SetupBlock.class, DrillItem.TeardownBlock.class,
      DrillItem.SteadyBlock.class, DrillItem.DetectBlock.class, DrillItem.RecoverBlock.class,
      DrillItem.CommsBlock.class, DrillItem.AbortBlock.class, DrillItem.DebriefBlock.class);

  private static final List<String> KINDS = Arrays.stream(DrillKind.values()).map(DrillKind::keyword).toList();

  private final DrillParts parts;
  private final Drill drill;
  private final List<Diagnostic> out;

  private StructureRules(DrillParts parts, List<Diagnostic> out) {
    this.parts = parts;
    this.drill = parts.drill;
    this.out = out;
  }

  static void run(DrillParts parts, List<Diagnostic> out) {
    StructureRules rules = new StructureRules(parts, out);
    rules.attributes();
    rules.blocks();
    rules.kindRequirements();
    rules.emptyBlocks();
    rules.clauses();
  }

  private void attributes() {
    Map<Attribute.Key, Attribute> seen = new EnumMap<>(Attribute.Key.class);
    for (Attribute attribute : parts.attributes) {
      Attribute first = seen.putIfAbsent(attribute.key(), attribute);
      if (first != null) {
        out.add(Diagnostic.of(Code.D101, attribute.span(),
            "'" + attribute.key().keyword() + "' is given twice")
            .withRelated(first.span(), "first given here"));
      }
    }
    for (Attribute.Key required : List.of(Attribute.Key.TITLE, Attribute.Key.OWNER)) {
      if (!seen.containsKey(required)) {
        out.add(Diagnostic.of(Code.D102, drill.name().span(),
            "drill '" + drill.name().value() + "' has no '" + required.keyword() + "'",
            "add a line such as: " + required.keyword() + " \""
                + (required == Attribute.Key.TITLE ? "What goes wrong, in a few words" : "team-name") + "\""));
      }
    }
    drill.nameValue(Attribute.Key.KIND).ifPresent(kind -> {
      String value = kind.value();
      if (!KINDS.contains(value)) {
        List<String> hints = new ArrayList<>();
        NearMiss.hint(value, KINDS).ifPresent(hints::add);
        hints.add("a kind is technical, security, ics (incident command and communication only)"
            + " or experiment (unattended, no responders)");
        out.add(new Diagnostic(Code.D103, Code.D103.severity(), kind.span(),
            "unknown kind '" + value + "'", hints, Optional.empty()));
      }
    });
  }

  private void blocks() {
    Map<Class<?>, DrillItem> firsts = new HashMap<>();
    for (DrillItem item : drill.items()) {
      if (!SINGLE_BLOCKS.contains(item.getClass())) {
        continue;
      }
      DrillItem first = firsts.putIfAbsent(item.getClass(), item);
      if (first != null) {
        String keyword = keywordOf(item);
        out.add(Diagnostic.of(Code.D105, keywordSpan(item.span(), keyword),
            "a drill has one '" + keyword + "' block; this is the second",
            "merge the two blocks")
            .withRelated(first.span(), "the first '" + keyword + "' block"));
      }
    }
  }

  private void kindRequirements() {
    DrillKind kind = drill.kind();
    // An unknown kind is reported (D103); holding it to a technical drill's rules would only add noise.
    boolean unknownKind = drill.nameValue(Attribute.Key.KIND)
        .filter(k -> DrillKind.fromKeyword(k.value()).isEmpty())
        .isPresent();
    // An experiment has no responders: UnattendedRules forbids the phases these rules require.
    if (kind == DrillKind.ICS || kind == DrillKind.EXPERIMENT || unknownKind) {
      return;
    }
    String what = kind.keyword() + " drill '" + drill.name().value() + "'";
    if (drill.first(DrillItem.DetectBlock.class).isEmpty()) {
      out.add(Diagnostic.of(Code.D107, drill.name().span(), what + " has no 'detect' block",
          "say how responders should notice the fault: detect all within 5m { signal ... }",
          "a drill about people, not systems, is 'kind ics'"));
    }
    if (drill.first(DrillItem.RecoverBlock.class).isEmpty()) {
      out.add(Diagnostic.of(Code.D108, drill.name().span(), what + " has no 'recover' block",
          "write the recovery procedure: recover within 30m { step ... }",
          "a drill about people, not systems, is 'kind ics'"));
    }
    if (drill.first(DrillItem.InjectBlock.class).isEmpty()) {
      out.add(Diagnostic.of(Code.D110, drill.name().span(), what + " injects no fault",
          "add an 'inject' step, even a manual one, so the run knows when the fault starts"));
    }
  }

  private void emptyBlocks() {
    for (DrillItem item : drill.items()) {
      Optional<String> empty = item.accept(EMPTY);
      if (empty.isPresent()) {
        out.add(Diagnostic.of(Code.D109, keywordSpan(item.span(), keywordOf(item)), empty.get(),
            "fill the block or remove it"));
      }
      if (item instanceof DrillItem.RecoverBlock recover) {
        for (Step step : recover.steps()) {
          if (step.actions().isEmpty() && step.verifies().isEmpty()) {
            out.add(Diagnostic.of(Code.D109, step.id().span(),
                "step '" + step.id().value() + "' has nothing to do",
                "add an action (run, http, manual, wait) or a verify"));
          }
        }
      }
    }
  }

  /** What an item lacks when it is an empty block. */
  private static final DrillItem.Visitor<Optional<String>> EMPTY = new DrillItem.Visitor<>() {
    @Override
    public Optional<String> visit(Attribute attribute) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visit(DrillItem.ParamDecl param) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visit(DrillItem.SecretDecl secret) {
      return Optional.empty();
    }

    @Override
    public Optional<String> visit(DrillItem.RolesBlock roles) {
      return when(roles.roles().isEmpty(), "'roles' block declares no role");
    }

    @Override
    public Optional<String> visit(DrillItem.SetupBlock setup) {
      return when(setup.actions().isEmpty(), "'setup' block has no action");
    }

    @Override
    public Optional<String> visit(DrillItem.TeardownBlock teardown) {
      return when(teardown.actions().isEmpty(), "'teardown' block has no action");
    }

    @Override
    public Optional<String> visit(DrillItem.SteadyBlock steady) {
      return when(steady.checks().isEmpty(), "'steady' block has no check");
    }

    @Override
    public Optional<String> visit(DrillItem.InjectBlock inject) {
      return inject.actions().isEmpty()
          ? Optional.of("inject step '" + inject.id().value() + "' has no action") : Optional.empty();
    }

    @Override
    public Optional<String> visit(DrillItem.DetectBlock detect) {
      return when(detect.signals().isEmpty(), "'detect' block has no signal");
    }

    @Override
    public Optional<String> visit(DrillItem.RecoverBlock recover) {
      return when(recover.steps().isEmpty(), "'recover' block has no step");
    }

    @Override
    public Optional<String> visit(DrillItem.CommsBlock comms) {
      return when(comms.duties().isEmpty(), "'comms' block has no duty");
    }

    @Override
    public Optional<String> visit(DrillItem.AbortBlock abort) {
      return when(abort.conditions().isEmpty(), "'abort when' block has no condition");
    }

    @Override
    public Optional<String> visit(DrillItem.DebriefBlock debrief) {
      return when(debrief.questions().isEmpty(), "'debrief' block asks nothing");
    }

    private Optional<String> when(boolean empty, String what) {
      return empty ? Optional.of(what) : Optional.empty();
    }
  };

  private void clauses() {
    for (DrillItem.RecoverBlock recover : parts.recovers) {
      for (Step step : recover.steps()) {
        stepClauses(step);
        List<Step.Verify> verifies = step.verifies();
        for (int i = 1; i < verifies.size(); i++) {
          out.add(Diagnostic.of(Code.D101, keywordSpan(verifies.get(i).span(), "verify"),
              "step '" + step.id().value() + "' has a second 'verify'",
              "one verify per step; split the step or combine the checks")
              .withRelated(verifies.get(0).span(), "the first verify"));
        }
      }
    }
    for (ProbeSpec spec : parts.probes) {
      probeOptions(spec.options());
      probeExpectations(spec.probe());
    }
    for (Action action : parts.actions) {
      if (action instanceof Action.Http http) {
        httpOptions(http.options());
      }
    }
  }

  private void stepClauses(Step step) {
    // A step has a few clauses: looking back over them costs less than a map per step.
    List<Step.Clause> clauses = step.clauses();
    for (int i = 1; i < clauses.size(); i++) {
      Step.Clause clause = clauses.get(i);
      Step.Clause first = firstWithKeyword(clauses, i, clause.keyword());
      if (first != null) {
        out.add(Diagnostic.of(Code.D101, clause.span(),
            "step '" + step.id().value() + "' has a second '" + clause.keyword() + "' clause",
            clause instanceof Step.After ? "name all steps in one clause: after a, b" : "keep one")
            .withRelated(first.span(), "the first one"));
      }
    }
  }

  /** The first of the clauses before {@code end} with that keyword, or null. */
  private static Step.Clause firstWithKeyword(List<Step.Clause> clauses, int end, String keyword) {
    for (int i = 0; i < end; i++) {
      if (clauses.get(i).keyword().equals(keyword)) {
        return clauses.get(i);
      }
    }
    return null;
  }

  private void probeOptions(List<ProbeSpec.Option> options) {
    // A lone option cannot repeat: most probes need no map.
    if (options.size() < 2) {
      return;
    }
    Map<ProbeSpec.OptionKind, ProbeSpec.Option> seen = new EnumMap<>(ProbeSpec.OptionKind.class);
    for (ProbeSpec.Option option : options) {
      ProbeSpec.Option first = seen.putIfAbsent(option.kind(), option);
      if (first != null) {
        out.add(Diagnostic.of(Code.D101, option.span(),
            "'" + option.kind().keyword() + "' is given twice for this probe")
            .withRelated(first.span(), "first given here"));
      }
    }
  }

  private void probeExpectations(Probe probe) {
    if (probe instanceof Probe.Http http) {
      duplicates(http.statusExpectations(), NumberCheck::span, "'expect status'");
      duplicates(http.bodyExpectations(), Text::span, "'expect body contains'");
      duplicates(http.bodyPatterns(), Text::span, "'expect body matches'");
      duplicates(http.jsonExpectations(), JsonCheck::span, "'expect json'");
      httpOptions(http.options());
    } else if (probe instanceof Probe.Command command) {
      duplicates(command.exitExpectations(), NumberCheck::span, "'expect exit'");
      duplicates(command.outputExpectations(), Text::span, "'expect output contains'");
      duplicates(command.outputPatterns(), Text::span, "'expect output matches'");
      duplicates(command.jsonExpectations(), JsonCheck::span, "'expect json'");
    }
  }

  private void httpOptions(List<HttpOption> options) {
    List<HttpOption.Body> bodies = new ArrayList<>();
    Map<String, HttpOption.Header> headers = new HashMap<>();
    for (HttpOption option : options) {
      if (option instanceof HttpOption.Body body) {
        bodies.add(body);
      } else if (option instanceof HttpOption.Header header) {
        String key = header.name().literal().toLowerCase(Locale.ROOT);
        HttpOption.Header first = headers.putIfAbsent(key, header);
        if (first != null) {
          String[] hints = first.name().literal().equals(header.name().literal())
              ? new String[0]
              : new String[] {"HTTP header names ignore case: '" + first.name().literal() + "' is the same header"};
          out.add(Diagnostic.of(Code.D101, header.span(),
              "header '" + header.name().literal() + "' is given twice", hints)
              .withRelated(first.span(), "first given here"));
        }
      }
    }
    duplicates(bodies, HttpOption.Body::span, "'body'");
  }

  /** Every item after the first, reported as given twice; streams of spans would cost every probe. */
  private <T> void duplicates(List<T> items, Function<T, SourceSpan> span, String what) {
    for (int i = 1; i < items.size(); i++) {
      out.add(Diagnostic.of(Code.D101, span.apply(items.get(i)), what + " is given twice; keep one")
          .withRelated(span.apply(items.get(0)), "first given here"));
    }
  }

  /** The span of a block's first keyword, so a caret marks the block, not its whole body. */
  static SourceSpan keywordSpan(SourceSpan block, String keyword) {
    return new SourceSpan(block.file(), block.line(), block.column(), block.line(),
        block.column() + keyword.length() - 1);
  }

  static String keywordOf(DrillItem item) {
    return item.accept(KEYWORD);
  }

  /** The keyword an item starts with. */
  private static final DrillItem.Visitor<String> KEYWORD = new DrillItem.Visitor<>() {
    @Override
    public String visit(Attribute attribute) {
      return attribute.key().keyword();
    }

    @Override
    public String visit(DrillItem.ParamDecl param) {
      return "param";
    }

    @Override
    public String visit(DrillItem.SecretDecl secret) {
      return "secret";
    }

    @Override
    public String visit(DrillItem.RolesBlock roles) {
      return "roles";
    }

    @Override
    public String visit(DrillItem.SetupBlock setup) {
      return "setup";
    }

    @Override
    public String visit(DrillItem.TeardownBlock teardown) {
      return "teardown";
    }

    @Override
    public String visit(DrillItem.SteadyBlock steady) {
      return "steady";
    }

    @Override
    public String visit(DrillItem.InjectBlock inject) {
      return "inject";
    }

    @Override
    public String visit(DrillItem.DetectBlock detect) {
      return "detect";
    }

    @Override
    public String visit(DrillItem.RecoverBlock recover) {
      return "recover";
    }

    @Override
    public String visit(DrillItem.CommsBlock comms) {
      return "comms";
    }

    @Override
    public String visit(DrillItem.AbortBlock abort) {
      return "abort";
    }

    @Override
    public String visit(DrillItem.DebriefBlock debrief) {
      return "debrief";
    }
  };
}
