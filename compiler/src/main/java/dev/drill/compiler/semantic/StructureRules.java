package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Action;
import dev.drill.compiler.ast.Attribute;
import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.HttpOption;
import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.NameValue;
import dev.drill.compiler.ast.Probe;
import dev.drill.compiler.ast.ProbeSpec;
import dev.drill.compiler.ast.Step;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.plan.DrillKind;
import dev.drill.plan.PlanValidator;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The shape of a drill: required and duplicate attributes, duplicate blocks and clauses,
 * the kind and what it requires, empty blocks, kebab-case names.
 */
final class StructureRules {

  private static final List<Class<? extends DrillItem>> SINGLE_BLOCKS = List.of(
      DrillItem.RolesBlock.class, DrillItem.SetupBlock.class, DrillItem.TeardownBlock.class,
      DrillItem.SteadyBlock.class, DrillItem.DetectBlock.class, DrillItem.RecoverBlock.class,
      DrillItem.CommsBlock.class, DrillItem.AbortBlock.class, DrillItem.DebriefBlock.class);

  private final Drill drill;
  private final List<Diagnostic> out;

  private StructureRules(Drill drill, List<Diagnostic> out) {
    this.drill = drill;
    this.out = out;
  }

  static void run(Drill drill, List<Diagnostic> out) {
    StructureRules rules = new StructureRules(drill, out);
    rules.attributes();
    rules.blocks();
    rules.kindRequirements();
    rules.emptyBlocks();
    rules.clauses();
    rules.names();
  }

  private void attributes() {
    Map<Attribute.Key, Attribute> seen = new EnumMap<>(Attribute.Key.class);
    for (Attribute attribute : drill.all(Attribute.class)) {
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
    drill.attribute(Attribute.Key.KIND).ifPresent(kind -> {
      String value = ((NameValue) kind.value()).value();
      List<String> kinds = Arrays.stream(DrillKind.values()).map(DrillKind::keyword).collect(Collectors.toList());
      if (!kinds.contains(value)) {
        List<String> hints = new ArrayList<>();
        NearMiss.hint(value, kinds).ifPresent(hints::add);
        hints.add("a kind is technical, security or ics (incident command and communication only)");
        out.add(new Diagnostic(Code.D103, Code.D103.severity(), kind.value().span(),
            "unknown kind '" + value + "'", hints, Optional.empty()));
      }
    });
  }

  private void blocks() {
    for (Class<? extends DrillItem> type : SINGLE_BLOCKS) {
      List<? extends DrillItem> blocks = drill.all(type);
      for (DrillItem extra : blocks.subList(Math.min(1, blocks.size()), blocks.size())) {
        String keyword = keywordOf(extra);
        out.add(Diagnostic.of(Code.D105, keywordSpan(extra.span(), keyword),
            "a drill has one '" + keyword + "' block; this is the second",
            "merge the two blocks")
            .withRelated(blocks.get(0).span(), "the first '" + keyword + "' block"));
      }
    }
  }

  private void kindRequirements() {
    DrillKind kind = drill.kind();
    // An unknown kind is reported (D103); holding it to a technical drill's rules would only add noise.
    boolean unknownKind = drill.attribute(Attribute.Key.KIND)
        .filter(a -> DrillKind.fromKeyword(((NameValue) a.value()).value()).isEmpty())
        .isPresent();
    if (kind == DrillKind.ICS || unknownKind) {
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
      String empty = null;
      if (item instanceof DrillItem.RolesBlock && ((DrillItem.RolesBlock) item).roles().isEmpty()) {
        empty = "'roles' block declares no role";
      } else if (item instanceof DrillItem.SetupBlock && ((DrillItem.SetupBlock) item).actions().isEmpty()) {
        empty = "'setup' block has no action";
      } else if (item instanceof DrillItem.TeardownBlock
          && ((DrillItem.TeardownBlock) item).actions().isEmpty()) {
        empty = "'teardown' block has no action";
      } else if (item instanceof DrillItem.SteadyBlock && ((DrillItem.SteadyBlock) item).checks().isEmpty()) {
        empty = "'steady' block has no check";
      } else if (item instanceof DrillItem.InjectBlock
          && ((DrillItem.InjectBlock) item).actions().isEmpty()) {
        empty = "inject step '" + ((DrillItem.InjectBlock) item).id().value() + "' has no action";
      } else if (item instanceof DrillItem.DetectBlock && ((DrillItem.DetectBlock) item).signals().isEmpty()) {
        empty = "'detect' block has no signal";
      } else if (item instanceof DrillItem.RecoverBlock && ((DrillItem.RecoverBlock) item).steps().isEmpty()) {
        empty = "'recover' block has no step";
      } else if (item instanceof DrillItem.CommsBlock && ((DrillItem.CommsBlock) item).duties().isEmpty()) {
        empty = "'comms' block has no duty";
      } else if (item instanceof DrillItem.AbortBlock && ((DrillItem.AbortBlock) item).conditions().isEmpty()) {
        empty = "'abort when' block has no condition";
      } else if (item instanceof DrillItem.DebriefBlock
          && ((DrillItem.DebriefBlock) item).questions().isEmpty()) {
        empty = "'debrief' block asks nothing";
      }
      if (empty != null) {
        out.add(Diagnostic.of(Code.D109, keywordSpan(item.span(), keywordOf(item)), empty,
            "fill the block or remove it"));
      }
      if (item instanceof DrillItem.RecoverBlock) {
        for (Step step : ((DrillItem.RecoverBlock) item).steps()) {
          if (step.actions().isEmpty() && step.verifies().isEmpty()) {
            out.add(Diagnostic.of(Code.D109, step.id().span(),
                "step '" + step.id().value() + "' has nothing to do",
                "add an action (run, http, manual, wait) or a verify"));
          }
        }
      }
    }
  }

  private void clauses() {
    for (DrillItem.RecoverBlock recover : drill.all(DrillItem.RecoverBlock.class)) {
      for (Step step : recover.steps()) {
        Map<String, Step.Clause> seen = new HashMap<>();
        for (Step.Clause clause : step.clauses()) {
          Step.Clause first = seen.putIfAbsent(clause.keyword(), clause);
          if (first != null) {
            out.add(Diagnostic.of(Code.D101, clause.span(),
                "step '" + step.id().value() + "' has a second '" + clause.keyword() + "' clause",
                clause instanceof Step.After ? "name all steps in one clause: after a, b" : "keep one")
                .withRelated(first.span(), "the first one"));
          }
        }
        for (Step.Verify extra : step.verifies().subList(Math.min(1, step.verifies().size()), step.verifies().size())) {
          out.add(Diagnostic.of(Code.D101, keywordSpan(extra.span(), "verify"),
              "step '" + step.id().value() + "' has a second 'verify'",
              "one verify per step; split the step or combine the checks")
              .withRelated(step.verifies().get(0).span(), "the first verify"));
        }
      }
    }
    for (ProbeSpec spec : DrillParts.probes(drill)) {
      Map<ProbeSpec.OptionKind, ProbeSpec.Option> seen = new EnumMap<>(ProbeSpec.OptionKind.class);
      for (ProbeSpec.Option option : spec.options()) {
        ProbeSpec.Option first = seen.putIfAbsent(option.kind(), option);
        if (first != null) {
          out.add(Diagnostic.of(Code.D101, option.span(),
              "'" + option.kind().keyword() + "' is given twice for this probe")
              .withRelated(first.span(), "first given here"));
        }
      }
      probeExpectations(spec.probe());
    }
    for (Action action : DrillParts.actions(drill)) {
      if (action instanceof Action.Http) {
        httpOptions(((Action.Http) action).options());
      }
    }
  }

  private void probeExpectations(Probe probe) {
    if (probe instanceof Probe.Http) {
      Probe.Http http = (Probe.Http) probe;
      duplicates(http.statusExpectations().stream().map(c -> c.span()).collect(Collectors.toList()),
          "'expect status'");
      duplicates(http.bodyExpectations().stream().map(t -> t.span()).collect(Collectors.toList()),
          "'expect body contains'");
      httpOptions(http.options());
    } else if (probe instanceof Probe.Command) {
      Probe.Command command = (Probe.Command) probe;
      duplicates(command.exitExpectations().stream().map(c -> c.span()).collect(Collectors.toList()),
          "'expect exit'");
      duplicates(command.outputExpectations().stream().map(t -> t.span()).collect(Collectors.toList()),
          "'expect output contains'");
    }
  }

  private void httpOptions(List<HttpOption> options) {
    duplicates(options.stream().filter(HttpOption.Body.class::isInstance).map(HttpOption::span)
        .collect(Collectors.toList()), "'body'");
    Map<String, HttpOption.Header> headers = new HashMap<>();
    for (HttpOption option : options) {
      if (option instanceof HttpOption.Header) {
        HttpOption.Header header = (HttpOption.Header) option;
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
  }

  private void duplicates(List<SourceSpan> spans, String what) {
    for (SourceSpan extra : spans.subList(Math.min(1, spans.size()), spans.size())) {
      out.add(Diagnostic.of(Code.D101, extra, what + " is given twice; keep one")
          .withRelated(spans.get(0), "first given here"));
    }
  }

  private void names() {
    kebab(drill.name(), "drill name");
    for (DrillItem item : drill.items()) {
      if (item instanceof DrillItem.ParamDecl) {
        kebab(((DrillItem.ParamDecl) item).name(), "param name");
      } else if (item instanceof DrillItem.SecretDecl) {
        kebab(((DrillItem.SecretDecl) item).name(), "secret name");
      } else if (item instanceof DrillItem.RolesBlock) {
        ((DrillItem.RolesBlock) item).roles().forEach(r -> kebab(r.name(), "role name"));
      } else if (item instanceof DrillItem.SteadyBlock) {
        ((DrillItem.SteadyBlock) item).checks().forEach(c -> kebab(c.id(), "check id"));
      } else if (item instanceof DrillItem.InjectBlock) {
        kebab(((DrillItem.InjectBlock) item).id(), "inject id");
      } else if (item instanceof DrillItem.DetectBlock) {
        ((DrillItem.DetectBlock) item).signals().forEach(s -> kebab(s.id(), "signal id"));
      } else if (item instanceof DrillItem.RecoverBlock) {
        ((DrillItem.RecoverBlock) item).steps().forEach(s -> kebab(s.id(), "step id"));
      } else if (item instanceof Attribute && ((Attribute) item).key() == Attribute.Key.ENVIRONMENT) {
        NameValue env = (NameValue) ((Attribute) item).value();
        kebab(new Name(env.span(), env.value()), "environment name");
      }
    }
  }

  private void kebab(Name name, String what) {
    if (!PlanValidator.isId(name.value())) {
      out.add(Diagnostic.of(Code.D104, name.span(),
          what + " '" + name.value() + "' is not kebab-case",
          "use lower-case words joined by '-', such as '" + toKebab(name.value()) + "'"));
    }
  }

  static String toKebab(String name) {
    String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replace('_', '-')
        .toLowerCase(Locale.ROOT)
        .replaceAll("-+", "-")
        .replaceAll("^[-0-9]+|-$", "");
    return kebab.isEmpty() ? "name" : kebab;
  }

  /** The span of a block's first keyword, so a caret marks the block, not its whole body. */
  static SourceSpan keywordSpan(SourceSpan block, String keyword) {
    return new SourceSpan(block.file(), block.line(), block.column(), block.line(),
        block.column() + keyword.length() - 1);
  }

  static String keywordOf(DrillItem item) {
    if (item instanceof DrillItem.RolesBlock) return "roles";
    if (item instanceof DrillItem.SetupBlock) return "setup";
    if (item instanceof DrillItem.TeardownBlock) return "teardown";
    if (item instanceof DrillItem.SteadyBlock) return "steady";
    if (item instanceof DrillItem.InjectBlock) return "inject";
    if (item instanceof DrillItem.DetectBlock) return "detect";
    if (item instanceof DrillItem.RecoverBlock) return "recover";
    if (item instanceof DrillItem.CommsBlock) return "comms";
    if (item instanceof DrillItem.AbortBlock) return "abort";
    if (item instanceof DrillItem.DebriefBlock) return "debrief";
    if (item instanceof DrillItem.ParamDecl) return "param";
    if (item instanceof DrillItem.SecretDecl) return "secret";
    return ((Attribute) item).key().keyword();
  }
}
