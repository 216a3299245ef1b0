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

  /** The visitor's method for this kind of item. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of item: a new kind is a compile error wherever every kind must be
   * handled (the strings a secret could reach, the names and durations a drill declares).
   */
  interface Visitor<R> {
    R visit(Attribute attribute);

    R visit(ParamDecl param);

    R visit(SecretDecl secret);

    R visit(RolesBlock roles);

    R visit(SetupBlock setup);

    R visit(TeardownBlock teardown);

    R visit(SteadyBlock steady);

    R visit(InjectBlock inject);

    R visit(DetectBlock detect);

    R visit(RecoverBlock recover);

    R visit(CommsBlock comms);

    R visit(AbortBlock abort);

    R visit(DebriefBlock debrief);
  }

  /**
   * {@code param NAME [= "DEFAULT"] [matches "PATTERN"]}, or {@code param NAME = env "VARIABLE"
   * [default "DEFAULT"] [matches "PATTERN"]}: the default is then the fallback of the variable.
   */
  record ParamDecl(
      SourceSpan span, Name name, Optional<Text> defaultValue, Optional<Text> pattern, Optional<Text> env)
      implements DrillItem {

    public ParamDecl(SourceSpan span, Name name, Optional<Text> defaultValue, Optional<Text> pattern) {
      this(span, name, defaultValue, pattern, Optional.empty());
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  /** {@code secret NAME = env "VARIABLE" [matches "PATTERN"]}. */
  record SecretDecl(SourceSpan span, Name name, Text env, Optional<Text> pattern) implements DrillItem {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record RolesBlock(SourceSpan span, List<RoleDecl> roles) implements DrillItem {
    public RolesBlock {
      roles = List.copyOf(roles);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record RoleDecl(SourceSpan span, Name name, Optional<Text> description) {}

  record SetupBlock(SourceSpan span, List<Action> actions) implements DrillItem {
    public SetupBlock {
      actions = List.copyOf(actions);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record TeardownBlock(SourceSpan span, List<Action> actions) implements DrillItem {
    public TeardownBlock {
      actions = List.copyOf(actions);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record SteadyBlock(SourceSpan span, List<Check> checks) implements DrillItem {
    public SteadyBlock {
      checks = List.copyOf(checks);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Check(SourceSpan span, Name id, Optional<Text> title, ProbeSpec probe) {}

  /**
   * An inject step. {@code background} holds the span of each {@code background} clause: one
   * makes the step run beside the next ones, a second is a duplicate the checks report.
   */
  record InjectBlock(
      SourceSpan span, Name id, Optional<Text> title, List<SourceSpan> background, List<Action> actions,
      List<Undo> undos)
      implements DrillItem {
    public InjectBlock {
      background = List.copyOf(background);
      actions = List.copyOf(actions);
      undos = List.copyOf(undos);
    }

    public InjectBlock(SourceSpan span, Name id, Optional<Text> title, List<Action> actions, List<Undo> undos) {
      this(span, id, title, List.of(), actions, undos);
    }

    public boolean runsInBackground() {
      return !background.isEmpty();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Undo(SourceSpan span, Action action) {}

  record DetectBlock(SourceSpan span, DetectMode mode, DurationValue within, List<Signal> signals)
      implements DrillItem {
    public DetectBlock {
      signals = List.copyOf(signals);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Signal(SourceSpan span, Name id, Optional<Text> title, ProbeSpec probe) {}

  record RecoverBlock(SourceSpan span, Optional<DurationValue> within, List<Step> steps)
      implements DrillItem {
    public RecoverBlock {
      steps = List.copyOf(steps);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record CommsBlock(SourceSpan span, List<CommsDuty> duties) implements DrillItem {
    public CommsBlock {
      duties = List.copyOf(duties);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
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

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record DebriefBlock(SourceSpan span, List<Ask> questions) implements DrillItem {
    public DebriefBlock {
      questions = List.copyOf(questions);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visit(this);
    }
  }

  record Ask(SourceSpan span, Text question) {}
}
