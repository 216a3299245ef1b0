package dev.drill.runtime.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.plan.Action;
import dev.drill.plan.Comparator;
import dev.drill.plan.Expectation;
import dev.drill.plan.NumberExpectation;
import dev.drill.plan.SourceSpan;
import dev.drill.runtime.Bindings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit expectations of run actions and timeouts of http actions, with real processes and a loopback server. */
class ActionExpectationsTest {

  private static final SourceSpan AT = SourceSpan.at("a.drill", 1, 1);
  private static final Duration LONG = Duration.ofMinutes(1);
  private static LocalHttpServer server;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = new LocalHttpServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private WorldActions actions() {
    return WorldActions.of(new Bindings(Map.of("base", server.base()), Map.of()), dir, HttpRunner.newClient(),
        ProcessGroups.unwatched());
  }

  private static Action.Run run(String command, Optional<NumberExpectation> exit) {
    return new Action.Run(command, Optional.empty(), exit, AT);
  }

  @Test
  void aRunExpectingAnyExitSucceedsOnAFailure() throws Exception {
    Optional<NumberExpectation> any = Optional.of(new Expectation(Comparator.GE, BigDecimal.ZERO));
    ActionResult result = actions().perform(run("echo checked; exit 3", any), LONG);
    assertTrue(result.ok());
    assertEquals("exit 3", result.detail());
    assertEquals("checked\n", result.output());
  }

  @Test
  void aRunFailsWhenItsExitIsNotTheOneExpected() throws Exception {
    Optional<NumberExpectation> set = Optional.of(new NumberExpectation.OneOf(List.of(BigDecimal.ZERO, BigDecimal.valueOf(3))));
    assertTrue(actions().perform(run("exit 3", set), LONG).ok());
    ActionResult failed = actions().perform(run("exit 4", set), LONG);
    assertFalse(failed.ok());
    assertEquals("exit 4 (expected in 0, 3)", failed.detail());
    assertFalse(actions().perform(run("exit 1", Optional.empty()), LONG).ok());
  }

  @Test
  void aRunThatTimesOutFailsWhateverItExpects() throws Exception {
    Optional<NumberExpectation> any = Optional.of(new Expectation(Comparator.GE, BigDecimal.ZERO));
    Action.Run slow = new Action.Run("sleep 5", Optional.of(Duration.ofMillis(300)), any, AT);
    assertFalse(actions().perform(slow, LONG).ok());
  }

  @Test
  void anHttpActionIsCutOffAfterItsTimeout() throws Exception {
    Action.Http hang = new Action.Http("GET", "${base}/hang", List.of(), Optional.empty(), Optional.empty(),
        Optional.of(Duration.ofMillis(300)), AT);
    Instant begin = Instant.now();
    ActionResult result = actions().perform(hang, LONG);
    assertFalse(result.ok());
    assertEquals("timed out after 300ms", result.detail());
    assertTrue(Duration.between(begin, Instant.now()).compareTo(Duration.ofSeconds(5)) < 0);
  }

  @Test
  void anHttpActionTakesASetOfStatuses() throws Exception {
    Optional<NumberExpectation> set = Optional.of(new NumberExpectation.OneOf(List.of(BigDecimal.valueOf(202),
        BigDecimal.valueOf(409))));
    Action.Http conflict = new Action.Http("POST", "${base}/status/409", List.of(), Optional.empty(), set, AT);
    assertTrue(actions().perform(conflict, LONG).ok());
    Action.Http ok = new Action.Http("POST", "${base}/status/200", List.of(), Optional.empty(), set, AT);
    ActionResult result = actions().perform(ok, LONG);
    assertFalse(result.ok());
    assertEquals("status 200 (expected in 202, 409)", result.detail());
  }
}
