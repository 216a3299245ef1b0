package dev.drill.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

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

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final String MAX = PlanText.duration(TimeLimits.MAX_DURATION);
  private static final String MIN = PlanText.duration(TimeLimits.MIN_POLLING);
  private static final int SHOWN_LENGTH = 60;
  private static final int SHOWN_CYCLES = 10;
  private static final int SHOWN_CYCLE_STEPS = 10;
  private static final List<Class<? extends Phase>> PHASE_ORDER = List.of(Phase.Steady.class,
      Phase.Inject.class, Phase.Detect.class, Phase.Recover.class, Phase.Comms.class,
      Phase.Abort.class, Phase.Debrief.class);
  private static final List<String> PHASE_NAMES =
      List.of("steady", "inject", "detect", "recover", "comms", "abort", "debrief");

  /** Where a text stands, which decides whether a secret may go there: printed text never holds one. */
  private enum Field {
    TITLE("the title", true),
    SUMMARY("the summary", true),
    OWNER("the owner", true),
    TAG("the tag", true),
    DESCRIPTION("the description", true),
    COMMAND("the command", false),
    URL("the url", true),
    HEADER_VALUE("the header value", false),
    BODY("the body", false),
    EXPECTED_TEXT("the expected text", true),
    INSTRUCTION("the instruction", true),
    QUERY("the query", true),
    ALERT("the alert name", true),
    SERVER("the server url", true),
    LOG_PATH("the log path", true),
    LOG_PATTERN("the log pattern", true),
    AUDIENCE("the audience", true),
    QUESTION("the question", true);

    final String description;
    final boolean printed;

    Field(String description, boolean printed) {
      this.description = description;
      this.printed = printed;
    }
  }

  private final Set<String> problems = new LinkedHashSet<>();
  private final Set<String> roles = new HashSet<>();
  private final Set<String> params = new HashSet<>();
  private final Set<String> secrets = new HashSet<>();
  /** Param defaults stand in for references when a log pattern is compiled, as the compiler does. */
  private final Map<String, String> defaults = new HashMap<>();
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
    return List.copyOf(validator.problems);
  }

  /** True for a kebab-case name, as ids, roles, params, secrets and environments are. */
  public static boolean isId(String name) {
    return name != null && ID.matcher(name).matches();
  }

  /** True for a name a secret's environment variable may have: {@code [A-Z_][A-Z0-9_]*}. */
  public static boolean isEnvironmentVariable(String name) {
    return name != null && ENVIRONMENT_VARIABLE.matcher(name).matches();
  }

  // --- what the plan declares: names and ids, each well-formed and unique

  /** Names are declared even when misspelt, so their uses are not reported a second time. */
  private void declarations(Plan plan) {
    for (int i = 0; i < plan.roles().size(); i++) {
      Plan.Role role = plan.roles().get(i);
      if (name("role", role.id(), i) && !roles.add(role.id())) {
        problem(element("role", role.id(), i), "is declared twice");
      }
    }
    for (int i = 0; i < plan.params().size(); i++) {
      Plan.Param param = plan.params().get(i);
      if (name("param", param.name(), i) && value("param", param.name(), i, params)
          && param.defaultValue() != null) {
        param.defaultValue().ifPresent(d -> defaults.put(param.name(), d));
      }
    }
    for (int i = 0; i < plan.secrets().size(); i++) {
      Plan.Secret secret = plan.secrets().get(i);
      if (name("secret", secret.name(), i)) {
        value("secret", secret.name(), i, secrets);
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
      problem(what + " " + (index + 1), "the name is missing");
      return false;
    }
    if (!isId(name)) {
      problem(what + " " + shown(name), notKebab("the name"));
    }
    return true;
  }

  private static String notKebab(String subject) {
    return subject + " is not kebab-case (lower-case words joined by '-')";
  }

  /** Params and secrets share one namespace: both are written ${name}. False for a second declaration. */
  private boolean value(String what, String name, int index, Set<String> into) {
    if (params.contains(name) || secrets.contains(name)) {
      String earlier = params.contains(name) ? "param" : "secret";
      problem(element(what, name, index), earlier.equals(what) ? "is declared twice"
          : "has the name of a " + earlier + " (params and secrets share one set of names)");
      return false;
    }
    into.add(name);
    return true;
  }

  private void declareId(String where, String kind, String id, int index) {
    if (id == null) {
      problem(where + " " + (index + 1), "the id is missing");
      return;
    }
    if (!isId(id)) {
      problem(where + " " + shown(id), notKebab("the id"));
    }
    if (ids.containsKey(id)) {
      problem(where + " " + shown(id), "the id is already used by a " + ids.get(id)
          + " (checks, inject steps, signals and recovery steps need distinct ids)");
    } else {
      ids.put(id, kind);
    }
  }

  // --- the drill, then each part in plan order

  private void drill(Plan plan) {
    String where = "drill";
    if (plan.planVersion() != Plan.CURRENT_VERSION) {
      problem(where, "plan version " + plan.planVersion()
          + " is unknown; this version of drill reads plan version " + Plan.CURRENT_VERSION);
    }
    if (plan.id() == null) {
      problem(where, "the id is missing");
    } else if (!isId(plan.id())) {
      problem(where, notKebab("the id " + shown(plan.id())));
    }
    text(where, Field.TITLE, plan.title());
    optionalText(where, Field.SUMMARY, plan.summary());
    text(where, Field.OWNER, plan.owner());
    present(where, "the kind", plan.kind());
    plan.tags().forEach(tag -> text(where, Field.TAG, tag));
    if (plan.environment() == null) {
      problem(where, "the environment is missing");
    } else if (!isId(plan.environment())) {
      problem(where, notKebab("the environment " + shown(plan.environment())));
    }
    optionalDuration(where, "timebox", plan.timebox());
    optionalDuration(where, "cadence", plan.cadence());
    duration(where, "rerun", plan.rerun());
    guide(where, plan.guide());
    present(where, "the source", plan.source());
    if (plan.fingerprint() == null) {
      problem(where, "the fingerprint is missing");
    } else if (!PlanFingerprint.isWellFormed(plan.fingerprint())) {
      problem(where, "the fingerprint " + shown(plan.fingerprint()) + " is not sha256: and 16 hex digits");
    }
    for (int i = 0; i < plan.roles().size(); i++) {
      Plan.Role role = plan.roles().get(i);
      String at = element("role", role.id(), i);
      optionalText(at, Field.DESCRIPTION, role.description());
      present(at, "the source", role.source());
    }
    for (int i = 0; i < plan.params().size(); i++) {
      Plan.Param param = plan.params().get(i);
      String at = element("param", param.name(), i);
      present(at, "the default", param.defaultValue());
      present(at, "the source", param.source());
    }
    for (int i = 0; i < plan.secrets().size(); i++) {
      Plan.Secret secret = plan.secrets().get(i);
      String at = element("secret", secret.name(), i);
      if (secret.env() == null) {
        problem(at, "the environment variable is missing");
      } else if (!isEnvironmentVariable(secret.env())) {
        problem(at, shown(secret.env())
            + " is not an environment variable name (upper-case letters, digits and '_')");
      }
      present(at, "the source", secret.source());
    }
    actions("setup action", plan.setup());
    actions("teardown action", plan.teardown());
    phases(plan.phases());
  }

  private void guide(String where, String guide) {
    if (guide == null) {
      problem(where, "the guide path is missing");
    } else if (guide.startsWith("/") || guide.matches("^[A-Za-z]:.*")) {
      problem(where, "the guide path " + shown(guide) + " is absolute");
    } else if (!guide.endsWith(".md")) {
      problem(where, "the guide path " + shown(guide) + " does not end in .md");
    }
  }

  private void phases(List<Phase> phases) {
    int last = -1;
    Set<Integer> seen = new HashSet<>();
    for (Phase phase : phases) {
      int order = PHASE_ORDER.indexOf(phase.getClass());
      String name = PHASE_NAMES.get(order);
      if (!seen.add(order)) {
        problem("phases", "a second '" + name + "' phase");
      } else if (order < last) {
        problem("phases", "'" + name + "' comes after '" + PHASE_NAMES.get(last)
            + "'; phases run in the order " + String.join(", ", PHASE_NAMES));
      }
      last = Math.max(last, order);
      phase(phase);
    }
  }

  private void phase(Phase phase) {
    if (phase instanceof Phase.Steady steady) {
      present("steady", "the source", steady.source());
      for (int i = 0; i < steady.checks().size(); i++) {
        Phase.Check check = steady.checks().get(i);
        String at = element("steady check", check.id(), i);
        text(at, Field.TITLE, check.title());
        probe(at, check.probe(), check.polling());
        present(at, "the source", check.source());
      }
    } else if (phase instanceof Phase.Inject inject) {
      for (int i = 0; i < inject.steps().size(); i++) {
        Phase.InjectStep step = inject.steps().get(i);
        String at = element("inject step", step.id(), i);
        text(at, Field.TITLE, step.title());
        actions(at + " action", step.actions());
        actions(at + " undo", step.undo());
        present(at, "the source", step.source());
      }
    } else if (phase instanceof Phase.Detect detect) {
      present("detect", "the mode (all or any)", detect.mode());
      duration("detect", "budget", detect.budget());
      present("detect", "the source", detect.source());
      for (int i = 0; i < detect.signals().size(); i++) {
        Phase.Signal signal = detect.signals().get(i);
        String at = element("detect signal", signal.id(), i);
        text(at, Field.TITLE, signal.title());
        probe(at, signal.probe(), signal.polling());
        present(at, "the source", signal.source());
      }
    } else if (phase instanceof Phase.Recover recover) {
      recover(recover);
    } else if (phase instanceof Phase.Comms comms) {
      present("comms", "the source", comms.source());
      for (int i = 0; i < comms.duties().size(); i++) {
        duty("comms duty " + (i + 1), comms.duties().get(i));
      }
    } else if (phase instanceof Phase.Abort abort) {
      present("abort", "the source", abort.source());
      for (int i = 0; i < abort.conditions().size(); i++) {
        Phase.AbortCondition condition = abort.conditions().get(i);
        String at = "abort condition " + (i + 1);
        probe(at, condition.probe(), condition.polling());
        present(at, "the source", condition.source());
      }
    } else if (phase instanceof Phase.Debrief debrief) {
      present("debrief", "the source", debrief.source());
      for (int i = 0; i < debrief.questions().size(); i++) {
        text("debrief question " + (i + 1), Field.QUESTION, debrief.questions().get(i));
      }
    }
  }

  private void recover(Phase.Recover recover) {
    optionalDuration("recover", "budget", recover.budget());
    present("recover", "the source", recover.source());
    Set<String> steps = new HashSet<>();
    recover.steps().forEach(s -> steps.add(s.id()));
    for (int i = 0; i < recover.steps().size(); i++) {
      Phase.RecoveryStep step = recover.steps().get(i);
      String at = element("recover step", step.id(), i);
      text(at, Field.TITLE, step.title());
      if (present(at, "the role", step.role())) {
        step.role().ifPresent(role -> role(at, role));
      }
      optionalDuration(at, "budget", step.budget());
      for (String target : step.after()) {
        if (!steps.contains(target)) {
          String other = ids.get(target);
          problem(at, "'after' names " + shown(target) + ", which is " + (other == null
              ? "not a recovery step" : "a " + other + ", not a recovery step of this phase"));
        }
      }
      actions(at + " action", step.actions());
      if (present(at, "the verify", step.verify())) {
        step.verify().ifPresent(verify -> {
          probe(at + " verify", verify.probe(), verify.polling());
          optionalDuration(at + " verify", "budget", verify.budget());
          present(at + " verify", "the source", verify.source());
        });
      }
      present(at, "the source", step.source());
    }
    afterCycles(recover.steps());
  }

  /**
   * Reports each cycle of 'after' references once, at the step that closes it, as the
   * compiler does. Depth-first with an explicit stack: a chain of thousands of steps must not
   * overflow the call stack. A forged plan can hold a number of cycles that grows with the
   * cube of its steps: past a few, one line says there are more.
   */
  private void afterCycles(List<Phase.RecoveryStep> steps) {
    Map<String, Phase.RecoveryStep> byId = new LinkedHashMap<>();
    steps.stream().filter(s -> s.id() != null).forEach(s -> byId.putIfAbsent(s.id(), s));
    Set<String> done = new HashSet<>();
    int cycles = 0;
    for (String start : byId.keySet()) {
      if (cycles > SHOWN_CYCLES) {
        return;
      }
      if (done.contains(start)) {
        continue;
      }
      Deque<Visit> stack = new ArrayDeque<>();
      List<String> path = new ArrayList<>();
      Set<String> onPath = new HashSet<>();
      stack.push(new Visit(byId.get(start)));
      path.add(start);
      onPath.add(start);
      while (!stack.isEmpty()) {
        Visit visit = stack.peek();
        if (visit.next == visit.step.after().size()) {
          stack.pop();
          String id = path.remove(path.size() - 1);
          onPath.remove(id);
          done.add(id);
          continue;
        }
        String target = visit.step.after().get(visit.next++);
        if (onPath.contains(target) && ++cycles > SHOWN_CYCLES) {
          problem("recover", "more steps wait for each other in cycles of 'after'");
          return;
        } else if (onPath.contains(target)) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
          cycle.add(target);
          problem(element("recover step", visit.step.id(), 0), cycle.size() == 2 ? "waits for itself ('after')"
              : "steps wait for each other in a cycle: " + cycle(cycle));
        } else if (!done.contains(target) && byId.containsKey(target)) {
          stack.push(new Visit(byId.get(target)));
          path.add(target);
          onPath.add(target);
        }
      }
    }
  }

  /** The steps of a cycle, its start again at the end; a long one cut in the middle. */
  private static String cycle(List<String> ids) {
    List<String> shown = ids.stream().map(PlanValidator::shown).collect(Collectors.toList());
    if (shown.size() <= SHOWN_CYCLE_STEPS) {
      return String.join(" -> ", shown);
    }
    return String.join(" -> ", shown.subList(0, SHOWN_CYCLE_STEPS - 2)) + " -> ... ("
        + (shown.size() - 1) + " steps) -> " + String.join(" -> ", shown.subList(shown.size() - 2, shown.size()));
  }

  private static final class Visit {
    final Phase.RecoveryStep step;
    int next;

    Visit(Phase.RecoveryStep step) {
      this.step = step;
    }
  }

  private void duty(String at, CommsDuty duty) {
    text(at, Field.AUDIENCE, duty.audience());
    if (duty.role() == null) {
      problem(at, "the role is missing");
    } else {
      role(at, duty.role());
    }
    if (duty instanceof CommsDuty.Update update) {
      duration(at, "every", update.every());
    } else if (duty instanceof CommsDuty.Notify notify) {
      duration(at, "within", notify.within());
    }
    present(at, "the source", duty.source());
  }

  private void role(String at, String role) {
    if (!roles.contains(role)) {
      problem(at, "role " + shown(role) + " is not declared");
    }
  }

  // --- actions and probes

  private void actions(String prefix, List<Action> actions) {
    for (int i = 0; i < actions.size(); i++) {
      action(prefix + " " + (i + 1), actions.get(i));
    }
  }

  private void action(String at, Action action) {
    if (action instanceof Action.Run run) {
      text(at, Field.COMMAND, run.command());
      optionalDuration(at, "timeout", run.timeout());
    } else if (action instanceof Action.Http http) {
      request(at, http.method(), http.url(), http.headers(), http.body());
      if (present(at, "the expected status", http.expectStatus())) {
        http.expectStatus().ifPresent(e -> status(at, e));
      }
    } else if (action instanceof Action.Manual manual) {
      text(at, Field.INSTRUCTION, manual.instruction());
    } else if (action instanceof Action.Wait wait) {
      duration(at, "wait", wait.duration());
    }
    present(at, "the source", action.source());
  }

  private void probe(String at, Probe probe, Polling polling) {
    if (probe == null) {
      problem(at, "the probe is missing");
    } else if (probe instanceof Probe.Http http) {
      request(at, http.method(), http.url(), http.headers(), http.body());
      if (present(at, "the expected status", http.expectStatus())) {
        http.expectStatus().ifPresent(e -> status(at, e));
      }
      optionalText(at, Field.EXPECTED_TEXT, http.expectBodyContains());
    } else if (probe instanceof Probe.Command command) {
      text(at, Field.COMMAND, command.command());
      exit(at, command.expectExit());
      optionalText(at, Field.EXPECTED_TEXT, command.expectOutputContains());
    } else if (probe instanceof Probe.PrometheusQuery query) {
      text(at, Field.QUERY, query.query());
      optionalText(at, Field.SERVER, query.server());
      expectation(at, "the expectation", query.expect());
    } else if (probe instanceof Probe.PrometheusAlert alert) {
      text(at, Field.ALERT, alert.alert());
      optionalText(at, Field.SERVER, alert.server());
    } else if (probe instanceof Probe.Log log) {
      text(at, Field.LOG_PATH, log.path());
      if (text(at, Field.LOG_PATTERN, log.pattern())) {
        pattern(at, log.pattern());
      }
    } else if (probe instanceof Probe.Manual manual) {
      text(at, Field.QUESTION, manual.question());
    }
    if (polling == null) {
      problem(at, "the polling is missing");
      return;
    }
    if (duration(at, "every", polling.every())) {
      atLeastPolling(at, "every", polling.every());
    }
    if (duration(at, "timeout", polling.timeout())) {
      atLeastPolling(at, "timeout", polling.timeout());
    }
    optionalDuration(at, "hold time ('for')", polling.holdFor());
  }

  private void request(String at, String method, String url, List<Header> headers, Optional<String> body) {
    if (method == null) {
      problem(at, "the method is missing");
    } else if (!HTTP_METHODS.contains(method)) {
      problem(at, shown(method) + " is not an HTTP method (" + String.join(", ", HTTP_METHODS) + ")");
    }
    text(at, Field.URL, url);
    for (Header header : headers) {
      // A header name is plain text: the compiler writes it as it reads and the runtime sends it so.
      present(at, "the header name", header.name());
      text(at, Field.HEADER_VALUE, header.value());
    }
    optionalText(at, Field.BODY, body);
  }

  private void status(String at, Expectation status) {
    if (expectation(at, "the expected status", status) && !isIntegerBetween(status.value(), 100, 599)) {
      problem(at, "the expected status " + shown(status.value())
          + " is not an HTTP status (a whole number from 100 to 599)");
    }
  }

  private void exit(String at, Expectation exit) {
    if (expectation(at, "the expected exit status", exit) && !isIntegerBetween(exit.value(), 0, 255)) {
      problem(at, "the expected exit status " + shown(exit.value())
          + " is not an exit status (a whole number from 0 to 255)");
    }
  }

  private boolean expectation(String at, String what, Expectation expectation) {
    if (expectation == null) {
      problem(at, what + " is missing");
    } else if (expectation.op() == null) {
      problem(at, what + " has no comparator");
    } else if (expectation.value() == null) {
      problem(at, what + " has no value");
    } else {
      return true;
    }
    return false;
  }

  private static boolean isIntegerBetween(BigDecimal value, int low, int high) {
    return value.compareTo(BigDecimal.valueOf(low)) >= 0
        && value.compareTo(BigDecimal.valueOf(high)) <= 0
        && value.stripTrailingZeros().scale() <= 0;
  }

  /** The pattern as the compiler checks it: references replaced by their defaults, else a stand-in. */
  private void pattern(String at, String pattern) {
    StringBuilder sample = new StringBuilder();
    for (Interpolation.Part part : Interpolation.parse(pattern)) {
      if (part instanceof Interpolation.Literal literal) {
        sample.append(literal.text());
      } else if (part instanceof Interpolation.Reference reference) {
        String value = defaults.get(reference.name());
        boolean afterColon = sample.length() > 0 && sample.charAt(sample.length() - 1) == ':';
        sample.append(value != null ? value : afterColon ? "1" : "x1");
      }
    }
    try {
      Pattern.compile(sample.toString());
    } catch (PatternSyntaxException e) {
      String reason = clean(e.getDescription());
      problem(at, "the log pattern is not a regular expression: "
          + (reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1))
          + (e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : ""));
    }
  }

  // --- values: texts, durations, presence

  /** A template: every reference names a param or secret, and a secret only where it is not printed. */
  private boolean text(String at, Field field, String text) {
    if (text == null) {
      problem(at, field.description + " is missing");
      return false;
    }
    for (Interpolation.Part part : Interpolation.parse(text)) {
      if (part instanceof Interpolation.Reference reference) {
        String name = reference.name();
        if (secrets.contains(name)) {
          if (field.printed) {
            problem(at, field.description + " uses secret " + shown(name) + ", which would be printed; secrets"
                + " may be used only in run commands, command probes, http header values and bodies");
          }
        } else if (!params.contains(name)) {
          problem(at, field.description + " refers to " + shown("${" + name + "}")
              + ", which is not a declared param or secret");
        }
      }
    }
    return true;
  }

  private void optionalText(String at, Field field, Optional<String> text) {
    if (present(at, field.description, text)) {
      text.ifPresent(t -> text(at, field, t));
    }
  }

  /** A duration greater than zero and at most {@link TimeLimits#MAX_DURATION}; false when it is not. */
  private boolean duration(String at, String what, Duration duration) {
    if (duration == null) {
      problem(at, what + " is missing");
      return false;
    }
    if (duration.isNegative()) {
      problem(at, what + " " + shown(duration) + " is negative");
      return false;
    }
    if (duration.isZero()) {
      problem(at, what + " is zero");
      return false;
    }
    if (duration.compareTo(TimeLimits.MAX_DURATION) > 0) {
      problem(at, what + " " + shown(duration) + " is longer than the maximum of " + MAX);
      return false;
    }
    return true;
  }

  private void optionalDuration(String at, String what, Optional<Duration> duration) {
    if (present(at, what, duration)) {
      duration.ifPresent(d -> duration(at, what, d));
    }
  }

  private void atLeastPolling(String at, String what, Duration duration) {
    if (duration.compareTo(TimeLimits.MIN_POLLING) < 0) {
      problem(at, what + " " + shown(duration) + " is shorter than the minimum of " + MIN);
    }
  }

  /** False, with a problem, when a value that must be there is {@code null}. */
  private boolean present(String at, String what, Object value) {
    if (value == null) {
      problem(at, what + " is missing");
      return false;
    }
    return true;
  }

  private void problem(String at, String what) {
    problems.add(at + ": " + what);
  }

  // --- how plan text is shown in a problem

  private static String element(String what, String id, int index) {
    return id == null ? what + " " + (index + 1) : what + " " + shown(id);
  }

  /** A number as written, unless written out it would be long ({@code 1E+999999999} has a billion digits). */
  private static String shown(BigDecimal number) {
    if (number.precision() > SHOWN_LENGTH) {
      return number.round(new MathContext(12)).toString();
    }
    return Math.abs(number.scale()) > SHOWN_LENGTH ? number.toString() : number.toPlainString();
  }

  /** A duration as a drill writes it ({@code 14d}, {@code 1h30m}, {@code 500ms}), whatever its size. */
  private static String shown(Duration duration) {
    if (duration.isNegative()) {
      // The one duration without a positive counterpart.
      return duration.getSeconds() == Long.MIN_VALUE ? duration.toString() : "-" + shown(duration.negated());
    }
    StringBuilder out = new StringBuilder();
    long[] amounts = {duration.toDays(), duration.toHoursPart(), duration.toMinutesPart(),
        duration.toSecondsPart(), duration.toMillisPart()};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0) {
        out.append(amounts[i]).append(units[i]);
      }
    }
    return out.length() > 0 ? out.toString() : duration.toString();
  }

  /**
   * Plan text in quotes, on one line and harmless on a terminal: control and format
   * characters escaped (no ANSI sequence or bidi override from a forged plan reaches the
   * screen), long text cut.
   */
  static String shown(String text) {
    if (text == null) {
      return "(missing)";
    }
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      if (shown++ == SHOWN_LENGTH) {
        return out.append("...'").toString();
      }
      int c = text.codePointAt(i);
      out.append(escaped(c));
    }
    return out.append('\'').toString();
  }

  private static String clean(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.append(escaped(c)));
    return out.toString();
  }

  private static String escaped(int c) {
    return isUnsafe(c) ? String.format("\\u%04x", c) : new String(Character.toChars(c));
  }

  private static boolean isUnsafe(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
