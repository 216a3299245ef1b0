package dev.drill.plan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader against the real {@code /bin/sh}: whatever a value holds, every command gets
 * exactly the value and nothing in it runs; and no input makes the reader throw.
 */
class ShellScriptProperties {

  /** Each context writes what its command received to a file of its own. */
  private static final Map<String, String> CONTEXTS = new LinkedHashMap<>();

  static {
    CONTEXTS.put("unquoted", "printf '%s' ${v} > unquoted");
    CONTEXTS.put("double", "printf '%s' \"${v}\" > double");
    CONTEXTS.put("single", "printf '%s' '${v}' > single");
    CONTEXTS.put("mixed", "printf '%s' x${v}\"y\"'z' > mixed");
    CONTEXTS.put("substitution", ": $(printf '%s' ${v} > substitution)");
    CONTEXTS.put("quoted-substitution", ": \"$(printf '%s' ${v} > quoted-substitution)\"");
    CONTEXTS.put("double-in-substitution", ": \"$(printf '%s' \"${v}\" > double-in-substitution)\"");
    CONTEXTS.put("backquotes", ": `printf '%s' ${v} > backquotes`");
    CONTEXTS.put("quoted-backquotes", ": \"`printf '%s' ${v} > quoted-backquotes`\"");
    CONTEXTS.put("parameter", "printf '%s' $${UNSET:-${v}} > parameter");
    CONTEXTS.put("quoted-parameter", "printf '%s' \"$${UNSET:-${v}}\" > quoted-parameter");
    CONTEXTS.put("after-comment", "true # it's a \"comment ${v}\n printf '%s' ${v} > after-comment");
    CONTEXTS.put("heredoc", "cat > heredoc <<EOF\n${v}\nEOF");
    CONTEXTS.put("dollar", "printf '%s' $$${v} \"$$${v}\" > dollar");
  }

  private static final List<String> HOSTILE = List.of("$(touch PWNED)", "`touch PWNED`", "; touch PWNED",
      "' ; touch PWNED ; '", "\" ; touch PWNED ; \"", "\n touch PWNED", "| touch PWNED", "&& touch PWNED",
      "${HOME}", "$HOME", "*", "-x", "--", "EOF", "\\", "'", "\"", "$((1+1))", "é✓ 世界", "a  b\tc", "#", "");

  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> fragment = Arbitraries.oneOf(
        Arbitraries.of(HOSTILE),
        Arbitraries.strings().withChars("ab $`'\"\\;|&()<>{}[]*?~#!=%-\n\téé✓").ofMaxLength(6));
    return fragment.list().ofMaxSize(4).map(parts -> String.join("", parts)).filter(ShellScriptProperties::passable);
  }

  /** The JVM hands environment values to processes in its native encoding: non-ASCII only when that is UTF-8. */
  private static boolean passable(String value) {
    return "UTF-8".equals(System.getProperty("sun.jnu.encoding")) || value.chars().allMatch(c -> c < 128);
  }

  @Property(tries = 150)
  void everyCommandGetsExactlyTheValueAndNothingInItRuns(@ForAll("values") String value) throws Exception {
    Path dir = Files.createTempDirectory("drill-shell");
    try {
      String template = String.join("\n", CONTEXTS.values());
      String script = ShellScript.parse(template).script(name -> null);
      String output = run(dir, script, Map.of(ShellScript.variable("v"), value));
      for (String context : CONTEXTS.keySet()) {
        String expected = context.equals("heredoc") ? value + "\n"
            : context.equals("mixed") ? "x" + value + "yz"
            : context.equals("dollar") ? "$" + value + "$" + value
            : value;
        assertEquals(expected, read(dir.resolve(context)), context + "\n" + script + "\n" + output);
      }
      assertFalse(Files.exists(dir.resolve("PWNED")), "a value ran as code:\n" + script);
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<String> strictValues() {
    return Arbitraries.strings().withChars("abzAZ09_./:@+,=%-éß世").ofMinLength(1).ofMaxLength(12)
        .filter(v -> !v.startsWith("-")).filter(ShellScriptProperties::passable);
  }

  /** What the strict check lets through is data even where a shell parses it again. */
  @Property(tries = 60)
  void aStrictValueStaysDataWhereItIsParsedAgain(@ForAll("strictValues") String value) throws Exception {
    Path dir = Files.createTempDirectory("drill-shell");
    try {
      String template = String.join("\n",
          "sh -c \"printf '%s' ${v} > dash-c\"",
          "eval \"printf '%s' ${v} > eval\"",
          "echo \"printf '%s' ${v} > input\" | sh",
          "cat > quoted-heredoc <<'EOF'\n${v}\nEOF",
          "echo $((${n} + 1)) > arithmetic");
      ShellScript parsed = ShellScript.parse(template);
      Map<String, String> values = Map.of("v", value, "n", "41");
      if (!parsed.refusals(values::get).isEmpty()) {
        assertEquals("EOF", value, "only a value that would end the here-document is refused");
        return;
      }
      String script = parsed.script(values::get);
      run(dir, script, Map.of(ShellScript.variable("v"), value, ShellScript.variable("n"), "41"));
      for (String file : List.of("dash-c", "eval", "input")) {
        assertEquals(value, read(dir.resolve(file)), file);
      }
      assertEquals(value + "\n", read(dir.resolve("quoted-heredoc")));
      assertEquals("42\n", read(dir.resolve("arithmetic")));
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<String> templates() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("${v}", "${w}", "$$", "$${X}", "$(", ")", "$((", "))", "`", "'", "\"", "\\", "\n", "#",
            "<<EOF\n", "<<'EOF'\n", "<<-E\n", "EOF\n", "\tE\n", "|", "||", "&&", ";", ";;", "&", "(", "{", "}",
            "if ", "then ", "fi", "case x in ", "esac", "for i in ", "do ", "done", "sh -c ", "ssh h ", "eval ",
            "trap ", "su -c ", "python3 -c ", "awk ", " | sh", " | xargs", "f() ", "${", "}", "2>&1", "<", ">"),
        Arbitraries.strings().withChars("ab -$`'\"\\(){};|&<>\n#").ofMaxLength(5));
    return piece.list().ofMaxSize(20).map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void noInputMakesTheReaderThrow(@ForAll("templates") String template) {
    ShellScript script = ShellScript.parse(template);
    script.script(name -> "value");
    script.programs();
    script.refusals(name -> "a b");
    for (ShellScript.Use use : script.uses()) {
      assertNotEquals("a command drill could not read", use.reparsedIn().orElse(""),
          "the reader failed on: " + template);
    }
  }

  @Property(tries = 200)
  void noTextAtAllMakesTheReaderThrow(@ForAll String template) {
    ShellScript.parse(template).script(name -> null);
    assertEquals(0, ShellScript.parse("(".repeat(10_000) + "${v}").uses().stream()
        .filter(u -> u.reparsedIn().isEmpty()).count(), "past the nesting limit, everything is re-parsed");
  }

  private static String run(Path dir, String script, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the script did not end:\n" + script);
    }
    return output;
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<no file " + file.getFileName() + ">";
  }

  private static void delete(Path dir) throws IOException {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toCollection(ArrayList::new));
    }
    for (Path p : all) {
      Files.deleteIfExists(p);
    }
  }
}
