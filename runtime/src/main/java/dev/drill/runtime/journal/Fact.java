package dev.drill.runtime.journal;

import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A fact of a journal event: its name in the journal and the type of its value. Which
 * events carry it, and in which place, is {@link Event}'s to say.
 *
 * <p>Reading is forgiving: a journal may come from another version of drill or be edited by
 * hand, so a value of the wrong type reads as absent, never as a crash. Durations are
 * written as whole milliseconds (their names end in {@code Ms}).
 *
 * @param <T> the type of the value
 */
public final class Fact<T> implements Slot {

  // run-started
  public static final Fact<String> DRILL = text("drill");
  public static final Fact<String> TITLE = text("title");
  public static final Fact<String> FINGERPRINT = text("fingerprint");
  public static final Fact<String> SOURCE = text("source");
  public static final Fact<String> ENVIRONMENT = text("environment");
  public static final Fact<Boolean> AUTO = flag("auto");
  /** Param name to value, as the journal may show it (a value holding a secret is hidden). */
  public static final Fact<Map<String, String>> PARAMS = new Fact<>("params", Fact::textMap, v -> v);
  /** The secrets' names. */
  public static final Fact<List<String>> SECRETS = texts("secrets");
  public static final Fact<Duration> TIMEBOX = millis("timeboxMs");
  public static final Fact<String> WORKDIR = text("workdir");
  public static final Fact<String> JOURNAL = text("journal");
  public static final Fact<String> RESULTS = text("results");
  public static final Fact<Long> PID = new Fact<>("pid", v -> v instanceof Number n ? Optional.of(n.longValue())
      : Optional.empty(), v -> v);
  public static final Fact<String> HOST = text("host");
  /** The whole plan, as {@code drill compile} writes it. */
  public static final Fact<Plan> PLAN = new Fact<>("plan", JournalPlan::read, JournalPlan::tree);

  // roster
  /** Role id to the person who held it during the run. */
  public static final Fact<Map<String, String>> HOLDERS = new Fact<>("holders", Fact::textMap, v -> v);
  /** The roles a step or comms duty is for that nobody held. */
  public static final Fact<List<String>> UNHELD = texts("unheld");

  // phases, actions, checks, probes
  /** A phase of the run: a {@link RunPhase}'s name. */
  public static final Fact<String> PHASE = text("phase");
  public static final Fact<Boolean> OK = flag("ok");
  public static final Fact<String> DETAIL = text("detail");
  /** The id of an inject or recovery step, {@code setup} or {@code teardown}. */
  public static final Fact<String> STEP = text("step");
  /** An action's place in its step, from 1. */
  public static final Fact<Integer> INDEX = new Fact<>("index", v -> v instanceof Number n ? Optional.of(n.intValue())
      : Optional.empty(), v -> v);
  /** The kind of an action: {@code run}, {@code http}, {@code manual}, {@code wait}. */
  public static final Fact<String> KIND = text("kind");
  /** An action's text, or a note's. */
  public static final Fact<String> TEXT = text("text");
  public static final Fact<String> OUTPUT = text("output");
  public static final Fact<Duration> DURATION = millis("durationMs");
  /** The id of a check, signal, recovery step or abort condition. */
  public static final Fact<String> ID = text("id");
  public static final Fact<Boolean> HOLDS = flag("holds");
  /** What a probe is looked at for: a {@link ProbeRole}'s name. */
  public static final Fact<String> PROBE_ROLE = text("role");

  // detection, recovery
  public static final Fact<Duration> SINCE_FAULT = millis("sinceFaultMs");
  public static final Fact<Duration> BUDGET = millis("budgetMs");
  public static final Fact<Boolean> IN_BUDGET = flag("inBudget");
  /** How detection is met: {@code all} or {@code any}. */
  public static final Fact<String> MODE = text("mode");
  public static final Fact<Boolean> MET = flag("met");
  public static final Fact<List<String>> FIRED = texts("fired");
  public static final Fact<List<String>> MISSING = texts("missing");
  /** The role of the drill (a person's) a step or duty is for. */
  public static final Fact<String> ROLE = text("role");
  public static final Fact<Boolean> HELD = flag("held");

  // people
  /** A communication duty: {@code update} or {@code notify}. */
  public static final Fact<String> DUTY = text("duty");
  public static final Fact<String> AUDIENCE = text("audience");
  public static final Fact<Duration> DUE_SINCE_FAULT = millis("dueSinceFaultMs");
  public static final Fact<Boolean> DONE = flag("done");
  public static final Fact<Boolean> LATE = flag("late");
  public static final Fact<String> NOTE = text("note");
  public static final Fact<String> QUESTION = text("question");
  public static final Fact<Boolean> YES = flag("yes");
  /** Who wrote a note ({@code terminal}, {@code drill note}) or resumed a run ({@code drill rollback}). */
  public static final Fact<String> BY = text("by");

  // an unannounced start
  /** The start window's first moment (ISO-8601, UTC). */
  public static final Fact<Instant> FROM = instant("from");
  /** The start window's end, exclusive (ISO-8601, UTC). */
  public static final Fact<Instant> UNTIL = instant("until");
  /** The local time zone the window's hours and the blackouts are read in. */
  public static final Fact<String> ZONE = text("zone");
  /** The daily blackouts, {@code HH:MM-HH:MM} local time. */
  public static final Fact<List<String>> BLACKOUTS = texts("blackouts");
  /** The seed the start moment was drawn from: the same window and seed give the same moment. */
  public static final Fact<Long> SEED = new Fact<>("seed", v -> v instanceof Number n ? Optional.of(n.longValue())
      : Optional.empty(), v -> v);

  // stopping and ending
  public static final Fact<String> SIGNAL = text("signal");
  public static final Fact<String> REASON = text("reason");
  public static final Fact<Boolean> ROLLING_BACK = flag("rollingBack");
  public static final Fact<RunResult.Outcome> OUTCOME = new Fact<>("outcome",
      v -> v instanceof String s ? RunResult.Outcome.fromKeyword(s) : Optional.empty(), RunResult.Outcome::keyword);
  public static final Fact<List<String>> REASONS = texts("reasons");
  public static final Fact<Duration> TIME_TO_DETECT = millis("timeToDetectMs");
  public static final Fact<Duration> TIME_TO_RECOVER = millis("timeToRecoverMs");
  /** The inject steps whose undo a resumed rollback runs. */
  public static final Fact<List<String>> UNDO = texts("undo");
  /** How many teardown actions a resumed rollback runs. */
  public static final Fact<Integer> TEARDOWN = new Fact<>("teardown", v -> v instanceof Number n
      ? Optional.of(n.intValue()) : Optional.empty(), v -> v);

  private final String name;
  private final Function<Object, Optional<T>> read;
  private final Function<T, Object> write;

  private Fact(String name, Function<Object, Optional<T>> read, Function<T, Object> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  /** The fact's name in the journal, such as {@code sinceFaultMs}. */
  public String wireName() {
    return name;
  }

  /** The value as this fact's type, if it is one. */
  Optional<T> read(Object value) {
    return value == null ? Optional.empty() : read.apply(value);
  }

  /** The value as the journal holds it. */
  Object write(T value) {
    return write.apply(value);
  }

  @Override
  public Fact<?> fact() {
    return this;
  }

  @Override
  public boolean optional() {
    return false;
  }

  @Override
  public String toString() {
    return name;
  }

  private static Fact<String> text(String name) {
    return new Fact<>(name, v -> v instanceof String s ? Optional.of(s) : Optional.empty(), v -> v);
  }

  private static Fact<Instant> instant(String name) {
    return new Fact<>(name, v -> {
      try {
        return v instanceof String s ? Optional.of(Instant.parse(s)) : Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }, Instant::toString);
  }

  private static Fact<Boolean> flag(String name) {
    return new Fact<>(name, v -> v instanceof Boolean b ? Optional.of(b) : Optional.empty(), v -> v);
  }

  private static Fact<Duration> millis(String name) {
    return new Fact<>(name, v -> v instanceof Number n ? Optional.of(Duration.ofMillis(n.longValue()))
        : Optional.empty(), Duration::toMillis);
  }

  /** A list of texts: a list or array of anything, each as text. */
  private static Fact<List<String>> texts(String name) {
    return new Fact<>(name, v -> {
      Collection<?> items = v instanceof Collection<?> c ? c : v instanceof Object[] a ? Arrays.asList(a) : null;
      if (items == null) {
        return Optional.empty();
      }
      List<String> texts = new ArrayList<>();
      items.stream().filter(item -> item != null).forEach(item -> texts.add(item.toString()));
      return Optional.of(Collections.unmodifiableList(texts));
    }, v -> v);
  }

  /** The entries of a map whose values are texts. */
  private static Optional<Map<String, String>> textMap(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return Optional.empty();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    map.forEach((key, text) -> {
      if (text instanceof String s) {
        texts.put(String.valueOf(key), s);
      }
    });
    return Optional.of(Collections.unmodifiableMap(texts));
  }
}
