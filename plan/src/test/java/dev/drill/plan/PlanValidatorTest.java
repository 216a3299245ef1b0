package dev.drill.plan;

import static dev.drill.plan.PlanEdit.withActions;
import static dev.drill.plan.PlanEdit.withAfter;
import static dev.drill.plan.PlanEdit.withBudget;
import static dev.drill.plan.PlanEdit.withId;
import static dev.drill.plan.PlanEdit.withPolling;
import static dev.drill.plan.PlanEdit.withProbe;
import static dev.drill.plan.PlanEdit.withRole;
import static dev.drill.plan.PlanEdit.withTitle;
import static dev.drill.plan.Plans.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanValidatorTest {

  private static final SourceSpan SPAN = SourceSpan.at(Plans.FILE, 1, 1);
  private static final Plan FULL = Plans.full();
  private static final String NOT_KEBAB = " is not kebab-case (lower-case words joined by '-')";

  private static List<String> problems(Plan plan) {
    return PlanValidator.problems(plan);
  }

  @Test
  void plansAsTheCompilerWritesThemHaveNoProblem() throws PlanFormatException {
    assertEquals(List.of(), problems(FULL));
    assertEquals(List.of(), problems(Plans.minimal()));
    assertEquals(List.of(), problems(PlanJson.read(PlanJson.write(FULL))));
  }

  // --- version and syntax of names

  @Test
  void anUnknownPlanVersion() {
    assertEquals(List.of("drill: plan version 2 is unknown; this version of drill reads plan version 1"),
        problems(PlanEdit.of(FULL, e -> e.planVersion = 2)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../x", "/abs/dir", "", "Matching-Engine", "engine_crash", "-x", "x-", "a--b", "1st",
      "x\n", "x/y"})
  void aDrillIdThatIsNotKebabCase(String id) {
    assertEquals(List.of("drill: the id " + ProblemText.shown(id) + NOT_KEBAB),
        problems(PlanEdit.of(FULL, e -> e.id = id)));
  }

  @Test
  void anEnvironmentThatIsNotKebabCase() {
    assertEquals(List.of("drill: the environment '../production'" + NOT_KEBAB),
        problems(PlanEdit.of(FULL, e -> e.environment = "../production")));
  }

  @Test
  void namesOfRolesParamsAndSecretsAreKebabCase() {
    Plan plan = PlanEdit.of(FULL, e -> {
      e.roles = List.of(new Plan.Role("Commander", Optional.empty(), SPAN));
      e.params = List.of(new Plan.Param("host_name", Optional.empty(), SPAN));
      e.secrets = List.of(new Plan.Secret("Token", "ME_TOKEN", SPAN));
      e.phases = List.of();
    });
    assertEquals(List.of(
        "role 'Commander': the name" + NOT_KEBAB,
        "param 'host_name': the name" + NOT_KEBAB,
        "secret 'Token': the name" + NOT_KEBAB), problems(plan));
  }

  @Test
  void idsOfChecksStepsAndSignalsAreKebabCase() {
    Plan plan = PlanEdit.step(FULL, "declare", s -> withId(s, "Declare"));
    assertEquals(List.of("recover step 'Declare': the id" + NOT_KEBAB,
            "recover step 'replay': 'after' names 'declare', which is not a recovery step"),
        problems(plan));
  }

  // --- unique ids, declared names

  @Test
  void checksInjectStepsSignalsAndRecoveryStepsShareOneNamespace() {
    Plan plan = PlanEdit.signal(FULL, "paged", s -> new Phase.Signal("engine-up", s.title(), s.probe(),
        s.polling(), s.source()));
    assertEquals(List.of("detect signal 'engine-up': the id is already used by a check"
        + " (checks, inject steps, signals and recovery steps need distinct ids)"), problems(plan));
  }

  @Test
  void rolesParamsAndSecretsAreDeclaredOnce() {
    Plan plan = PlanEdit.of(FULL, e -> {
      e.roles = append(e.roles, new Plan.Role("operator", Optional.empty(), SPAN));
      e.params = append(e.params, new Plan.Param("host", Optional.empty(), SPAN));
      e.secrets = append(e.secrets, new Plan.Secret("port", "PORT", SPAN));
    });
    assertEquals(List.of(
        "role 'operator': is declared twice",
        "param 'host': is declared twice",
        "secret 'port': has the name of a param (params and secrets share one set of names)"),
        problems(plan));
  }

  @Test
  void everyRoleIsDeclared() {
    Plan plan = PlanEdit.step(FULL, "restart", s -> withRole(s, Optional.of("operater")));
    plan = PlanEdit.phase(plan, Phase.Comms.class, c -> new Phase.Comms(List.of(
        new CommsDuty.Update("stakeholders", Duration.ofMinutes(15), "liason", SPAN)), c.source()));
    assertEquals(List.of(
        "recover step 'restart': role 'operater' is not declared",
        "comms duty 1: role 'liason' is not declared"), problems(plan));
  }

  @Test
  void afterNamesARecoveryStep() {
    Plan plan = PlanEdit.step(FULL, "replay", s -> withAfter(s, List.of("restrat", "paged")));
    assertEquals(List.of(
        "recover step 'replay': 'after' names 'restrat', which is not a recovery step",
        "recover step 'replay': 'after' names 'paged', which is a signal, not a recovery step of this phase"),
        problems(plan));
  }

  @Test
  void afterCyclesAreReportedOnce() {
    Plan plan = PlanEdit.step(FULL, "declare", s -> withAfter(s, List.of("replay")));
    assertEquals(List.of(
        "recover step 'replay': steps wait for each other in a cycle: 'declare' -> 'replay' -> 'declare'"),
        problems(plan));
    Plan self = PlanEdit.step(FULL, "restart", s -> withAfter(s, List.of("restart")));
    assertEquals(List.of("recover step 'restart': waits for itself ('after')"), problems(self));
  }

  @Test
  void aLongChainOfAfterDoesNotOverflowTheStack() {
    List<Phase.RecoveryStep> steps = new ArrayList<>();
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      steps.add(new Phase.RecoveryStep("s" + i, "", Optional.empty(), Optional.empty(),
          List.of("s" + ((i + 1) % n)), List.of(), Optional.empty(), SPAN));
    }
    Plan plan = PlanEdit.phase(FULL, Phase.Recover.class, r -> new Phase.Recover(r.budget(), steps, r.source()));
    List<String> found = problems(plan);
    assertEquals(1, found.size(), () -> found.toString().substring(0, 300));
    assertEquals("recover step 's19999': steps wait for each other in a cycle: 's0' -> 's1' -> 's2' -> 's3' -> 's4'"
        + " -> 's5' -> 's6' -> 's7' -> ... (20000 steps) -> 's19999' -> 's0'", found.get(0));
  }

  @Test
  void aForgedPlanFullOfCyclesHasAFewReported() {
    List<Phase.RecoveryStep> steps = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add("s" + i);
    }
    for (String id : all) {
      steps.add(new Phase.RecoveryStep(id, "", Optional.empty(), Optional.empty(), all, List.of(), Optional.empty(),
          SPAN));
    }
    Plan plan = PlanEdit.phase(FULL, Phase.Recover.class, r -> new Phase.Recover(r.budget(), steps, r.source()));
    List<String> found = problems(plan);
    assertEquals(11, found.size(), found::toString);
    assertEquals("recover: more steps wait for each other in cycles of 'after'", found.get(10));
  }

  // --- references and secrets

  @Test
  void everyReferenceIsDeclared() {
    Plan plan = PlanEdit.step(FULL, "restart", s -> withActions(s, List.of(
        new Action.Run("ssh ${hots} restart; echo $HOME $${not-a-reference}", Optional.empty(), SPAN),
        new Action.Http("PUT", "http://${host}:${prot}/", List.of(new Header("X-${x}", "${y}")),
            Optional.of("${z}"), Optional.empty(), SPAN),
        new Action.Manual("Tell ${whom}", SPAN))));
    assertEquals(List.of(
        "recover step 'restart' action 1: the command refers to '${hots}', which is not a declared param or secret",
        "recover step 'restart' action 2: the url refers to '${prot}', which is not a declared param or secret",
        "recover step 'restart' action 2: the header value refers to '${y}', which is not a declared param or secret",
        "recover step 'restart' action 2: the body refers to '${z}', which is not a declared param or secret",
        "recover step 'restart' action 3: the instruction refers to '${whom}',"
            + " which is not a declared param or secret"),
        problems(plan));
  }

  @Test
  void referencesInEveryKindOfTextAreChecked() {
    Plan plan = PlanEdit.of(FULL, e -> {
      e.title = "${a}";
      e.summary = Optional.of("${b}");
      e.owner = "${c}";
      e.tags = List.of("${d}");
      e.roles = List.of(new Plan.Role("commander", Optional.of("${e}"), SPAN),
          new Plan.Role("liaison", Optional.empty(), SPAN), new Plan.Role("operator", Optional.empty(), SPAN));
      e.phases = List.of(
          new Phase.Detect(Phase.DetectMode.ANY, Duration.ofMinutes(5), List.of(
              signal("s1", new Probe.Http("GET", "http://x/", List.of(), Optional.empty(), Optional.empty(),
                  Optional.of("${f}"))),
              signal("s2", new Probe.Command("true", expect(Comparator.EQ, "0"), Optional.of("${g}"))),
              signal("s3", new Probe.PrometheusQuery("${h}", Optional.of("${i}"), expect(Comparator.GT, "1"))),
              signal("s4", new Probe.PrometheusAlert("${j}", Optional.empty())),
              signal("s5", new Probe.Log("${k}", "${l}")),
              signal("s6", new Probe.Manual("${m}"))), SPAN),
          new Phase.Comms(List.of(new CommsDuty.Notify("${n}", Duration.ofMinutes(5), "liaison", SPAN)), SPAN),
          new Phase.Debrief(List.of("${o}"), SPAN));
    });
    List<String> expected = new ArrayList<>();
    String[][] uses = {{"drill", "title", "a"}, {"drill", "summary", "b"}, {"drill", "owner", "c"},
        {"drill", "tag", "d"}, {"role 'commander'", "description", "e"},
        {"detect signal 's1'", "expected text", "f"}, {"detect signal 's2'", "expected text", "g"},
        {"detect signal 's3'", "query", "h"}, {"detect signal 's3'", "server url", "i"},
        {"detect signal 's4'", "alert name", "j"}, {"detect signal 's5'", "log path", "k"},
        {"detect signal 's5'", "log pattern", "l"}, {"detect signal 's6'", "question", "m"},
        {"comms duty 1", "audience", "n"}, {"debrief question 1", "question", "o"}};
    for (String[] use : uses) {
      expected.add(use[0] + ": the " + use[1] + " refers to '${" + use[2] + "}',"
          + " which is not a declared param or secret");
    }
    assertEquals(expected, problems(plan));
  }

  @Test
  void secretsOnlyWhereTheyAreNotPrinted() {
    // Plans.full() uses the secret in a run command, a header value and (here) a body and a command probe.
    Plan allowed = PlanEdit.step(FULL, "restart", s -> withActions(s, List.of(
        new Action.Http("POST", "http://x/", List.of(new Header("Authorization", "Bearer ${token}")),
            Optional.of("{\"token\": \"${token}\"}"), Optional.empty(), SPAN))));
    allowed = PlanEdit.signal(allowed, "paged", s -> withProbe(s,
        new Probe.Command("check --token ${token}", expect(Comparator.EQ, "0"), Optional.empty())));
    assertEquals(List.of(), problems(allowed));

    Plan printed = PlanEdit.step(FULL, "restart", s -> withTitle(s, "Restart with ${token}"));
    printed = PlanEdit.signal(printed, "paged", s -> withProbe(s,
        new Probe.Command("check", expect(Comparator.EQ, "0"), Optional.of("${token}"))));
    printed = PlanEdit.of(printed, e -> e.tags = List.of("${token}"));
    String rule = ", which would be printed; secrets may be used only in run commands, command probes,"
        + " http header values and bodies";
    assertEquals(List.of(
        "drill: the tag uses secret 'token'" + rule,
        "detect signal 'paged': the expected text uses secret 'token'" + rule,
        "recover step 'restart': the title uses secret 'token'" + rule), problems(printed));
  }

  @Test
  void aSecretIsReadFromAVariableWithAValidName() {
    Plan plan = PlanEdit.of(FULL, e -> e.secrets = List.of(new Plan.Secret("token", "me-admin.token", SPAN)));
    assertEquals(List.of("secret 'token': 'me-admin.token' is not an environment variable name"
        + " (upper-case letters, digits and '_')"), problems(plan));
  }

  // --- durations

  @Test
  void durationsArePositiveAndAtMostAYear() {
    Plan plan = PlanEdit.of(FULL, e -> {
      e.timebox = Optional.of(Duration.ofMinutes(-5));
      e.cadence = Optional.of(Duration.ofDays(367));
      e.rerun = Duration.ZERO;
    });
    assertEquals(List.of(
        "drill: timebox -5m is negative",
        "drill: cadence 367d is longer than the maximum of 366d",
        "drill: rerun is zero"), problems(plan));
    assertEquals(List.of(), problems(PlanEdit.of(FULL, e -> e.cadence = Optional.of(TimeLimits.MAX_DURATION))));
  }

  @Test
  void durationsTooLargeForMillisecondsAreReportedNotThrown() {
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
    Duration hugeNegative = Duration.ofSeconds(Long.MIN_VALUE);
    Plan plan = PlanEdit.of(FULL, e -> {
      e.setup = List.of(new Action.Wait(huge, SPAN), new Action.Wait(hugeNegative, SPAN),
          new Action.Wait(Duration.ofDays(9_999_999_999_999L * 7), SPAN));
    });
    assertEquals(List.of(
        "setup action 1: wait 106751991167300d15h30m7s999ms is longer than the maximum of 366d",
        "setup action 2: wait " + hugeNegative + " is negative",
        "setup action 3: wait 69999999999993d is longer than the maximum of 366d"), problems(plan));
  }

  @Test
  void everyDurationOfThePlanIsChecked() {
    Duration tooLong = Duration.ofDays(400);
    Plan plan = PlanEdit.of(FULL, e -> {
      e.timebox = Optional.empty();
      e.cadence = Optional.empty();
      e.setup = List.of(new Action.Run("true", Optional.of(tooLong), SPAN));
      e.teardown = List.of();
      e.phases = List.of(
          new Phase.Detect(Phase.DetectMode.ALL, tooLong, List.of(), SPAN),
          new Phase.Recover(Optional.of(tooLong), List.of(new Phase.RecoveryStep("s", "", Optional.empty(),
              Optional.of(tooLong), List.of(), List.of(), Optional.of(new Phase.Verification(
                  new Probe.Manual("ok?"), new Polling(tooLong, tooLong, Optional.of(tooLong)),
                  Optional.of(tooLong), SPAN)), SPAN)), SPAN),
          new Phase.Comms(List.of(new CommsDuty.Update("all", tooLong, "liaison", SPAN),
              new CommsDuty.Notify("all", tooLong, "liaison", SPAN)), SPAN));
    });
    assertEquals(List.of(
        "setup action 1: timeout 400d is longer than the maximum of 366d",
        "detect: budget 400d is longer than the maximum of 366d",
        "recover: budget 400d is longer than the maximum of 366d",
        "recover step 's': budget 400d is longer than the maximum of 366d",
        "recover step 's' verify: every 400d is longer than the maximum of 366d",
        "recover step 's' verify: timeout 400d is longer than the maximum of 366d",
        "recover step 's' verify: hold time ('for') 400d is longer than the maximum of 366d",
        "recover step 's' verify: budget 400d is longer than the maximum of 366d",
        "comms duty 1: every 400d is longer than the maximum of 366d",
        "comms duty 2: within 400d is longer than the maximum of 366d"), problems(plan));
  }

  @Test
  void probesArePolledNoFasterThanTheMinimum() {
    Plan plan = PlanEdit.signal(FULL, "paged", s -> withPolling(s,
        new Polling(Duration.ofMillis(1), Duration.ofMillis(99), Optional.of(Duration.ofMillis(1)))));
    assertEquals(List.of(
        "detect signal 'paged': every 1ms is shorter than the minimum of 100ms",
        "detect signal 'paged': timeout 99ms is shorter than the minimum of 100ms"), problems(plan));
    Plan fastest = PlanEdit.signal(FULL, "paged", s -> withPolling(s,
        new Polling(TimeLimits.MIN_POLLING, TimeLimits.MIN_POLLING, Optional.empty())));
    assertEquals(List.of(), problems(fastest));
  }

  @Test
  void aStepBudgetOfZeroIsReported() {
    assertEquals(List.of("recover step 'declare': budget is zero"),
        problems(PlanEdit.step(FULL, "declare", s -> withBudget(s, Optional.of(Duration.ZERO)))));
  }

  // --- values

  @Test
  void httpMethodsStatusesExitStatusesAndPatterns() {
    Plan plan = PlanEdit.of(FULL, e -> e.phases = List.of(new Phase.Steady(List.of(
        check("a", new Probe.Http("get", "http://x/", List.of(), Optional.empty(),
            Optional.of(expect(Comparator.NE, "600")), Optional.empty())),
        check("b", new Probe.Http("GET", "http://x/", List.of(), Optional.empty(),
            Optional.of(expect(Comparator.EQ, "200.5")), Optional.empty())),
        check("c", new Probe.Http("GET", "http://x/", List.of(), Optional.empty(),
            Optional.of(expect(Comparator.EQ, "2E2")), Optional.empty())),
        check("d", new Probe.Command("true", expect(Comparator.NE, "256"), Optional.empty())),
        check("e", new Probe.Command("true", expect(Comparator.EQ, "-1"), Optional.empty())),
        check("f", new Probe.Log("/var/log/x", "(ready|shutdown")),
        check("g", new Probe.Log("/var/log/x", "a{${port}}"))), SPAN)));
    assertEquals(List.of(
        "steady check 'a': 'get' is not an HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS)",
        "steady check 'a': the expected status 600 is not an HTTP status (a whole number from 100 to 599)",
        "steady check 'b': the expected status 200.5 is not an HTTP status (a whole number from 100 to 599)",
        "steady check 'd': the expected exit status 256 is not an exit status (a whole number from 0 to 255)",
        "steady check 'e': the expected exit status -1 is not an exit status (a whole number from 0 to 255)",
        "steady check 'f': the log pattern is not a regular expression: unclosed group near character 16"),
        problems(plan));
  }

  @Test
  void aPatternIsCompiledWithTheDefaultsOfItsParams() {
    Plan plan = PlanEdit.of(FULL, e -> e.phases = List.of(new Phase.Steady(List.of(
        check("a", new Probe.Log("/var/log/x", "${region}(")),
        check("b", new Probe.Log("/var/log/x", "${host}+"))), SPAN)));
    assertEquals(List.of(
        "steady check 'a': the log pattern is not a regular expression: unclosed group near character 4"),
        problems(plan));
  }

  @Test
  void theStatusOfAnHttpActionIsChecked() {
    Plan plan = PlanEdit.of(FULL, e -> e.setup = List.of(new Action.Http("DELETE", "http://x/", List.of(),
        Optional.empty(), Optional.of(expect(Comparator.EQ, "99")), SPAN)));
    assertEquals(List.of("setup action 1: the expected status 99 is not an HTTP status"
        + " (a whole number from 100 to 599)"), problems(plan));
  }

  @Test
  void phasesComeOnceEachInRunOrder() {
    List<Phase> phases = new ArrayList<>(FULL.phases());
    phases.add(phases.get(0));
    java.util.Collections.swap(phases, 2, 3);
    Plan plan = PlanEdit.of(FULL, e -> e.phases = phases);
    List<String> found = problems(plan);
    assertTrue(found.contains("phases: 'detect' comes after 'recover'; phases run in the order steady, inject,"
        + " detect, recover, comms, abort, debrief"), found::toString);
    assertTrue(found.contains("phases: a second 'steady' phase"), found::toString);
  }

  @Test
  void theGuidePathAndTheFingerprintHaveTheirForm() {
    Plan plan = PlanEdit.of(FULL, e -> {
      e.guide = "/etc/guide.md";
      e.fingerprint = "../../x";
    });
    assertEquals(List.of("drill: the guide path '/etc/guide.md' is absolute",
        "drill: the fingerprint '../../x' is not sha256: and 16 hex digits"), problems(plan));
    assertEquals(List.of("drill: the guide path 'guide.txt' does not end in .md"),
        problems(PlanEdit.of(FULL, e -> e.guide = "guide.txt")));
  }

  /** The drill's directory is resolved in a project: it may not leave it. */
  @Test
  void theDrillsDirectoryStaysInsideTheProject() {
    for (String good : List.of(".", "drills", "samples/sandbox", ".hidden/x", "a..b")) {
      assertEquals(List.of(), problems(FULL.withDirectory(java.util.Optional.of(good))), good);
    }
    for (String bad : List.of("", "..", "../x", "a/../b", "./a", "a/./b", "/etc", "a//b", "a/", "a\\b", "C:/x",
        "a\nb")) {
      List<String> found = problems(FULL.withDirectory(java.util.Optional.of(bad)));
      assertEquals(1, found.size(), bad + ": " + found);
      assertTrue(found.get(0).startsWith("drill: the directory "), found.get(0));
      assertTrue(found.get(0).endsWith(" is not a relative path inside the project ('/'-separated, no '.' or '..'"
          + " parts, or '.' for the project root)"), found.get(0));
    }
  }

  // --- totality

  @Test
  void aPlanOfNullsIsReportedNotThrown() {
    Polling nullPolling = new Polling(null, null, null);
    Plan plan = new Plan(0, null, null, null, null, null, List.of(), null, null, null, null, null, null,
        List.of(new Plan.Role(null, null, null)),
        List.of(new Plan.Param(null, null, null)),
        List.of(new Plan.Secret(null, null, null)),
        List.of(new Action.Run(null, null, null), new Action.Http(null, null, List.of(new Header(null, null)),
            null, null, null), new Action.Manual(null, null), new Action.Wait(null, null)),
        List.of(new Action.Http("GET", "http://x", List.of(), Optional.empty(),
            Optional.of(new Expectation(null, null)), SPAN)),
        List.of(
            new Phase.Steady(List.of(new Phase.Check(null, null, null, null, null),
                new Phase.Check("c", "", new Probe.Http(null, null, List.of(), null, null, null), nullPolling, SPAN),
                new Phase.Check("d", "", new Probe.Command(null, null, null), nullPolling, SPAN),
                new Phase.Check("e", "", new Probe.PrometheusQuery(null, null, null), nullPolling, SPAN),
                new Phase.Check("f", "", new Probe.PrometheusAlert(null, null), nullPolling, SPAN),
                new Phase.Check("g", "", new Probe.Log(null, null), nullPolling, SPAN),
                new Phase.Check("h", "", new Probe.Manual(null), nullPolling, SPAN),
                new Phase.Check("i", "", new Probe.Command("x", new Expectation(Comparator.EQ, null),
                    Optional.empty()), nullPolling, SPAN)), null),
            new Phase.Inject(List.of(new Phase.InjectStep(null, null, List.of(), List.of(), null))),
            new Phase.Detect(null, null, List.of(new Phase.Signal(null, null, null, null, null)), null),
            new Phase.Recover(null, List.of(new Phase.RecoveryStep(null, null, null, null, List.of("x"),
                List.of(), null, null), new Phase.RecoveryStep("r", "", Optional.empty(), Optional.empty(),
                List.of(), List.of(), Optional.of(new Phase.Verification(null, null, null, null)), SPAN)), null),
            new Phase.Comms(List.of(new CommsDuty.Update(null, null, null, null),
                new CommsDuty.Notify(null, null, null, null)), null),
            new Phase.Abort(List.of(new Phase.AbortCondition(null, null, null)), null),
            new Phase.Debrief(List.of(), null)),
        null);
    List<String> found = problems(plan);
    for (String expected : List.of(
        "drill: plan version 0 is unknown; this version of drill reads plan version 1",
        "drill: the id is missing",
        "drill: the title is missing",
        "drill: the summary is missing",
        "drill: the kind is missing",
        "drill: rerun is missing",
        "drill: the fingerprint is missing",
        "role 1: the name is missing",
        "setup action 2: the header name is missing",
        "teardown action 1: the expected status has no comparator",
        "steady check 1: the probe is missing",
        "steady check 1: the polling is missing",
        "steady check 'c': the method is missing",
        "steady check 'c': every is missing",
        "steady check 'd': the expected exit status is missing",
        "steady check 'i': the expected exit status has no value",
        "detect: the mode (all or any) is missing",
        "recover step 1: the role is missing",
        "recover step 1: 'after' names 'x', which is not a recovery step",
        "recover step 'r' verify: the probe is missing",
        "comms duty 2: the role is missing",
        "abort condition 1: the polling is missing")) {
      assertTrue(found.contains(expected), () -> "no '" + expected + "' in\n" + String.join("\n", found));
    }
    assertEquals(List.of("there is no plan"), PlanValidator.problems(null));
  }

  @Test
  void planTextInAProblemIsOneHarmlessLine() {
    assertEquals("'a\\u000ab\\u001b[31mc\\u202ed'", ProblemText.shown("a\nb\u001b[31mc\u202ed"));
    assertEquals("'" + "x".repeat(60) + "...'", ProblemText.shown("x".repeat(61)));
    assertEquals("'" + "\uD83D\uDE00".repeat(3) + "'", ProblemText.shown("\uD83D\uDE00".repeat(3)));
    assertEquals("'\\ud83d'", ProblemText.shown("\uD83D"));
    List<String> found = problems(PlanEdit.of(FULL, e -> e.id = "x\u001b]0;pwned\u0007"));
    assertEquals(List.of("drill: the id 'x\\u001b]0;pwned\\u0007'" + NOT_KEBAB), found);
    assertFalse(found.get(0).chars().anyMatch(Character::isISOControl));
  }

  @Test
  void theNamesOfThePlanAreTheCompilersAndTheRunResults() {
    assertTrue(PlanValidator.isId("cache-node-loss2"));
    assertFalse(PlanValidator.isId(null));
    assertTrue(PlanValidator.isEnvironmentVariable("_ME_TOKEN2"));
    assertFalse(PlanValidator.isEnvironmentVariable("2TOKEN"));
    assertTrue(PlanValidator.isEnvironmentVariable("var_lb_ip"), "lower case is a portable name too");
    assertFalse(PlanValidator.isEnvironmentVariable("cache-admin.token"));
    assertEquals(7, PlanValidator.HTTP_METHODS.size());
  }

  // --- helpers

  private static Phase.Check check(String id, Probe probe) {
    return new Phase.Check(id, "", probe, new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT,
        Optional.empty()), SPAN);
  }

  private static Phase.Signal signal(String id, Probe probe) {
    return new Phase.Signal(id, "", probe, new Polling(Polling.DEFAULT_EVERY, Polling.DEFAULT_TIMEOUT,
        Optional.empty()), SPAN);
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
