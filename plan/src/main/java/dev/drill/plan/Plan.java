package dev.drill.plan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An executable drill plan: everything the runtime needs to run one drill, nothing it
 * could get wrong by guessing. Text fields are templates in which {@code ${name}} refers
 * to a param or secret (see {@link Interpolation}). Phases appear in run order and only when
 * the drill has them.
 */
public record Plan(
    int planVersion,
    String id,
    String title,
    Optional<String> summary,
    String owner,
    DrillKind kind,
    List<String> tags,
    String environment,
    Optional<Duration> timebox,
    Optional<Duration> cadence,
    Duration rerun,
    String guide,
    SourceSpan source,
    Optional<String> directory,
    Optional<Origin> origin,
    List<Role> roles,
    List<Param> params,
    List<Secret> secrets,
    List<Action> setup,
    List<Action> teardown,
    List<Phase> phases,
    String fingerprint) {

  /** The plan version this build writes and runs. */
  public static final int CURRENT_VERSION = 1;

  public Plan {
    tags = List.copyOf(tags);
    roles = List.copyOf(roles);
    params = List.copyOf(params);
    secrets = List.copyOf(secrets);
    setup = List.copyOf(setup);
    teardown = List.copyOf(teardown);
    phases = List.copyOf(phases);
  }

  /** A plan that does not say where its drill's directory is (see {@link #directory()}). */
  public Plan(int planVersion, String id, String title, Optional<String> summary, String owner, DrillKind kind,
      List<String> tags, String environment, Optional<Duration> timebox, Optional<Duration> cadence, Duration rerun,
      String guide, SourceSpan source, List<Role> roles, List<Param> params, List<Secret> secrets,
      List<Action> setup, List<Action> teardown, List<Phase> phases, String fingerprint) {
    this(planVersion, id, title, summary, owner, kind, tags, environment, timebox, cadence, rerun, guide, source,
        Optional.empty(), Optional.empty(), roles, params, secrets, setup, teardown, phases, fingerprint);
  }

  /**
   * A copy that records its drill file's directory, relative to the drill's project root
   * ({@link ProjectRoot#relativeDirectory}): where its commands run, wherever the plan file is.
   * Like the source spans, it is a place, not part of the procedure: the fingerprint stays.
   */
  public Plan withDirectory(Optional<String> value) {
    return new Plan(planVersion, id, title, summary, owner, kind, tags, environment, timebox,
        cadence, rerun, guide, source, value, origin, roles, params, secrets, setup, teardown, phases, fingerprint);
  }

  /**
   * A copy that says which templates and files the drill was built from. Like the source
   * spans it tells where the text was written, not what runs: the fingerprint stays, so a
   * drill written out by hand has the fingerprint of the same drill built from a template.
   */
  public Plan withOrigin(Optional<Origin> value) {
    return new Plan(planVersion, id, title, summary, owner, kind, tags, environment, timebox,
        cadence, rerun, guide, source, directory, value, roles, params, secrets, setup, teardown, phases, fingerprint);
  }

  /** The phase of the given type, when the drill has one. */
  public <P extends Phase> Optional<P> phase(Class<P> type) {
    return phases.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** A copy with the fingerprint of its content. */
  public Plan withFingerprint() {
    return withFingerprint(PlanFingerprint.of(this));
  }

  Plan withFingerprint(String value) {
    return new Plan(planVersion, id, title, summary, owner, kind, tags, environment, timebox,
        cadence, rerun, guide, source, directory, origin, roles, params, secrets, setup, teardown, phases, value);
  }

  /**
   * How a drill built from templates came to be: the chain of templates (its own
   * {@code from} first, then each template's base) and every file imported, directly or not.
   * The items of the plan keep the spans where they were written, in those files.
   */
  public record Origin(List<Instantiation> from, List<String> imports) {
    public Origin {
      from = List.copyOf(from);
      imports = List.copyOf(imports);
    }
  }

  /** A template, and the {@code from} that named it. */
  public record Instantiation(String template, SourceSpan source) {}

  public record Role(String id, Optional<String> description, SourceSpan source) {}

  /**
   * A value the drill's text refers to; without a default it must be given at run time. With
   * {@code env}, the environment variable of that name supplies it when the run does not
   * ({@code --set}), before the default. With a pattern (a Java regular expression), every value
   * must match it as a whole.
   */
  public record Param(
      String name, Optional<String> defaultValue, Optional<String> pattern, Optional<String> env, SourceSpan source) {

    public Param(String name, Optional<String> defaultValue, Optional<String> pattern, SourceSpan source) {
      this(name, defaultValue, pattern, Optional.empty(), source);
    }

    public Param(String name, Optional<String> defaultValue, SourceSpan source) {
      this(name, defaultValue, Optional.empty(), source);
    }
  }

  /**
   * A value read from an environment variable at run time; the plan holds only its name.
   * With a pattern, the value must match it as a whole.
   */
  public record Secret(String name, String env, Optional<String> pattern, SourceSpan source) {

    public Secret(String name, String env, SourceSpan source) {
      this(name, env, Optional.empty(), source);
    }
  }
}
