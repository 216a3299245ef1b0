package dev.drill.compiler.practice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.plan.RunResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The sparklines of drill list --trend. */
class TrendTest {

  private static final Plan PLAN = Runs.plan();

  private static Optional<Duration> minutes(long m) {
    return Optional.of(Duration.ofMinutes(m));
  }

  @Test
  void eachValueIsItsShareOfTheLargestInEighths() {
    assertEquals("▁▂▄█", Trend.sparkline(List.of(minutes(1), minutes(2), minutes(4), minutes(8))));
    assertEquals("▁█", Trend.sparkline(List.of(minutes(0), minutes(5))));
    assertEquals("████", Trend.sparkline(List.of(minutes(3), minutes(3), minutes(3), minutes(3))));
  }

  @Test
  void aRunWithoutTheTimeIsADot() {
    assertEquals("█·▄", Trend.sparkline(List.of(minutes(8), Optional.empty(), minutes(4))));
  }

  @Test
  void theLastTenRunsOldestFirstWithTheLatestTime() {
    List<LoadedResult> results = new ArrayList<>();
    // listed newest first: the trend sorts them by start
    IntStream.rangeClosed(1, 12).map(i -> 13 - i).forEach(day -> results.add(Runs.loaded(RunResult.of(PLAN.id(),
        PLAN.fingerprint(), day == 12 ? Outcome.FAILED : Outcome.PASSED, "staging",
        Instant.parse("2026-10-01T09:00:00Z").plus(Duration.ofDays(day)),
        Instant.parse("2026-10-01T10:00:00Z").plus(Duration.ofDays(day)),
        minutes(day), day == 12 ? Optional.empty() : minutes(24 - day)))));
    Trend trend = Trend.of(PLAN, results);
    assertEquals(10, trend.points().size());
    assertEquals(Instant.parse("2026-10-04T09:00:00Z"), trend.points().get(0).startedAt());
    assertEquals("▂▃▄▄▅▆▆▇██ 12m", trend.detect());
    assertEquals("███▇▇▇▆▆▅· none", trend.recover());
  }

  @Test
  void aDrillNeverRunHasNoTrend() {
    assertEquals("-", Trend.of(PLAN, List.of()).detect());
  }
}
