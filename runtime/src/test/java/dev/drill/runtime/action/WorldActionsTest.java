package dev.drill.runtime.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.drill.plan.Action;
import dev.drill.plan.SourceSpan;
import dev.drill.runtime.Bindings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldActionsTest {

  private static final SourceSpan SPAN = SourceSpan.at("t.drill", 1, 1);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void runActionsRunAsProcessesAndHttpActionsAsRequests() throws Exception {
    try (LocalHttpServer server = new LocalHttpServer()) {
      WorldActions actions = WorldActions.of(new Bindings(Map.of("base", server.base()), Map.of()), dir, HttpRunner.newClient(), ProcessGroups.unwatched());
      assertEquals(new ActionResult(true, "exit 0", "hi\n"),
          actions.perform(new Action.Run("echo hi", Optional.empty(), SPAN), TIMEOUT));
      assertEquals(new ActionResult(true, "status 204", ""),
          actions.perform(new Action.Http("DELETE", "${base}/status/204", List.of(), Optional.empty(),
              Optional.empty(), SPAN), TIMEOUT));
    }
  }

  @Test
  void manualAndWaitActionsAreTheRunnersOwn() {
    WorldActions actions = WorldActions.of(Bindings.none(), dir, HttpRunner.newClient(), ProcessGroups.unwatched());
    assertThrows(IllegalArgumentException.class,
        () -> actions.perform(new Action.Manual("restart it", SPAN), TIMEOUT));
    assertThrows(IllegalArgumentException.class,
        () -> actions.perform(new Action.Wait(Duration.ofSeconds(1), SPAN), TIMEOUT));
  }
}
