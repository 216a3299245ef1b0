package dev.drill.compiler.ast;

import dev.drill.plan.Phase.DetectMode;
import dev.drill.plan.SourceSpan;
import java.util.List;
import java.util.Optional;

/** Everything that can stand directly inside a drill block. */
public sealed interface DrillItem
    permits Attribute, DrillItem.ParamDecl, DrillItem.SecretDecl, DrillItem.RolesBlock,
        DrillItem.SetupBlock, DrillItem.TeardownBlock, DrillItem.SteadyBlock, DrillItem.InjectBlock,
        DrillItem.DetectBlock, DrillItem.RecoverBlock, DrillItem.CommsBlock, DrillItem.AbortBlock,
        DrillItem.DebriefBlock {

  SourceSpan span();

  /** {@code param NAME [= "DEFAULT"] [matches "PATTERN"]}. */
  record ParamDecl(SourceSpan span, Name name, Optional<Text> defaultValue, Optional<Text> pattern)
      implements DrillItem {}

  /** {@code secret NAME = env "VARIABLE" [matches "PATTERN"]}. */
  record SecretDecl(SourceSpan span, Name name, Text env, Optional<Text> pattern) implements DrillItem {}

  record RolesBlock(SourceSpan span, List<RoleDecl> roles) implements DrillItem {
    public RolesBlock {
      roles = List.copyOf(roles);
    }
  }

  record RoleDecl(SourceSpan span, Name name, Optional<Text> description) {}

  record SetupBlock(SourceSpan span, List<Action> actions) implements DrillItem {
    public SetupBlock {
      actions = List.copyOf(actions);
    }
  }

  record TeardownBlock(SourceSpan span, List<Action> actions) implements DrillItem {
    public TeardownBlock {
      actions = List.copyOf(actions);
    }
  }

  record SteadyBlock(SourceSpan span, List<Check> checks) implements DrillItem {
    public SteadyBlock {
      checks = List.copyOf(checks);
    }
  }

  record Check(SourceSpan span, Name id, Optional<Text> title, ProbeSpec probe) {}

  record InjectBlock(
      SourceSpan span, Name id, Optional<Text> title, List<Action> actions, List<Undo> undos)
      implements DrillItem {
    public InjectBlock {
      actions = List.copyOf(actions);
      undos = List.copyOf(undos);
    }
  }

  record Undo(SourceSpan span, Action action) {}

  record DetectBlock(SourceSpan span, DetectMode mode, DurationValue within, List<Signal> signals)
      implements DrillItem {
    public DetectBlock {
      signals = List.copyOf(signals);
    }
  }

  record Signal(SourceSpan span, Name id, Optional<Text> title, ProbeSpec probe) {}

  record RecoverBlock(SourceSpan span, Optional<DurationValue> within, List<Step> steps)
      implements DrillItem {
    public RecoverBlock {
      steps = List.copyOf(steps);
    }
  }

  record CommsBlock(SourceSpan span, List<CommsDuty> duties) implements DrillItem {
    public CommsBlock {
      duties = List.copyOf(duties);
    }
  }

  sealed interface CommsDuty {
    SourceSpan span();

    Text audience();

    Name role();
  }

  record Update(SourceSpan span, Text audience, DurationValue every, Name role)
      implements CommsDuty {}

  record Notify(SourceSpan span, Text audience, DurationValue within, Name role)
      implements CommsDuty {}

  record AbortBlock(SourceSpan span, List<ProbeSpec> conditions) implements DrillItem {
    public AbortBlock {
      conditions = List.copyOf(conditions);
    }
  }

  record DebriefBlock(SourceSpan span, List<Ask> questions) implements DrillItem {
    public DebriefBlock {
      questions = List.copyOf(questions);
    }
  }

  record Ask(SourceSpan span, Text question) {}
}
