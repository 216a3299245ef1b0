package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner's guarantees end to end (docs/security.md): values are data, and where they
 * could be more (an option, text another shell parses again) they are refused before
 * anything runs; secrets are not written anywhere, guides stay in the project, production
 * needs its flag. A hand-edited
 * plan is refused unless forced: RunCommandTest#aPlanOfAnotherVersionOrEditedByHandIsRefused.
 */
class SecurityTest {

  @TempDir Path dir;

  private static final String HOSTILE =
      "x; touch INJECTED $(touch INJECTED2) `touch INJECTED3` \"' '\" \n end & touch INJECTED4 | touch INJECTED5";

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private Outcome run(String... args) {
    List<String> all = new ArrayList<>(List.of("run"));
    all.addAll(List.of(args));
    all.addAll(List.of("--journal", dir.resolve("runs").toString(), "--results", dir.resolve("results").toString()));
    return CompileCommandTest.drill(all.toArray(new String[0]));
  }

  private void assertNotInjected() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("INJECTED"))
          .collect(Collectors.toList());
      assertEquals(List.of(), names, "a value was run as shell code");
    }
  }

  @Test
  void valuesStayDataInEveryQuotingAndInProbesUndoAndTeardown() throws IOException {
    Path drill = write("values.drill",
        "drill values {",
        "  title \"Values stay data\"",
        "  owner \"sre\"",
        "  param v = \"plain\"",
        "  roles { operator \"Runs the steps\" }",
        "  setup {",
        "    run \"printf '%s' ${v} > unquoted.txt\"",
        "    run \"printf '%s' \\\"${v}\\\" > double.txt\"",
        "    run \"printf '%s' '${v}' > single.txt\"",
        "    run \"printf '%s' \\\"a ${v} b\\\" > double-mixed.txt\"",
        "    run \"printf '%s' 'a ${v} b' > single-mixed.txt\"",
        "  }",
        "  steady { check ok { command \"printf '%s' ${v} > steady.txt\" } }",
        "  inject poke { run \"printf '%s' ${v} > inject.txt\" undo \"printf '%s' '${v}' > undo.txt\" }",
        "  detect any within 1m {",
        "    signal seen { command \"printf '%s' \\\"${v}\\\" > probe.txt\" expect exit 0 every 1s }",
        "  }",
        "  recover within 1m {",
        "    step fix \"Fix\" by operator { run \"printf '%s' ${v} > step.txt\" }",
        "  }",
        "  teardown { run \"printf '%s' ${v} > teardown.txt\" }",
        "}");
    Outcome o = run(drill.toString(), "--auto", "--set", "v=" + HOSTILE);
    assertEquals(0, o.exit(), o.out() + o.err());
    for (String file : List.of("unquoted", "double", "single", "steady", "inject", "undo", "probe", "step", "teardown")) {
      assertEquals(HOSTILE, Files.readString(dir.resolve(file + ".txt")), file);
    }
    assertEquals("a " + HOSTILE + " b", Files.readString(dir.resolve("double-mixed.txt")));
    assertEquals("a " + HOSTILE + " b", Files.readString(dir.resolve("single-mixed.txt")));
    assertNotInjected();
  }

  @Test
  void aValueThatWouldBeAnOptionOfSshIsRefusedBeforeAnythingRuns() throws IOException {
    Path marker = dir.resolve("INJECTED_BY_PROXY_COMMAND");
    Path drill = write("ssh.drill",
        "drill ssh-option {",
        "  title \"A value that ssh would read as an option\"",
        "  owner \"sre\"",
        "  kind ics",
        "  param host = \"localhost\"",
        "  setup { run \"touch SETUP_RAN\" }",
        "  teardown { run \"/usr/bin/ssh -o BatchMode=yes -o ConnectTimeout=2 ${host} true\" }",
        "}");
    Outcome o = run(drill.toString(), "--auto", "--set", "host=-oProxyCommand=touch " + marker);
    assertEquals(2, o.exit(), o.out() + o.err());
    assertTrue(o.err().contains("param 'host'") && o.err().contains("starts with '-'"), o.err());
    assertFalse(Files.exists(marker), "ssh ran the value as its ProxyCommand");
    assertFalse(Files.exists(dir.resolve("SETUP_RAN")), "nothing runs when a value is refused");
  }

  @Test
  void aValueInTheScriptOfANestedShellIsRefusedBeforeAnythingRuns() throws IOException {
    Path drill = write("nested.drill",
        "drill nested-shell {",
        "  title \"A value inside sh -c\"",
        "  owner \"sre\"",
        "  kind ics",
        "  param p = \"plain\"",
        "  setup {",
        "    run \"touch SETUP_RAN\"",
        "    run \"sh -c \\\"echo ${p}\\\"\"",
        "  }",
        "}");
    Outcome o = run(drill.toString(), "--auto", "--set", "p=$(touch INJECTED)");
    assertEquals(2, o.exit(), o.out() + o.err());
    assertTrue(o.err().contains("param 'p'") && o.err().contains("the script of 'sh -c'")
        && o.err().contains("sh -c 'echo \"$1\"' _ ${p}"), o.err());
    assertFalse(Files.exists(dir.resolve("SETUP_RAN")), "nothing runs when a value is refused");
    assertNotInjected();
  }

  @Test
  void valuesStayDataInSubstitutionsAfterCommentsAndInHereDocuments() throws IOException {
    String value = "a  *  $(touch INJECTED) `touch INJECTED2` 'b' \"c\"";
    Path drill = write("tracker.drill",
        "drill tracker {",
        "  title \"Values stay data wherever the shell reads them\"",
        "  owner \"sre\"",
        "  kind ics",
        "  param v = \"plain\"",
        "  setup {",
        "    run \"printf '%s' \\\"$(printf '%s' ${v})\\\" > substitution.txt\"",
        "    run \"\"\"",
        "      true # it's a comment",
        "      printf '%s' ${v} > comment.txt",
        "    \"\"\"",
        "    run \"\"\"",
        "      cat > heredoc.txt <<EOF",
        "      ${v}",
        "      EOF",
        "    \"\"\"",
        "  }",
        "}");
    Outcome o = run(drill.toString(), "--auto", "--set", "v=" + value);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(value, Files.readString(dir.resolve("substitution.txt")), "a substitution inside double quotes");
    assertEquals(value, Files.readString(dir.resolve("comment.txt")), "after a comment holding a quote");
    assertEquals(value + "\n", Files.readString(dir.resolve("heredoc.txt")), "a here-document");
    assertNotInjected();
  }

  @Test
  void productionWithoutItsFlagRefusesAndInjectsNothing() throws IOException {
    Path drill = write("prod.drill",
        "drill prod {",
        "  title \"Production\"",
        "  owner \"sre\"",
        "  environment production",
        "  roles { operator \"Runs the steps\" }",
        "  setup { run \"touch SETUP_RAN\" }",
        "  inject poke { run \"touch INJECTED\" }",
        "  detect any within 1m { signal seen { command \"true\" } }",
        "  recover within 1m { step fix \"Fix\" by operator { run \"true\" } }",
        "}");
    Outcome targeted = run(drill.toString(), "--env", "production", "--auto");
    assertEquals(2, targeted.exit(), targeted.err());
    assertTrue(targeted.err().contains("PRODUCTION; nothing was done"), targeted.err());
    Outcome staging = run(drill.toString(), "--auto");
    assertEquals(2, staging.exit(), staging.err());
    assertFalse(Files.exists(dir.resolve("SETUP_RAN")));
    assertNotInjected();
  }

  @Test
  void aGuidePathOutOfTheProjectIsNotWritten() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project/.git")).getParent();
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path drill = write("project/drills/x.drill",
        "drill x {", "  title \"X\"", "  owner \"sre\"", "  kind ics", "  guide \"../../outside/x.md\"", "}");
    Outcome guide = CompileCommandTest.drill("guide", drill.toString());
    assertEquals(1, guide.exit(), guide.err());
    assertTrue(guide.err().contains("outside the project root"), guide.err());
    assertFalse(Files.exists(outside.resolve("x.md")));

    Files.createSymbolicLink(project.resolve("drills/guides"), outside);
    Files.writeString(drill, Files.readString(drill).replace("../../outside/x.md", "guides/x.md"));
    Outcome linked = CompileCommandTest.drill("guide", drill.toString());
    assertEquals(1, linked.exit(), linked.err());
    assertFalse(Files.exists(outside.resolve("x.md")));

    Outcome check = CompileCommandTest.drill("check", drill.toString(), "--results",
        Files.createDirectories(dir.resolve("results")).toString());
    assertEquals(1, check.exit(), check.out() + check.err());
    assertTrue((check.out() + check.err()).contains("D506"), check.out() + check.err());
  }

  @Test
  void anEchoedSecretIsInNoFileAndNoOutput() throws Exception {
    String secret = "s3cr3t-Tok3n-" + Long.toHexString(System.nanoTime());
    Path drill = write("secret.drill",
        "drill secret {",
        "  title \"Secrets stay secret\"",
        "  owner \"sre\"",
        "  kind ics",
        "  secret token = env \"DRILL_SECURITY_TEST_TOKEN\"",
        "  setup {",
        "    run \"echo token=${token}; echo err ${token} >&2\"",
        "    run \"printf '%s' ${token} > seen.txt\"",
        "  }",
        "  teardown { run \"echo failing with ${token}; exit 3\" }",
        "}");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main",
        "run", drill.toString(), "--auto",
        "--journal", dir.resolve("runs").toString(), "--results", dir.resolve("results").toString()));
    Path output = dir.resolve("console.out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("DRILL_SECURITY_TEST_TOKEN", secret);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("drill run did not end:\n" + Files.readString(output));
    }
    String console = Files.readString(output);
    assertEquals(secret, Files.readString(dir.resolve("seen.txt")), "the command got the secret");
    Files.delete(dir.resolve("seen.txt"));
    assertTrue(console.contains("token="), console);
    assertFalse(console.contains(secret), console);

    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written = files.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertTrue(written.stream().anyMatch(f -> f.getFileName().toString().equals("journal.jsonl")), written.toString());
    assertTrue(written.stream().anyMatch(f -> f.getFileName().toString().equals("report.md")), written.toString());
    assertTrue(written.stream().anyMatch(f -> f.getFileName().toString().equals("report.html")), written.toString());
    assertTrue(written.stream().anyMatch(f -> f.startsWith(dir.resolve("results"))), written.toString());
    String journal = "";
    for (Path file : written) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertFalse(text.contains(secret), file + " holds the secret:\n" + text);
      if (file.getFileName().toString().equals("journal.jsonl")) {
        journal = text;
      }
    }
    assertTrue(journal.contains("token="), "the output was journaled, redacted:\n" + journal);

    Outcome compiled = CompileCommandTest.drill("compile", drill.toString());
    assertTrue(compiled.out().contains("DRILL_SECURITY_TEST_TOKEN"), "the plan names the variable");
    assertFalse(compiled.out().contains(secret));
  }

  /** Runs the drill command as a process, as a user does, with the given environment; stdout and stderr together. */
  private String drillProcess(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("drill-console-", ".out");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("drill " + String.join(" ", args) + " did not end:\n" + Files.readString(output));
      }
      return "$ drill " + args[0] + " (exit " + process.exitValue() + ")\n" + Files.readString(output);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * docs/security.md: a secret is in nothing drill writes. Every command of the CLI runs with
   * the secret in its environment, on a drill that uses it in every place a secret may go
   * (commands that echo it, probes of every role, HTTP headers and bodies); then every byte
   * of every file under the directory and of every console output is searched.
   */
  @Test
  void aSecretIsInNoByteThatAnyCommandWrites() throws Exception {
    String secret = "tok-" + Long.toHexString(System.nanoTime()) + "-Zq9";
    Map<String, String> env = Map.of("DRILL_ALL_COMMANDS_TOKEN", secret);
    Files.createDirectories(dir.resolve(".git"));
    String body = String.join("\n",
        "  title \"Secrets stay secret everywhere\"",
        "  owner \"sre\"",
        "  secret token = env \"DRILL_ALL_COMMANDS_TOKEN\"",
        "  roles { operator \"Runs the steps\" }",
        "  setup { run \"echo setup ${token}; echo err ${token} >&2\" }",
        "  teardown { run \"echo teardown ${token}\" }",
        "  steady { check token-set { command \"echo check ${token}\" expect output contains \"check\" } }",
        "  inject poke { run \"echo inject ${token}\" undo \"echo undo ${token}\" }",
        "  detect any within 1m {",
        "    signal seen { command \"echo signal ${token}\" every 1s }",
        "  }",
        "  recover within 1m {",
        "    step fix \"Fix\" by operator {",
        "      run \"echo step ${token}; printf '%s' ${token} | rev\"",
        "      verify { command \"echo verify ${token}\" } within 30s",
        "    }",
        "  }",
        "  abort when {",
        "    http POST \"http://127.0.0.1:9/abort\" header \"Authorization\" = \"Bearer ${token}\" body \"${token}\""
            + " expect status 200",
        "    command \"echo abort ${token}; exit 1\"",
        "  }");
    write("secret.drill", "drill secret {", body, "}");
    write("slow/secret-killed.drill", "drill secret-killed {",
        body.replace("run \"echo step ${token}; printf '%s' ${token} | rev\"", "run \"echo slow ${token}; sleep 60\""), "}");
    StringBuilder console = new StringBuilder();
    String runs = dir.resolve("runs").toString();
    String results = Files.createDirectories(dir.resolve("results")).toString();
    console.append(drillProcess(env, "compile", "secret.drill"));
    console.append(drillProcess(env, "compile", ".", "-o", "plans"));
    console.append(drillProcess(env, "fmt", "--check", "."));
    console.append(drillProcess(env, "fmt", "."));
    console.append(drillProcess(env, "guide", "."));
    console.append(drillProcess(env, "check", ".", "--results", results, "--format", "json"));
    console.append(drillProcess(env, "check", ".", "--results", results, "--format", "sarif"));
    console.append(drillProcess(env, "run", "secret.drill", "--dry-run"));
    console.append(drillProcess(env, "run", "secret.drill", "--auto", "--journal", runs, "--results", results));
    console.append(drillProcess(env, "run", "plans/secret.plan.json", "--auto", "--journal", runs, "--results", results));
    Path journal;
    try (Stream<Path> files = Files.walk(dir.resolve("runs"))) {
      journal = files.filter(f -> f.getFileName().toString().equals("journal.jsonl")).findFirst().orElseThrow();
    }
    console.append(drillProcess(env, "note", journal.toString(), "I pasted the token " + secret + " by mistake"));
    console.append(drillProcess(env, "report", journal.toString(), "-o", dir.resolve("rebuilt.md").toString()));
    console.append(drillProcess(env, "list", ".", "--results", results));

    // kill -9 mid-recovery, then drill rollback finishes the rollback.
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.drill.cli.Main", "run", "slow/secret-killed.drill", "--auto",
        "--journal", dir.resolve("killed").toString(), "--results", results));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed.out").toFile());
    builder.environment().putAll(env);
    Process killed = builder.start();
    Path killedJournal = awaitText(dir.resolve("killed"), "\"event\":\"step-started\"");
    killed.destroyForcibly();
    killed.waitFor(10, TimeUnit.SECONDS);
    console.append(drillProcess(env, "rollback", killedJournal.toString()));
    console.append(drillProcess(env, "--help"));
    console.append(drillProcess(env, "help", "run"));

    String all = console.toString();
    assertTrue(all.contains("********"), "secrets were there to redact:\n" + all);
    assertTrue(all.contains("rolling back") || all.contains("== rollback"), all);
    assertFalse(all.contains(secret), "a console output holds the secret:\n" + all);
    List<Path> written;
    try (Stream<Path> files = Files.walk(dir)) {
      written = files.filter(Files::isRegularFile).collect(Collectors.toList());
    }
    assertTrue(written.size() > 10, written.toString());
    for (Path file : written) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      assertFalse(text.contains(secret), file + " holds the secret:\n" + text);
    }
  }

  private static Path awaitText(Path journals, String text) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      if (Files.exists(journals)) {
        try (Stream<Path> files = Files.walk(journals)) {
          Optional<Path> journal = files.filter(f -> f.getFileName().toString().equals("journal.jsonl")).findFirst();
          if (journal.isPresent() && Files.readString(journal.get()).contains(text)) {
            return journal.get();
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no journal under " + journals + " showed " + text);
  }
}
