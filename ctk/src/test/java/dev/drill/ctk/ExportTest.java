package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** drill export ctk: what becomes what, and the warning (D953) at each thing CTK cannot express. */
class ExportTest {

  private static final String DRILL = """
      drill cache-flush {
        title "The cache is flushed"
        owner "platform"
        kind  technical

        param  host  = "cache-1"
        secret token = env "CACHE_TOKEN"

        roles {
          operator "Runs the steps"
        }

        steady {
          check up {
            http GET "http://${host}/health" expect status 200
          }
          check cli {
            command "redis-cli -h ${host} ping" expect output contains "PONG"
          }
        }

        inject flush {
          run  "redis-cli -h ${host} -a ${token} flushall"
          wait 5s
          undo "warm-cache --host ${host}"
        }

        detect within 5m {
          signal misses {
            http GET "http://${host}/stats" expect status != 200
          }
        }

        recover within 10m {
          step tell by operator {
            manual "Tell the team"
          }
          step warm by operator {
            run "warm-cache --host ${host}"
          }
        }
      }
      """;

  private static ChaosToolkit.Exported exported() {
    CompileResult compiled = DrillCompiler.compile(new SourceFile("cache-flush.drill", DRILL));
    assertTrue(compiled.plan().isPresent(), compiled.diagnostics().toString());
    return ChaosToolkit.exportPlan(compiled.plan().get());
  }

  @Test
  void whatCtkCannotExpressIsWarnedAboutAtItsPlaceInTheDrill() {
    List<Diagnostic> warnings = exported().warnings();
    assertTrue(warnings.stream().allMatch(w -> w.code().name().equals("D953")), warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.span().line() == 35 && w.span().column() == 5
        && w.message().startsWith("recovery step tell (a person does it) is not expressible in Chaos Toolkit")),
        warnings.toString());
    assertTrue(warnings.stream().anyMatch(w -> w.span().line() == 10 && w.message().startsWith("role")), warnings.toString());
  }

  @Test
  void theExperimentHasCtksShape() throws Exception {
    JsonNode experiment = new ObjectMapper().readTree(exported().json());
    assertEquals("1.0.0", experiment.get("version").asText());
    assertEquals("The cache is flushed", experiment.get("description").asText());
    assertEquals("DRILL_HOST", experiment.at("/configuration/host/key").asText());
    assertEquals("cache-1", experiment.at("/configuration/host/default").asText());
    assertEquals("CACHE_TOKEN", experiment.at("/secrets/drill/token/key").asText());

    JsonNode probes = experiment.at("/steady-state-hypothesis/probes");
    assertEquals(200, probes.get(0).get("tolerance").asInt());
    assertEquals("http://${host}/health", probes.at("/0/provider/url").asText());
    assertEquals(0, probes.get(1).get("tolerance").asInt());
    assertEquals("cli-2", probes.get(2).get("name").asText(), "a second expectation is a second probe");
    assertEquals("PONG", probes.at("/2/tolerance/pattern").asText());
    assertEquals("stdout", probes.at("/2/tolerance/target").asText());

    JsonNode method = experiment.get("method");
    assertEquals("flush", method.at("/0/name").asText());
    assertEquals("sh", method.at("/0/provider/path").asText());
    assertEquals("-c", method.at("/0/provider/arguments/0").asText());
    assertTrue(method.at("/0/provider/arguments/1").asText().startsWith(
        "export DRILL_HOST=\"$$1\"\nexport DRILL_TOKEN=\"$$2\"\n"), "values reach the script as arguments");
    assertEquals("${host}", method.at("/0/provider/arguments/3").asText());
    assertEquals("misses", method.at("/1/name").asText(), "a signal is a probe of the method");
    assertEquals("probe", method.at("/1/type").asText());
    assertEquals(5, method.at("/1/pauses/before").asInt(), "the wait after the inject pauses before the next activity");
    assertEquals("warm", method.at("/2/name").asText(), "an automated recovery step is an action");
    assertEquals(3, method.size(), "the manual step is not in the method");

    assertEquals("flush-undo", experiment.at("/rollbacks/0/name").asText());
    assertEquals("drill", experiment.at("/extensions/0/name").asText());
    assertTrue(experiment.at("/extensions/0/notExported").toString().contains("Tell the team"));
  }
}
