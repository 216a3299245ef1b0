package dev.drill.plan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What --dry-run shows is what runs: sh reads the shown command (values written in, quoted)
 * exactly as it reads the real script (values from the environment).
 */
class ShellScriptShownTest {

  private static final String TEMPLATE = String.join("\n",
      "printf '[%s]' ${v} \"in: ${v}\" 'single ${v} quoted' x${v}y \"$${v}\"",
      "cat <<EOF",
      "heredoc ${v} $${v}",
      "EOF",
      "echo");

  @ParameterizedTest
  @ValueSource(strings = {"db-1.staging", "a b", "db 1; $(touch INJECTED) `id` 'it''s' \"q\" \\ $HOME", "", "-x",
      "*", "new\nline", "${v}", "\\", "'", "\"", "$"})
  void theShownCommandReadsAsTheScriptThatRuns(String value) throws Exception {
    ShellScript script = ShellScript.parse(TEMPLATE);
    String ran = sh(script.script(name -> value), value);
    String shown = sh(script.shown(name -> value), "not this");
    assertEquals(ran, shown, script.shown(name -> value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"db-1.staging"})
  void plainValuesAreShownBare(String value) {
    assertEquals("ssh db-1.staging 'a b'", ShellScript.parse("ssh ${host} ${cmd}")
        .shown(name -> name.equals("host") ? value : "a b"));
    assertEquals("ssh ${host}", ShellScript.parse("ssh ${host}").shown(name -> null), "unknown: as written");
  }

  private static String sh(String script, String environmentValue) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put(ShellScript.variable("v"), environmentValue);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }
}
