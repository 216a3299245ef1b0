package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drill run's guards and usage errors, its dry run, and values that must stay data. */
class RunCommandTest {

  @TempDir Path dir;
  Path drill;

  @BeforeEach
  void aDrill() throws IOException {
    drill = dir.resolve("db-failover.drill");
    Files.writeString(drill, CompileCommandTest.VALID);
  }

  private Outcome run(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "run";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--journal";
    all[args.length + 2] = dir.resolve("runs").toString();
    all[args.length + 3] = "--results";
    all[args.length + 4] = dir.resolve("results").toString();
    return CompileCommandTest.drill(all);
  }

  @Test
  void aDryRunPrintsTheTimelineAndTouchesNothing() {
    Outcome o = run(drill.toString(), "--dry-run");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("inject stop-db"), o.out());
    assertTrue(o.out().contains("run $ ssh db-1.staging.internal sudo systemctl stop postgresql\n"), o.out());
    assertTrue(o.out().contains("rollback (always)"), o.out());
    assertFalse(Files.exists(dir.resolve("runs")), "no journal for a dry run");
  }

  @Test
  void anotherEnvironmentAndProductionAreRefused() throws IOException {
    Outcome wrongEnv = run(drill.toString(), "--env", "prod-eu", "--dry-run");
    assertEquals(2, wrongEnv.exit());
    assertTrue(wrongEnv.err().contains("the drill is for environment 'staging', this run targets 'prod-eu'"), wrongEnv.err());

    Files.writeString(drill, CompileCommandTest.VALID.replace("  owner \"storage\"\n", "  owner \"storage\"\n  environment production\n"));
    Outcome production = run(drill.toString(), "--env", "production", "--dry-run");
    assertEquals(2, production.exit());
    assertTrue(production.err().contains("PRODUCTION; nothing was done"), production.err());
    assertEquals(0, run(drill.toString(), "--env", "production", "--allow-production", "--dry-run").exit());
  }

  @Test
  void paramsAndSecretsMustBeGiven() throws IOException {
    Outcome unknown = run(drill.toString(), "--set", "hots=x", "--dry-run");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("--set hots: the drill has no param 'hots'"), unknown.err());

    Files.writeString(drill, CompileCommandTest.VALID.replace("param host = \"db-1.staging.internal\"", "param host"));
    Outcome missing = run(drill.toString(), "--dry-run");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("param 'host' has no default: give it with --set host=VALUE"), missing.err());
    assertEquals(0, run(drill.toString(), "--set", "host=db-2", "--dry-run").exit());

    Files.writeString(drill, CompileCommandTest.VALID.replace("pgctl promote", "pgctl promote --token ${token}")
        .replace("  roles {", "  secret token = env \"DRILL_TEST_UNSET_TOKEN\"\n  roles {"));
    Outcome secret = run(drill.toString(), "--dry-run");
    assertEquals(2, secret.exit());
    assertTrue(secret.err().contains("DRILL_TEST_UNSET_TOKEN, which is not set"), secret.err());
  }

  /** A dry run shows each value as the shell will take it: quoted, one word of data, never code. */
  @Test
  void aDryRunShowsValuesQuotedAsTheShellSeesThem() {
    Outcome o = run(drill.toString(), "--set", "host=db 1; $(touch INJECTED) 'x'", "--dry-run");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("signal down: command $ pg_isready -h 'db 1; $(touch INJECTED) '\\''x'\\''' ;"
        + " expect exit != 0"), o.out());
    assertFalse(Files.exists(dir.resolve("INJECTED")));
  }

  /** Nothing is run until every problem with what was given is fixed: so every one is told at once. */
  @Test
  void everyProblemWithTheValuesIsToldAtOnce() throws IOException {
    Files.writeString(drill, CompileCommandTest.VALID
        .replace("param host = \"db-1.staging.internal\"", "param host\n  param port")
        .replace("pgctl promote", "pgctl promote ${port} --token ${token} --key ${key}")
        .replace("  roles {", "  secret token = env \"DRILL_TEST_UNSET_TOKEN\"\n  secret key = env \"DRILL_TEST_UNSET_KEY\"\n"
            + "  roles {"));
    Outcome o = run(drill.toString(), "--set", "novalue", "--env", "prod-eu", "--dry-run");
    assertEquals(2, o.exit(), o.err());
    for (String problem : new String[] {
        "drill run: --set wants NAME=VALUE, not 'novalue'",
        "drill run: param 'host' has no default: give it with --set host=VALUE",
        "drill run: param 'port' has no default: give it with --set port=VALUE",
        "DRILL_TEST_UNSET_TOKEN, which is not set",
        "DRILL_TEST_UNSET_KEY, which is not set",
        "this run targets 'prod-eu'"}) {
      assertTrue(o.err().contains(problem), problem + " missing from:\n" + o.err());
    }
  }

  @Test
  void aRoleTheDrillDoesNotDeclareIsAUsageErrorWithADidYouMean() {
    Outcome o = run(drill.toString(), "--role", "operater=alice", "--dry-run");
    assertEquals(2, o.exit(), o.err());
    assertEquals("drill run: --role operater=alice: the drill has no role 'operater'; did you mean 'operator'?\n",
        o.err());
    Outcome far = run(drill.toString(), "--role", "commander=alice", "--dry-run");
    assertEquals(2, far.exit(), far.err());
    assertEquals("drill run: --role commander=alice: the drill has no role 'commander'; its roles are operator\n",
        far.err());
  }

  @Test
  void aRoleIsGivenAsRoleEqualsNameAndHasOnePerson() {
    for (String given : new String[] {"operator", "operator=", "=alice", "operator=  "}) {
      Outcome o = run(drill.toString(), "--role", given, "--dry-run");
      assertEquals(2, o.exit(), given);
      assertEquals("drill run: --role wants ROLE=NAME, such as --role commander=alice, not '" + given + "'\n",
          o.err());
    }
    Outcome twice = run(drill.toString(), "--role", "operator=alice", "--role", "operator=bob", "--dry-run");
    assertEquals(2, twice.exit(), twice.err());
    assertEquals("drill run: --role operator=bob: role 'operator' is held by alice already (--role operator=alice);"
        + " a role has one person\n", twice.err());
    assertEquals(0, run(drill.toString(), "--role", "operator=Alice Martin", "--dry-run").exit());
  }

  @Test
  void aRosterFileIsReadLineByLineAndItsErrorsSayWhere() throws IOException {
    Path roster = dir.resolve("team.roster");
    Files.writeString(roster, "# who is on call this Friday\n\noperator = alice\noperater = bob\njust-a-name\n");
    Outcome o = run(drill.toString(), "--roster", roster.toString(), "--dry-run");
    assertEquals(2, o.exit(), o.err());
    String shown = roster.toString();
    assertEquals("drill run: " + shown + ":4: the drill has no role 'operater'; did you mean 'operator'?\n"
        + "drill run: " + shown + ":5: expected ROLE = NAME, such as commander = alice, not 'just-a-name'\n",
        o.err());

    Outcome missing = run(drill.toString(), "--roster", dir.resolve("nobody.roster").toString(), "--dry-run");
    assertEquals(2, missing.exit());
    assertEquals("drill run: --roster " + dir.resolve("nobody.roster") + ": no such file\n", missing.err());

    Files.writeString(roster, "operator = alice # on call\n".replace(" # on call", ""));
    assertEquals(0, run(drill.toString(), "--roster", roster.toString(), "--dry-run").exit());
  }

  /** A value is taken as written, quotes and all; the parser neither splits it nor warns about its quotes. */
  @Test
  void setValuesAreTakenVerbatim() {
    java.io.PrintStream before = System.err;
    java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(stray, true, java.nio.charset.StandardCharsets.UTF_8));
    Outcome o;
    try {
      o = run(drill.toString(), "--set", "host=db\"1,x=y", "--dry-run");
    } finally {
      System.setErr(before);
    }
    assertEquals("", stray.toString(java.nio.charset.StandardCharsets.UTF_8), "nothing printed past drill");
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.out().contains("db\"1,x=y"), o.out());
  }

  @Test
  void aPlanOfAnotherVersionOrEditedByHandIsRefused() throws IOException {
    Path plan = dir.resolve("db.plan.json");
    CompileCommandTest.drill("compile", drill.toString(), "-o", dir.resolve("plans").toString());
    String json = Files.readString(dir.resolve("plans/db-failover.plan.json"));
    Files.writeString(plan, json.replace("\"planVersion\": 1", "\"planVersion\": 2"));
    Outcome version = run(plan.toString(), "--dry-run");
    assertEquals(2, version.exit());
    assertTrue(version.err().contains("plan version 2 is not supported"), version.err());

    Files.writeString(plan, json.replace("pgctl promote", "pgctl promote --all"));
    Outcome edited = run(plan.toString(), "--dry-run");
    assertEquals(2, edited.exit());
    assertTrue(edited.err().contains("was edited by hand"), edited.err());
    assertEquals(0, run(plan.toString(), "--dry-run", "--force").exit());
  }

  /** docs/security.md: a plan decides nothing the compiler would not let it, --force or not. */
  @Test
  void aPlanThatTheCompilerWouldNotWriteIsRefusedEvenWithForce() throws IOException {
    Path plan = dir.resolve("db.plan.json");
    CompileCommandTest.drill("compile", drill.toString(), "-o", dir.resolve("plans").toString());
    String json = Files.readString(dir.resolve("plans/db-failover.plan.json"));
    for (String id : new String[] {"../../escaped", "/tmp/escaped", "a/b"}) {
      Files.writeString(plan, json.replace("\"id\": \"db-failover\"", "\"id\": \"" + id + "\""));
      Outcome forged = run(plan.toString(), "--auto", "--force");
      assertEquals(2, forged.exit(), forged.err());
      assertTrue(forged.err().contains("is not a plan drill can run (--force does not change that)"), forged.err());
      assertTrue(forged.err().contains("'" + id + "'"), forged.err());
      assertFalse(Files.exists(dir.resolve("runs")), "nothing was written");
    }
    Files.writeString(plan, json.replace("\"budget\": \"PT5M\"", "\"budget\": \"PT99999999H\"")
        .replace("\"roles\": [", "\"roles\": [{\"id\": \"operator\", \"source\": \"x.drill:1:1-1:2\"},"));
    Outcome several = run(plan.toString(), "--dry-run", "--force");
    assertEquals(2, several.exit(), several.err());
    assertTrue(several.err().contains("longer than the maximum"), several.err());
    assertTrue(several.err().contains("role 'operator'"), "every problem at once: " + several.err());
  }

  @Test
  void aDrillWithErrorsDoesNotRun() throws IOException {
    Files.writeString(drill, CompileCommandTest.VALID.replace("by operator", "by nobody"));
    Outcome o = run(drill.toString(), "--auto");
    assertEquals(1, o.exit());
    assertTrue(o.err().contains("error D202"), o.err());
  }

  @Test
  void valuesWithShellMetacharactersReachCommandsAsData() throws IOException {
    Path ics = dir.resolve("values.drill");
    Files.writeString(ics, String.join("\n",
        "drill values {",
        "  title \"Values stay data\"",
        "  owner \"sre\"",
        "  kind ics",
        "  param value = \"plain\"",
        "  setup { run \"printf '%s' ${value} > seen.txt\" }",
        "}", ""));
    String hostile = "x; touch INJECTED $(touch INJECTED2) `touch INJECTED3` \"' \n end";
    Outcome o = run(ics.toString(), "--auto", "--set", "value=" + hostile);
    assertEquals(0, o.exit(), o.err());
    assertTrue(o.err().contains("] outcome: PASSED"), "the run is shown as it goes: " + o.err());
    assertEquals("passed\n", o.out());
    assertEquals(hostile, Files.readString(dir.resolve("seen.txt")));
    assertTrue(Files.isDirectory(dir.resolve("results/values")), "run's --results is an output directory: created");
    assertFalse(Files.exists(dir.resolve("INJECTED")));
    assertFalse(Files.exists(dir.resolve("INJECTED2")));
    assertFalse(Files.exists(dir.resolve("INJECTED3")));
  }
}
