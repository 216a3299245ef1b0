package dev.drill.compiler.practice;

import dev.drill.compiler.ast.Durations;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Time to detect and time to recover over a drill's last runs, oldest first, for
 * {@code drill list --trend} and the readiness page.
 */
public record Trend(List<Point> points) {

  /** How many of a drill's runs a trend shows: the last ones. */
  public static final int RUNS = 10;

  /** The eight bars of a sparkline, lowest first. */
  static final String BARS = "▁▂▃▄▅▆▇█";

  /** A run in the sparkline with no such time (the signal never fired, the service never recovered). */
  static final char NO_VALUE = '·';

  /** One run: when it started and its times, each absent when the run did not get that far. */
  public record Point(Instant startedAt, RunResult.Outcome outcome, Optional<Duration> timeToDetect,
      Optional<Duration> timeToRecover) {}

  public Trend {
    points = List.copyOf(points);
  }

  /** The last {@link #RUNS} runs of {@code plan} among the results, oldest first. */
  public static Trend of(Plan plan, List<LoadedResult> results) {
    List<Point> runs = results.stream()
        .filter(r -> r.result().drill().equals(plan.id()))
        .sorted(Comparator.comparing((LoadedResult r) -> r.result().startedAt()).thenComparing(LoadedResult::file))
        .map(LoadedResult::result)
        .map(r -> new Point(r.startedAt(), r.outcome(), r.timeToDetect(), r.timeToRecover()))
        .toList();
    return new Trend(runs.subList(Math.max(0, runs.size() - RUNS), runs.size()));
  }

  /** The times to detect as a sparkline with the latest time after it ({@code ▂▅█ 3m}), or {@code -}. */
  public String detect() {
    return line(Point::timeToDetect);
  }

  /** The times to recover, the same way. */
  public String recover() {
    return line(Point::timeToRecover);
  }

  private String line(Function<Point, Optional<Duration>> time) {
    List<Optional<Duration>> values = points.stream().map(time).toList();
    if (values.stream().allMatch(Optional::isEmpty)) {
      return "-";
    }
    String last = values.get(values.size() - 1).map(Durations::format).orElse("none");
    return sparkline(values) + " " + last;
  }

  /**
   * One character a value: the bar of its share of the largest value (a bar an eighth high
   * stands for up to an eighth of it, a full bar for the largest), {@link #NO_VALUE} for none.
   */
  static String sparkline(List<Optional<Duration>> values) {
    long max = values.stream().flatMap(Optional::stream).mapToLong(Duration::toMillis).max().orElse(0);
    StringBuilder line = new StringBuilder();
    for (Optional<Duration> value : values) {
      line.append(value.map(v -> BARS.charAt(bar(v.toMillis(), max))).orElse(NO_VALUE));
    }
    return line.toString();
  }

  private static int bar(long value, long max) {
    if (max <= 0 || value <= 0) {
      return 0;
    }
    // ceil(value * 8 / max) - 1, without overflow for any duration a result can hold
    double eighths = Math.ceil(value * 8.0 / max);
    return (int) Math.max(0, Math.min(BARS.length() - 1, eighths - 1));
  }
}
