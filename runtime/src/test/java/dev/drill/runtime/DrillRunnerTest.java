package dev.drill.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Plan;
import dev.drill.plan.PlanJson;
import dev.drill.runtime.clock.Clock;
import dev.drill.runtime.clock.SystemClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run of a tiny drill: what it writes, and where. */
class DrillRunnerTest {

  private static final String TINY = String.join("\n",
      "{",
      "  \"planVersion\": 1,",
      "  \"id\": \"tiny\",",
      "  \"title\": \"Tiny\",",
      "  \"owner\": \"sre\",",
      "  \"kind\": \"ics\",",
      "  \"tags\": [],",
      "  \"environment\": \"staging\",",
      "  \"rerun\": \"PT336H\",",
      "  \"guide\": \"tiny.md\",",
      "  \"source\": \"tiny.drill:1:1-6:1\",",
      "  \"roles\": [],",
      "  \"params\": [],",
      "  \"secrets\": [],",
      "  \"setup\": [{\"type\": \"run\", \"command\": \"true\", \"source\": \"tiny.drill:5:11-5:20\"}],",
      "  \"teardown\": [],",
      "  \"phases\": [],",
      "  \"fingerprint\": \"sha256:d3c08df5bf3d4f8a\"",
      "}",
      "");

  @TempDir Path dir;

  /**
   * The run's directory and its result file are named by one moment, its start: a clock
   * whose every reading is 700 ms on from the last would split them across a second if they
   * were read apart (they were: the directory by the wall clock before the journal was
   * opened, the result by the run-started event).
   */
  @Test
  void theJournalsFolderAndTheResultShareOneTimestamp() throws Exception {
    Plan plan = PlanJson.read(TINY);
    SystemClock real = new SystemClock();
    Clock hurried = new Clock() {
      private Instant next = Instant.parse("2026-11-20T14:02:59.000Z");

      @Override
      public synchronized Instant now() {
        next = next.plus(Duration.ofMillis(700));
        return next;
      }

      @Override
      public void sleepUntil(Instant deadline) throws InterruptedException {
        real.sleepUntil(Instant.now().plusMillis(5));
      }

      @Override
      public void wake() {
        real.wake();
      }
    };
    DrillRunner.Request request = new DrillRunner.Request(plan, Bindings.none(), dir, true, dir.resolve("runs"),
        dir.resolve("results"), Optional.empty());
    DrillRunner.Finished finished = new DrillRunner(request, new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()), hurried).run();
    assertEquals(Optional.empty(), finished.problem());
    String folder = finished.journal().getParent().getFileName().toString();
    assertEquals("2026-11-20T140259Z", folder, "the first reading names the folder");
    assertEquals(folder + ".json", finished.result().orElseThrow().getFileName().toString());
  }
}
