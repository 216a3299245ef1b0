package dev.drill.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Action;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.Phase;
import dev.drill.plan.Plan;
import dev.drill.plan.Polling;
import dev.drill.plan.Probe;
import dev.drill.runtime.engine.Plans;
import dev.drill.plan.SourceSpan;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunInputsTest {

  private final Plan plan = TimingPlan.load();

  @Test
  void defaultsSetValuesAndSecretsFromTheEnvironment() {
    RunInputs.Bound bound = RunInputs.bind(plan, Map.of("host", "svc-2"), Map.of("SVC_TOKEN", "t0k3n")::get);
    assertEquals(List.of(), bound.problems());
    Bindings bindings = bound.bindings().orElseThrow();
    assertEquals("ssh svc-2 --token t0k3n", bindings.render("ssh ${host} --token ${token}"));
    assertEquals("token ********", bindings.redact("token t0k3n"));
  }

  @Test
  void everyProblemIsSaidAtOnce() {
    RunInputs.Bound bound = RunInputs.bind(plan, Map.of("hots", "x", "token", "y"), name -> null);
    assertTrue(bound.bindings().isEmpty());
    assertEquals(List.of(
        "--set hots: the drill has no param 'hots'",
        "--set token: the drill has no param 'token' (it is a secret: set its environment variable instead)",
        "secret 'token' comes from the environment variable SVC_TOKEN, which is not set"),
        bound.problems().stream().sorted().collect(java.util.stream.Collectors.toList()));
  }

  /** {@code param p = env "P_VALUE" [default "..."]}: --set first, then the variable, then the default. */
  private static Plan envParam(Optional<String> defaultValue) {
    Plan base = TimingPlan.load();
    return new Plan(base.planVersion(), base.id(), base.title(), base.summary(), base.owner(), base.kind(),
        base.tags(), base.environment(), base.timebox(), base.cadence(), base.rerun(), base.guide(), base.source(),
        base.roles(), List.of(new Plan.Param("p", defaultValue, Optional.empty(), Optional.of("P_VALUE"), AT)),
        List.of(), List.of(), List.of(), List.of(), base.fingerprint());
  }

  @Test
  void aParamFromTheEnvironmentTakesSetThenTheVariableThenItsDefault() {
    Plan withDefault = envParam(Optional.of("fallback"));
    Map<String, String> env = Map.of("P_VALUE", "from-env");
    assertEquals(Optional.of("given"),
        RunInputs.bind(withDefault, Map.of("p", "given"), env::get).bindings().orElseThrow().value("p"));
    assertEquals(Optional.of("from-env"),
        RunInputs.bind(withDefault, Map.of(), env::get).bindings().orElseThrow().value("p"));
    assertEquals(Optional.of("fallback"),
        RunInputs.bind(withDefault, Map.of(), name -> null).bindings().orElseThrow().value("p"));
    assertEquals(List.of("param 'p' has no default: give it with --set p=VALUE or set the environment variable P_VALUE"),
        RunInputs.bind(envParam(Optional.empty()), Map.of(), name -> null).problems());
  }

  @Test
  void theEnvironmentGuard() {
    assertEquals(Optional.empty(), RunInputs.guard(plan, "staging", false));
    assertTrue(RunInputs.guard(plan, "production", true).orElseThrow().contains("this run targets 'production'"));
  }

  private static final SourceSpan AT = new SourceSpan("x.drill", 7, 5, 7, 40);

  /** A plan whose setup runs the commands, with the param {@code p} (and its pattern) and the secret {@code token}. */
  private static Plan plan(Optional<String> pattern, Optional<String> secretPattern, String... commands) {
    Plan base = TimingPlan.load();
    return new Plan(base.planVersion(), base.id(), base.title(), base.summary(), base.owner(), base.kind(),
        base.tags(), base.environment(), base.timebox(), base.cadence(), base.rerun(), base.guide(), base.source(),
        base.roles(), List.of(new Plan.Param("p", Optional.of("plain"), pattern, AT)),
        List.of(new Plan.Secret("token", "TOKEN", secretPattern, AT)),
        List.of(commands).stream().map(c -> new Action.Run(c, Optional.empty(), AT)).collect(Collectors.toList()),
        List.of(), List.of(), base.fingerprint());
  }

  private static List<String> problems(Plan plan, String p, String token) {
    return RunInputs.bind(plan, Map.of("p", p), Map.of("TOKEN", token)::get).problems();
  }

  @Test
  void aValueStartingWithADashIsRefusedUnlessItsPatternAllowsIt() {
    Plan plain = plan(Optional.empty(), Optional.empty(), "ssh ${p} true", "echo ${token}");
    assertEquals(List.of("param 'p' is '-oProxyCommand=touch x', which starts with '-': a command could read it as an"
        + " option. If it may hold that, declare what it may hold: param p matches \"...\""),
        problems(plain, "-oProxyCommand=touch x", "t0k3n"));
    assertEquals(List.of("secret 'token' (from TOKEN) starts with '-': a command could read it as an option. If it"
        + " may hold that, declare what it may hold: secret token = env \"TOKEN\" matches \"...\""),
        problems(plain, "host", "-s3cret"));
    Plan allowed = plan(Optional.of("-?[0-9]+"), Optional.of("-.*"), "echo ${p}", "echo ${token}");
    assertEquals(List.of(), problems(allowed, "-12", "-s3cret"));
  }

  @Test
  void aValueMustMatchItsPatternWhole() {
    Plan plan = plan(Optional.of("[a-z0-9.-]+"), Optional.of("[A-Za-z0-9]{8}"), "echo ${p} ${token}");
    assertEquals(List.of(), problems(plan, "me-1.staging", "Abcd1234"));
    assertEquals(List.of(
        "param 'p' is 'me-1.staging; rm', which does not match its pattern \"[a-z0-9.-]+\"; give a value that does:"
            + " --set p=VALUE",
        "secret 'token' (from TOKEN) does not match its pattern \"[A-Za-z0-9]{8}\"; set TOKEN to a value that does"),
        problems(plan, "me-1.staging; rm", "Abcd1234-and-more"));
    assertFalse(String.join("", problems(plan, "x", "s3cret-value")).contains("s3cret-value"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sh -c \"echo ${p}\"",
      "bash -c 'echo ${p}'",
      "ssh ${token} sudo systemctl restart ${p}",
      "kubectl exec pod -- sh -c \"echo ${p}\"",
      "eval echo ${p}",
      "echo ${p} | sh",
      "ssh ${token} <<EOF\necho ${p}\nEOF",
  })
  void aValueWhereAnotherShellParsesItAgainMustBeStrict(String command) {
    List<String> refused = problems(plan(Optional.empty(), Optional.empty(), command), "$(touch PWNED)", "t0k3n");
    assertEquals(1, refused.size(), refused.toString());
    assertTrue(refused.get(0).startsWith("param 'p' goes into "), refused.get(0));
    assertTrue(refused.get(0).contains("in setup (x.drill:7:5): " + command.replace("\n", "\\n") + ";"), refused.get(0));
    assertTrue(refused.get(0).contains("its value '$(touch PWNED)' holds characters other than letters, digits and"),
        refused.get(0));
    assertEquals(List.of(), problems(plan(Optional.empty(), Optional.empty(), command), "me-1.staging", "t0k3n"));
  }

  @Test
  void theMessageNamesThePlaceAndTheFix() {
    Plan plan = plan(Optional.empty(), Optional.empty(), "sh -c \"echo ${p}\"");
    assertEquals(List.of("param 'p' goes into the script of 'sh -c' in setup (x.drill:7:5): sh -c \"echo ${p}\";"
        + " another shell parses that text again, where a value must be letters, digits and _ . / : @ + , = % -"
        + " (not empty, not starting with '-'), and its value 'a b' holds characters other than letters, digits and"
        + " _ . / : @ + , = % -; pass it to the script as an argument instead (sh -c 'echo \"$1\"' _ ${p}) or use a"
        + " value of only those characters"),
        problems(plan, "a b", "t0k3n"));
  }

  @Test
  void aSecretWhereAnotherShellParsesItAgainIsNeverShown() {
    Plan plan = plan(Optional.empty(), Optional.empty(), "ssh me-1 me-admin --token ${token} replay");
    assertEquals(List.of(), problems(plan, "x", "s3cret+token/with=base64"));
    List<String> refused = problems(plan, "x", "s3cret token");
    assertEquals(1, refused.size());
    assertTrue(refused.get(0).startsWith("secret 'token' goes into the remote command of 'ssh' in setup"), refused.get(0));
    assertTrue(refused.get(0).contains("its value holds characters other than"), refused.get(0));
    assertFalse(refused.get(0).contains("s3cret"), refused.get(0));
  }

  @Test
  void ordinaryCommandsTakeOrdinaryValues() {
    Plan plan = plan(Optional.empty(), Optional.empty(), "kill $(cat ${p}/pid)", "ssh ${p} sudo systemctl restart x",
        "printf '%s' ${p} \"${p}\" '${p}'");
    assertEquals(List.of(), problems(plan, "/tmp/drill-sandbox", "t0k3n"));
    assertEquals(List.of(), problems(plan, "a b; $(touch PWNED) `x` 'q' \"d\"", "t0k3n"), "data where it is quoted");
  }

  @Test
  void everyCommandOfThePlanIsChecked() {
    Plan base = TimingPlan.load();
    Polling polling = new Polling(Duration.ofSeconds(5), Duration.ofSeconds(5), Optional.empty());
    Probe probe = new Probe.Command("sh -c \"test -e ${host}\"", new Expectation(Comparator.EQ, BigDecimal.ZERO),
        Optional.empty());
    Plan plan = Plans.withPhase(base, new Phase.Steady(List.of(new Phase.Check("up", "Up", probe, polling, AT)), AT));
    List<String> refused = RunInputs.bind(plan, Map.of("host", "a b"), Map.of("SVC_TOKEN", "svc-t0k3n")::get).problems();
    assertTrue(refused.stream().anyMatch(p -> p.startsWith("param 'host' goes into the script of 'sh -c' in check 'up'"
        + " (x.drill:7:5)")), refused.toString());
  }
}
