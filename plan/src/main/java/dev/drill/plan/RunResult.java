package dev.drill.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a drill left behind: which drill, which version of its procedure (the
 * plan's fingerprint), how it ended, where and when it ran, and how long detection and
 * recovery took. The runtime writes one small file per run (see {@link #relativePath()} and
 * {@link RunResultJson}); {@code drill check} reads them to tell whether a drill is practiced.
 *
 * <p>Times are instants (UTC); {@code timeToDetect} and {@code timeToRecover} are measured
 * from the moment the fault was injected and are absent when the run never got there.
 *
 * <p>The {@code roster} says who held which role of the drill during the run (role id to
 * person, in the order given); empty when nobody was named, and then left out of the file, so
 * results written before the roster existed still read.
 */
public record RunResult(
    int resultVersion,
    String drill,
    String fingerprint,
    Outcome outcome,
    String environment,
    Instant startedAt,
    Instant endedAt,
    Optional<Duration> timeToDetect,
    Optional<Duration> timeToRecover,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> roster) {

  /** The result version this build writes and reads. */
  public static final int CURRENT_VERSION = 1;

  // Four-digit years only: the JSON form and the file name both write the year in four digits.
  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * @throws IllegalArgumentException when a value is out of form: an id that is not
   *     kebab-case, a fingerprint not {@code sha256:} and 16 hex digits, an end before the
   *     start, a negative duration, a year outside 0000-9999
   */
  public RunResult {
    Objects.requireNonNull(drill, "drill");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(timeToDetect, "timeToDetect");
    Objects.requireNonNull(timeToRecover, "timeToRecover");
    Objects.requireNonNull(roster, "roster");
    require(PlanValidator.isId(drill), "drill id '" + drill + "' is not kebab-case");
    require(PlanValidator.isId(environment), "environment '" + environment + "' is not kebab-case");
    require(PlanFingerprint.isWellFormed(fingerprint),
        "fingerprint '" + fingerprint + "' is not sha256: and 16 lower-case hex digits");
    requireInRange(startedAt, "startedAt");
    requireInRange(endedAt, "endedAt");
    require(!endedAt.isBefore(startedAt), "endedAt " + endedAt + " is before startedAt " + startedAt);
    timeToDetect.ifPresent(d -> require(!d.isNegative(), "timeToDetect " + d + " is negative"));
    timeToRecover.ifPresent(d -> require(!d.isNegative(), "timeToRecover " + d + " is negative"));
    roster.forEach((role, person) -> {
      require(PlanValidator.isId(role), "role '" + role + "' is not kebab-case");
      require(isPersonName(person), "the person holding " + role + " must be a name on one line, not '"
          + person + "'");
    });
    roster = Collections.unmodifiableMap(new LinkedHashMap<>(roster));
  }

  /** True for a name a roster can hold: not blank, one line, no spaces around it. */
  public static boolean isPersonName(String name) {
    return !name.isBlank() && name.strip().equals(name) && name.lines().count() == 1;
  }

  /** A result of the {@link #CURRENT_VERSION}. */
  public static RunResult of(String drill, String fingerprint, Outcome outcome, String environment,
      Instant startedAt, Instant endedAt, Optional<Duration> timeToDetect,
      Optional<Duration> timeToRecover) {
    return new RunResult(CURRENT_VERSION, drill, fingerprint, outcome, environment, startedAt,
        endedAt, timeToDetect, timeToRecover, Map.of());
  }

  /** This result with who held which role (role id to person). */
  public RunResult withRoster(Map<String, String> holders) {
    return new RunResult(resultVersion, drill, fingerprint, outcome, environment, startedAt, endedAt,
        timeToDetect, timeToRecover, holders);
  }

  /**
   * Where this result's file goes, relative to a results directory:
   * {@code <drill>/<startedAt as yyyy-MM-dd'T'HHmmss'Z'>.json}, such as
   * {@code matching-engine-crash/2026-11-20T140300Z.json}. One directory per drill, and file
   * names that sort by start time and hold no {@code :} (which some file systems refuse).
   */
  public Path relativePath() {
    return Path.of(drill, fileName());
  }

  /** The file name part of {@link #relativePath()}. */
  public String fileName() {
    return FILE_TIME.format(startedAt) + ".json";
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static void requireInRange(Instant instant, String name) {
    require(!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST),
        name + " " + instant + " is not in the years 0000 to 9999");
  }

  /**
   * How a run ended. Only a passed run counts as practice; an aborted run neither passed nor
   * failed. The one outcome of a run throughout drill: the journal's {@code outcome} event,
   * the after-action report and this result say it with the same keyword. A run whose
   * journal has no outcome yet (still going, or its runner killed) has none: its report calls
   * it {@code interrupted}, and it leaves no result.
   */
  public enum Outcome {
    /** Detected and recovered within the budgets, steady state restored. */
    PASSED,
    /** The run went through, but an expectation was missed: detection, a step, or recovery. */
    FAILED,
    /** The run was stopped before its end: steady state did not hold, an abort condition, the timebox, Ctrl-C. */
    ABORTED;

    public static Optional<Outcome> fromKeyword(String keyword) {
      for (Outcome outcome : values()) {
        if (outcome.keyword().equals(keyword)) {
          return Optional.of(outcome);
        }
      }
      return Optional.empty();
    }

    @JsonValue
    public String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
