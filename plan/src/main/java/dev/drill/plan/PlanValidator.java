package dev.drill.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds a plan to what the compiler guarantees and the runtime relies on, whatever wrote it:
 * a plan file edited by hand or forged is refused with every problem named, never run.
 * {@link #problems} checks the plan version; the syntax of ids, names and the environment;
 * unique ids; declared roles, {@code after} steps without cycles, {@code ${name}} references
 * to declared params and secrets, secrets only where they are not printed; durations within
 * {@link TimeLimits}; HTTP methods, statuses, exit statuses and log patterns. It never throws,
 * whatever the records hold, {@code null} included.
 */
public final class PlanValidator {

  /** The methods of HTTP requests and probes, upper case. */
  public static final List<String> HTTP_METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<Class<? extends Phase>> PHASE_ORDER = List.of(Phase.Steady.class,
      Phase.Inject.class, Phase.Detect.class, Phase.Recover.class, Phase.Comms.class,
      Phase.Abort.class, Phase.Debrief.class);
  private static final List<String> PHASE_NAMES =
      List.of("steady", "inject", "detect", "recover", "comms", "abort", "debrief");

  private final PlanValues values = new PlanValues();
  private final Set<String> roles = new HashSet<>();
  /** Checks, inject steps, signals and recovery steps share one namespace: id to what it names. */
  private final Map<String, String> ids = new HashMap<>();

  private PlanValidator() {}

  /**
   * Every problem of the plan, one sentence each that says where (such as {@code recover step
   * 'restart': role 'operater' is not declared}), in plan order; empty when the plan is valid.
   */
  public static List<String> problems(Plan plan) {
    if (plan == null) {
      return List.of("there is no plan");
    }
    PlanValidator validator = new PlanValidator();
    validator.declarations(plan);
    validator.drill(plan);
    return List.copyOf(validator.values.problems);
  }

  /** Only read by people and tools that show where text came from; still, it holds what it says. */
  private void origin(String where, Plan.Origin origin) {
    for (Plan.Instantiation link : origin.from()) {
      if (link == null || link.template() == null || !isId(link.template()) || link.source() == null) {
        values.problem(where, "the origin names a template that is not a kebab-case name with a source");
        return;
      }
    }
    if (origin.imports().stream().anyMatch(i -> i == null || i.isEmpty())) {
      values.problem(where, "the origin's imports hold an empty path");
    }
  }

  /** True for a kebab-case name, as ids, roles, params, secrets and environments are. */
  public static boolean isId(String name) {
    // [a-z][a-z0-9]*(-[a-z0-9]+)*, read by hand: the compiler asks it of every name of every drill.
    if (name == null || name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z'
        || name.charAt(name.length() - 1) == '-') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean lowerOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!lowerOrDigit && (c != '-' || name.charAt(i - 1) == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * True for a name a secret's or a param's environment variable may have: {@code
   * [A-Za-z_][A-Za-z0-9_]*}, POSIX's portable names (a Chaos Toolkit experiment may read {@code
   * var_lb_ip}).
   */
  public static boolean isEnvironmentVariable(String name) {
    return name != null && ENVIRONMENT_VARIABLE.matcher(name).matches();
  }

  // --- what the plan declares: names and ids, each well-formed and unique

  /** Names are declared even when misspelt, so their uses are not reported a second time. */
  private void declarations(Plan plan) {
    for (int i = 0; i < plan.roles().size(); i++) {
      Plan.Role role = plan.roles().get(i);
      if (name("role", role.id(), i) && !roles.add(role.id())) {
        values.problem(ProblemText.element("role", role.id(), i), "is declared twice");
      }
    }
    for (int i = 0; i < plan.params().size(); i++) {
      Plan.Param param = plan.params().get(i);
      if (name("param", param.name(), i) && value("param", param.name(), i, values.params)
          && param.defaultValue() != null) {
        param.defaultValue().ifPresent(d -> values.defaults.put(param.name(), d));
      }
    }
    for (int i = 0; i < plan.secrets().size(); i++) {
      Plan.Secret secret = plan.secrets().get(i);
      if (name("secret", secret.name(), i)) {
        value("secret", secret.name(), i, values.secrets);
      }
    }
    for (Phase phase : plan.phases()) {
      if (phase instanceof Phase.Steady steady) {
        for (int i = 0; i < steady.checks().size(); i++) {
          declareId("steady check", "check", steady.checks().get(i).id(), i);
        }
      } else if (phase instanceof Phase.Inject inject) {
        for (int i = 0; i < inject.steps().size(); i++) {
          declareId("inject step", "inject step", inject.steps().get(i).id(), i);
        }
      } else if (phase instanceof Phase.Detect detect) {
        for (int i = 0; i < detect.signals().size(); i++) {
          declareId("detect signal", "signal", detect.signals().get(i).id(), i);
        }
      } else if (phase instanceof Phase.Recover recover) {
        for (int i = 0; i < recover.steps().size(); i++) {
          declareId("recover step", "recovery step", recover.steps().get(i).id(), i);
        }
      }
    }
  }

  /** False when the name is missing; a name that is not kebab-case is reported and still declared. */
  private boolean name(String what, String name, int index) {
    if (name == null) {
      values.problem(what + " " + (index + 1), "the name is missing");
      return false;
    }
    if (!isId(name)) {
      values.problem(what + " " + ProblemText.shown(name), ProblemText.notKebab("the name"));
    }
    return true;
  }

  /** Params and secrets share one namespace: both are written ${name}. False for a second declaration. */
  private boolean value(String what, String name, int index, Set<String> into) {
    if (values.params.contains(name) || values.secrets.contains(name)) {
      String earlier = values.params.contains(name) ? "param" : "secret";
      values.problem(ProblemText.element(what, name, index), earlier.equals(what) ? "is declared twice"
          : "has the name of a " + earlier + " (params and secrets share one set of names)");
      return false;
    }
    into.add(name);
    return true;
  }

  private void declareId(String where, String kind, String id, int index) {
    if (id == null) {
      values.problem(where + " " + (index + 1), "the id is missing");
      return;
    }
    if (!isId(id)) {
      values.problem(where + " " + ProblemText.shown(id), ProblemText.notKebab("the id"));
    }
    if (ids.containsKey(id)) {
      values.problem(where + " " + ProblemText.shown(id), "the id is already used by a " + ids.get(id)
          + " (checks, inject steps, signals and recovery steps need distinct ids)");
    } else {
      ids.put(id, kind);
    }
  }

  // --- the drill, then each part in plan order

  private void drill(Plan plan) {
    String where = "drill";
    if (plan.planVersion() != Plan.CURRENT_VERSION) {
      values.problem(where, "plan version " + plan.planVersion()
          + " is unknown; this version of drill reads plan version " + Plan.CURRENT_VERSION);
    }
    if (plan.id() == null) {
      values.problem(where, "the id is missing");
    } else if (!isId(plan.id())) {
      values.problem(where, ProblemText.notKebab("the id " + ProblemText.shown(plan.id())));
    }
    values.text(where, PlanValues.Field.TITLE, plan.title());
    values.optionalText(where, PlanValues.Field.SUMMARY, plan.summary());
    values.text(where, PlanValues.Field.OWNER, plan.owner());
    values.present(where, "the kind", plan.kind());
    if (plan.kind() == DrillKind.EXPERIMENT) {
      plan.phases().stream()
          .filter(p -> p instanceof Phase.Detect || p instanceof Phase.Recover || p instanceof Phase.Comms)
          .forEach(p -> values.problem(where, "an experiment has no responders, but the plan has a '"
              + PHASE_NAMES.get(PHASE_ORDER.indexOf(p.getClass())) + "' phase"));
    }
    plan.tags().forEach(tag -> values.text(where, PlanValues.Field.TAG, tag));
    if (plan.environment() == null) {
      values.problem(where, "the environment is missing");
    } else if (!isId(plan.environment())) {
      values.problem(where, ProblemText.notKebab("the environment " + ProblemText.shown(plan.environment())));
    }
    values.optionalDuration(where, "timebox", plan.timebox());
    values.optionalDuration(where, "cadence", plan.cadence());
    values.duration(where, "rerun", plan.rerun());
    guide(where, plan.guide());
    values.present(where, "the source", plan.source());
    if (values.present(where, "the directory", plan.directory()) && plan.directory().isPresent() && !ProjectRoot.isDirectory(plan.directory().get())) {
      values.problem(where, "the directory " + ProblemText.shown(plan.directory().get()) + " is not a relative path"
          + " inside the project ('/'-separated, no '.' or '..' parts, or '.' for the project root)");
    }
    if (values.present(where, "the origin", plan.origin()) && plan.origin().isPresent()) {
      origin(where, plan.origin().get());
    }
    if (plan.fingerprint() == null) {
      values.problem(where, "the fingerprint is missing");
    } else if (!PlanFingerprint.isWellFormed(plan.fingerprint())) {
      values.problem(where, "the fingerprint " + ProblemText.shown(plan.fingerprint()) + " is not sha256: and 16 hex digits");
    }
    for (int i = 0; i < plan.roles().size(); i++) {
      Plan.Role role = plan.roles().get(i);
      String at = ProblemText.element("role", role.id(), i);
      values.optionalText(at, PlanValues.Field.DESCRIPTION, role.description());
      values.present(at, "the source", role.source());
    }
    for (int i = 0; i < plan.params().size(); i++) {
      Plan.Param param = plan.params().get(i);
      String at = ProblemText.element("param", param.name(), i);
      values.present(at, "the default", param.defaultValue());
      values.present(at, "the environment variable", param.env());
      if (param.env() != null) {
        param.env().filter(env -> !isEnvironmentVariable(env)).ifPresent(env -> values.problem(at,
            ProblemText.shown(env) + " is not an environment variable name (upper-case letters, digits and '_')"));
      }
      values.present(at, "the source", param.source());
    }
    for (int i = 0; i < plan.secrets().size(); i++) {
      Plan.Secret secret = plan.secrets().get(i);
      String at = ProblemText.element("secret", secret.name(), i);
      if (secret.env() == null) {
        values.problem(at, "the environment variable is missing");
      } else if (!isEnvironmentVariable(secret.env())) {
        values.problem(at, ProblemText.shown(secret.env())
            + " is not an environment variable name (upper-case letters, digits and '_')");
      }
      values.present(at, "the source", secret.source());
    }
    values.actions("setup action", plan.setup());
    values.actions("teardown action", plan.teardown());
    phases(plan.phases());
  }

  private void guide(String where, String guide) {
    if (guide == null) {
      values.problem(where, "the guide path is missing");
    } else if (guide.startsWith("/") || guide.matches("^[A-Za-z]:.*")) {
      values.problem(where, "the guide path " + ProblemText.shown(guide) + " is absolute");
    } else if (!guide.endsWith(".md")) {
      values.problem(where, "the guide path " + ProblemText.shown(guide) + " does not end in .md");
    }
  }

  private void phases(List<Phase> phases) {
    int last = -1;
    Set<Integer> seen = new HashSet<>();
    for (Phase phase : phases) {
      int order = PHASE_ORDER.indexOf(phase.getClass());
      String name = PHASE_NAMES.get(order);
      if (!seen.add(order)) {
        values.problem("phases", "a second '" + name + "' phase");
      } else if (order < last) {
        values.problem("phases", "'" + name + "' comes after '" + PHASE_NAMES.get(last)
            + "'; phases run in the order " + String.join(", ", PHASE_NAMES));
      }
      last = Math.max(last, order);
      phase(phase);
    }
  }

  private void phase(Phase phase) {
    if (phase instanceof Phase.Steady steady) {
      values.present("steady", "the source", steady.source());
      for (int i = 0; i < steady.checks().size(); i++) {
        Phase.Check check = steady.checks().get(i);
        String at = ProblemText.element("steady check", check.id(), i);
        values.text(at, PlanValues.Field.TITLE, check.title());
        values.probe(at, check.probe(), check.polling());
        values.present(at, "the source", check.source());
      }
    } else if (phase instanceof Phase.Inject inject) {
      for (int i = 0; i < inject.steps().size(); i++) {
        Phase.InjectStep step = inject.steps().get(i);
        String at = ProblemText.element("inject step", step.id(), i);
        values.text(at, PlanValues.Field.TITLE, step.title());
        values.actions(at + " action", step.actions());
        values.actions(at + " undo", step.undo());
        if (step.background() && step.actions().stream().anyMatch(Action.Manual.class::isInstance)) {
          values.problem(at, "runs in the background but holds a manual action (nobody answers two prompts at once)");
        }
        values.present(at, "the source", step.source());
      }
    } else if (phase instanceof Phase.Detect detect) {
      values.present("detect", "the mode (all or any)", detect.mode());
      values.duration("detect", "budget", detect.budget());
      values.present("detect", "the source", detect.source());
      for (int i = 0; i < detect.signals().size(); i++) {
        Phase.Signal signal = detect.signals().get(i);
        String at = ProblemText.element("detect signal", signal.id(), i);
        values.text(at, PlanValues.Field.TITLE, signal.title());
        values.probe(at, signal.probe(), signal.polling());
        values.present(at, "the source", signal.source());
      }
    } else if (phase instanceof Phase.Recover recover) {
      recover(recover);
    } else if (phase instanceof Phase.Comms comms) {
      values.present("comms", "the source", comms.source());
      for (int i = 0; i < comms.duties().size(); i++) {
        duty("comms duty " + (i + 1), comms.duties().get(i));
      }
    } else if (phase instanceof Phase.Abort abort) {
      values.present("abort", "the source", abort.source());
      for (int i = 0; i < abort.conditions().size(); i++) {
        Phase.AbortCondition condition = abort.conditions().get(i);
        String at = "abort condition " + (i + 1);
        values.probe(at, condition.probe(), condition.polling());
        values.present(at, "the source", condition.source());
      }
    } else if (phase instanceof Phase.Debrief debrief) {
      values.present("debrief", "the source", debrief.source());
      for (int i = 0; i < debrief.questions().size(); i++) {
        values.text("debrief question " + (i + 1), PlanValues.Field.QUESTION, debrief.questions().get(i));
      }
    }
  }

  private void recover(Phase.Recover recover) {
    values.optionalDuration("recover", "budget", recover.budget());
    values.present("recover", "the source", recover.source());
    Set<String> steps = new HashSet<>();
    recover.steps().forEach(s -> steps.add(s.id()));
    for (int i = 0; i < recover.steps().size(); i++) {
      Phase.RecoveryStep step = recover.steps().get(i);
      String at = ProblemText.element("recover step", step.id(), i);
      values.text(at, PlanValues.Field.TITLE, step.title());
      if (values.present(at, "the role", step.role())) {
        step.role().ifPresent(role -> role(at, role));
      }
      values.optionalDuration(at, "budget", step.budget());
      for (String target : step.after()) {
        if (!steps.contains(target)) {
          String other = ids.get(target);
          values.problem(at, "'after' names " + ProblemText.shown(target) + ", which is " + (other == null
              ? "not a recovery step" : "a " + other + ", not a recovery step of this phase"));
        }
      }
      values.actions(at + " action", step.actions());
      if (values.present(at, "the verify", step.verify())) {
        step.verify().ifPresent(verify -> {
          values.probe(at + " verify", verify.probe(), verify.polling());
          values.optionalDuration(at + " verify", "budget", verify.budget());
          values.present(at + " verify", "the source", verify.source());
        });
      }
      values.present(at, "the source", step.source());
    }
    AfterCycles.report(recover.steps(), values::problem);
  }

  private void duty(String at, CommsDuty duty) {
    values.text(at, PlanValues.Field.AUDIENCE, duty.audience());
    if (duty.role() == null) {
      values.problem(at, "the role is missing");
    } else {
      role(at, duty.role());
    }
    if (duty instanceof CommsDuty.Update update) {
      values.duration(at, "every", update.every());
    } else if (duty instanceof CommsDuty.Notify notify) {
      values.duration(at, "within", notify.within());
    }
    values.present(at, "the source", duty.source());
  }

  private void role(String at, String role) {
    if (!roles.contains(role)) {
      values.problem(at, "role " + ProblemText.shown(role) + " is not declared");
    }
  }

}
