package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One phase of a drill, in run order: steady, inject, detect, recover, comms, abort, debrief. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "phase")
@JsonSubTypes({
  @JsonSubTypes.Type(Phase.Steady.class),
  @JsonSubTypes.Type(Phase.Inject.class),
  @JsonSubTypes.Type(Phase.Detect.class),
  @JsonSubTypes.Type(Phase.Recover.class),
  @JsonSubTypes.Type(Phase.Comms.class),
  @JsonSubTypes.Type(Phase.Abort.class),
  @JsonSubTypes.Type(Phase.Debrief.class)
})
public sealed interface Phase {

  /** Checks that must hold before the fault is injected, and again after recovery. */
  @JsonTypeName("steady")
  record Steady(List<Check> checks, SourceSpan source) implements Phase {
    public Steady {
      checks = List.copyOf(checks);
    }
  }

  @JsonTypeName("inject")
  record Inject(List<InjectStep> steps) implements Phase {
    public Inject {
      steps = List.copyOf(steps);
    }
  }

  /** Signals polled from the moment of injection; {@code mode} says whether all or any must fire. */
  @JsonTypeName("detect")
  record Detect(DetectMode mode, Duration budget, List<Signal> signals, SourceSpan source)
      implements Phase {
    public Detect {
      signals = List.copyOf(signals);
    }
  }

  @JsonTypeName("recover")
  record Recover(Optional<Duration> budget, List<RecoveryStep> steps, SourceSpan source)
      implements Phase {
    public Recover {
      steps = List.copyOf(steps);
    }
  }

  @JsonTypeName("comms")
  record Comms(List<CommsDuty> duties, SourceSpan source) implements Phase {
    public Comms {
      duties = List.copyOf(duties);
    }
  }

  /** Stop conditions, watched throughout the run. */
  @JsonTypeName("abort")
  record Abort(List<AbortCondition> conditions, SourceSpan source) implements Phase {
    public Abort {
      conditions = List.copyOf(conditions);
    }
  }

  @JsonTypeName("debrief")
  record Debrief(List<String> questions, SourceSpan source) implements Phase {
    public Debrief {
      questions = List.copyOf(questions);
    }
  }

  record Check(String id, String title, Probe probe, Polling polling, SourceSpan source) {}

  /**
   * A fault; its {@code undo} actions run at rollback, in reverse order of injection. A
   * {@code background} step runs beside the next ones: the step after it starts at once, and
   * the inject phase ends when every step has finished. Written only when true, so plans
   * without background steps keep their JSON and fingerprint.
   */
  record InjectStep(
      String id,
      String title,
      List<Action> actions,
      List<Action> undo,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean background,
      SourceSpan source) {
    public InjectStep {
      actions = List.copyOf(actions);
      undo = List.copyOf(undo);
    }

    /** A step that runs in order, not in the background. */
    public InjectStep(String id, String title, List<Action> actions, List<Action> undo, SourceSpan source) {
      this(id, title, actions, undo, false, source);
    }
  }

  record Signal(String id, String title, Probe probe, Polling polling, SourceSpan source) {}

  /** A recovery step; steps run in order, except that a step waits for the steps it is {@code after}. */
  record RecoveryStep(
      String id,
      String title,
      Optional<String> role,
      Optional<Duration> budget,
      List<String> after,
      List<Action> actions,
      Optional<Verification> verify,
      SourceSpan source) {
    public RecoveryStep {
      after = List.copyOf(after);
      actions = List.copyOf(actions);
    }
  }

  /** Polled after a step's actions until it holds or its budget ends. */
  record Verification(Probe probe, Polling polling, Optional<Duration> budget, SourceSpan source) {}

  record AbortCondition(Probe probe, Polling polling, SourceSpan source) {}

  enum DetectMode {
    ALL,
    ANY;

    @JsonValue
    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
