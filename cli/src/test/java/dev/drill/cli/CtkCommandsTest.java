package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.drill.cli.CompileCommandTest.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drill import ctk and drill export ctk from the command line, and an imported experiment
 * run for real against a local HTTP server with CTK's semantics: the hypothesis before and
 * after the method, the rollbacks always.
 */
class CtkCommandsTest {

  @TempDir Path dir;
  HttpServer server;
  volatile boolean broken;
  final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void aShop() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      try (InputStream body = exchange.getRequestBody()) {
        requests.add(exchange.getRequestMethod() + " " + path + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
      if (path.equals("/break")) {
        broken = true;
      } else if (path.equals("/repair")) {
        broken = false;
      }
      byte[] answer = (path.equals("/health") && broken ? "{\"error\": \"down\"}" : "{\"status\": \"ok\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(path.equals("/health") && broken ? 503 : 200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void closeTheShop() {
    server.stop(0);
  }

  private Path experiment() throws IOException {
    Path file = dir.resolve("health-experiment.json");
    try (InputStream in = getClass().getResourceAsStream("/ctk/health-experiment.json")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  private Outcome run(Path drill, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", drill.toString(), "--auto", "--set",
        "base-url=http://127.0.0.1:" + server.getAddress().getPort(), "--journal", dir.resolve("runs").toString(),
        "--results", dir.resolve("results").toString()));
    args.addAll(List.of(more));
    return CompileCommandTest.drill(args.toArray(new String[0]));
  }

  @Test
  void anImportedExperimentWhoseHypothesisHoldsPasses() throws IOException {
    Path drill = dir.resolve("shop.drill");
    Outcome imported = CompileCommandTest.drill("import", "ctk", experiment().toString(), "-o", drill.toString());
    assertEquals(0, imported.exit(), imported.err());
    Files.writeString(dir.resolve("marker.txt"), "shop ok\n");

    Outcome run = run(drill, "--set", "fault=noop");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(Files.exists(dir.resolve("started.txt")), "the background activity ran");
    assertTrue(Files.exists(dir.resolve("rolled back.txt")), "the rollbacks ran, the file name as one argument");
    assertTrue(requests.contains("POST /noop {\"reason\": \"drill test\"}"), requests.toString());
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("POST /repair")), requests.toString());
  }

  @Test
  void anImportedExperimentWhoseHypothesisDeviatesFailsAndStillRollsBack() throws IOException {
    Path drill = dir.resolve("shop.drill");
    assertEquals(0, CompileCommandTest.drill("import", "ctk", experiment().toString(), "-o", drill.toString()).exit());
    Files.writeString(dir.resolve("marker.txt"), "shop ok\n");

    Outcome run = run(drill, "--set", "fault=break");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue((run.out() + run.err()).contains("deviated"), run.out() + run.err());
    assertTrue(requests.contains("POST /break {\"reason\": \"drill test\"}"), requests.toString());
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("POST /repair")), "rolled back: " + requests);
    assertFalse(broken, "the rollback repaired the shop");
    assertTrue(Files.exists(dir.resolve("rolled back.txt")));
  }

  @Test
  void aHypothesisThatDoesNotHoldFirstInjectsNothingAndStillRollsBack() throws IOException {
    Path drill = dir.resolve("shop.drill");
    assertEquals(0, CompileCommandTest.drill("import", "ctk", experiment().toString(), "-o", drill.toString()).exit());
    // No marker: the third probe does not hold.
    Outcome run = run(drill);
    assertEquals(1, run.exit(), run.out() + run.err());
    assertFalse(requests.stream().anyMatch(r -> r.startsWith("POST /break")), requests.toString());
    assertTrue(requests.stream().anyMatch(r -> r.startsWith("POST /repair")), "drill runs the rollbacks always");
  }

  @Test
  void oneExperimentGoesToStdoutAndSeveralToADirectory() throws IOException {
    Path experiment = experiment();
    Outcome stdout = CompileCommandTest.drill("import", "ctk", experiment.toString());
    assertEquals(0, stdout.exit(), stdout.err());
    assertTrue(stdout.out().startsWith("# Imported by drill import ctk from the Chaos Toolkit experiment"), stdout.out());
    assertTrue(stdout.out().contains("kind        experiment"), stdout.out());

    Path copy = dir.resolve("copy.yaml");
    Files.writeString(copy, "title: A second one\ndescription: d\nmethod: []\n");
    Outcome both = CompileCommandTest.drill("import", "ctk", experiment.toString(), copy.toString(), "-o",
        dir.resolve("out").toString());
    assertEquals(0, both.exit(), both.err());
    assertTrue(Files.exists(dir.resolve("out/the-shop-stays-healthy-while-its-cache-is-flushed.drill")));
    assertTrue(Files.exists(dir.resolve("out/a-second-one.drill")));
    assertTrue(both.out().contains("wrote " + dir.resolve("out/a-second-one.drill")), both.out());
  }

  @Test
  void anExistingDifferentDrillIsReplacedOnlyWithForce() throws IOException {
    Path drill = dir.resolve("shop.drill");
    Files.writeString(drill, "hand-written\n");
    Outcome refused = CompileCommandTest.drill("import", "ctk", experiment().toString(), "-o", drill.toString());
    assertEquals(2, refused.exit());
    assertTrue(refused.err().contains("exists; give --force to replace it"), refused.err());
    assertEquals("hand-written\n", Files.readString(drill), "a refused import leaves the file as it was");
    assertEquals(0, CompileCommandTest.drill("import", "ctk", experiment().toString(), "-o", drill.toString(),
        "--force").exit());
  }

  @Test
  void usageErrorsExit2AndAnInvalidExperimentExits1() throws IOException {
    assertEquals(2, CompileCommandTest.drill("import", "ctk", dir.resolve("none.json").toString()).exit());
    assertEquals(2, CompileCommandTest.drill("import", "ctk", experiment().toString(), "--environment", "Prod EU").exit());
    Path second = dir.resolve("second.json");
    Files.writeString(second, "{}");
    Outcome many = CompileCommandTest.drill("import", "ctk", experiment().toString(), second.toString());
    assertEquals(2, many.exit());
    assertTrue(many.err().contains("several experiments need -o DIR"), many.err());

    Path invalid = dir.resolve("invalid.json");
    Files.writeString(invalid, "{\n  \"title\": \"t\",\n  \"description\": \"d\"\n}\n");
    Outcome refused = CompileCommandTest.drill("import", "ctk", invalid.toString());
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains(invalid + ":1:1: error D903: the experiment has no 'method'"), refused.err());
    assertEquals("", refused.out());

    // JSON may escape half a surrogate pair alone; no UTF-8 file can hold it: refused where it is, nothing written.
    Path half = dir.resolve("half.json");
    Files.writeString(half, "{\"title\": \"Lone \\ud800 half\", \"description\": \"d\", \"method\": [{\"type\": "
        + "\"action\", \"name\": \"stop\", \"provider\": {\"type\": \"process\", \"path\": \"true\"}}]}");
    Path out = dir.resolve("imported");
    Outcome halfRefused = CompileCommandTest.drill("import", "ctk", half.toString(), "-o", out.toString());
    assertEquals(1, halfRefused.exit());
    assertTrue(halfRefused.err().contains(":3:13: error D004: '\\ud800' is half of a UTF-16 surrogate pair"),
        halfRefused.err());
    assertFalse(Files.exists(out.resolve("lone-half.drill")));
  }

  @Test
  void aDrillExportsAndImportsBackIntoADrillThatCompiles() throws IOException {
    Path drill = dir.resolve("shop.drill");
    assertEquals(0, CompileCommandTest.drill("import", "ctk", experiment().toString(), "-o", drill.toString()).exit());
    Outcome exported = CompileCommandTest.drill("export", "ctk", drill.toString(), "-o", dir.resolve("e.json").toString());
    assertEquals(0, exported.exit(), exported.err());
    Outcome again = CompileCommandTest.drill("import", "ctk", dir.resolve("e.json").toString(), "-o",
        dir.resolve("again.drill").toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals(0, CompileCommandTest.drill("compile", dir.resolve("again.drill").toString()).exit());

    Outcome sample = CompileCommandTest.drill("export", "ctk", "../samples/drills/matching-engine-crash.drill");
    assertEquals(0, sample.exit(), sample.err());
    assertTrue(sample.out().contains("\"version\": \"1.0.0\""), sample.out());
    assertTrue(sample.err().contains("warning D953: recovery step declare (a person does it) is not expressible"),
        sample.err());
  }
}
