package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The validator is total: whatever a plan's records hold (nulls, absurd durations, any text),
 * it answers with a list of problems and never throws. An id is exactly a kebab-case name.
 */
class PlanValidatorProperties {

  private static final SourceSpan SPAN = SourceSpan.at("x.drill", 1, 1);
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Property(tries = 2000)
  void neverThrows(@ForAll("plans") Plan plan) {
    assertNotNull(PlanValidator.problems(plan));
  }

  @Property(tries = 300)
  void everyProblemIsOneLine(@ForAll("plans") Plan plan) {
    for (String problem : PlanValidator.problems(plan)) {
      if (problem.chars().anyMatch(Character::isISOControl)) {
        throw new AssertionError("a control character in: " + problem);
      }
    }
  }

  @Property(tries = 3000)
  void anIdIsAKebabCaseName(@ForAll("names") String name) {
    assertEquals(KEBAB.matcher(name).matches(), PlanValidator.isId(name), name);
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("az09-_A").ofMaxLength(8);
  }

  @Provide
  Arbitrary<Plan> plans() {
    Arbitrary<List<Phase>> phases = phase().list().ofMaxSize(8);
    Arbitrary<List<Action>> actions = action().list().ofMaxSize(3);
    return Combinators.combine(
        Combinators.combine(Arbitraries.integers().between(0, 2), name(), text(), optional(text())).as(Head::new),
        Combinators.combine(name(), duration().optional(), duration()).as(Times::new),
        Combinators.combine(
            Combinators.combine(name(), optional(text()), span()).as(Plan.Role::new).list().ofMaxSize(3),
            Combinators.combine(name(), optional(text()), span()).as(Plan.Param::new).list().ofMaxSize(3),
            Combinators.combine(name(), text(), span()).as(Plan.Secret::new).list().ofMaxSize(2))
            .as(Names::new),
        actions, actions, phases, text())
        .as((h, t, n, setup, teardown, p, fingerprint) -> new Plan(h.version, h.id, h.title, h.summary, h.title,
            DrillKind.TECHNICAL, List.of(), t.environment, t.timebox, t.timebox, t.rerun, h.title, SPAN,
            n.roles, n.params, n.secrets, setup, teardown, p, fingerprint));
  }

  private record Head(int version, String id, String title, Optional<String> summary) {}

  private record Times(String environment, Optional<Duration> timebox, Duration rerun) {}

  private record Names(List<Plan.Role> roles, List<Plan.Param> params, List<Plan.Secret> secrets) {}

  /** Names of the plan, ${references} to them, and anything else. */
  private static Arbitrary<String> name() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of("host", "token", "operator", "a", "b", "restart", "paged")),
        Tuple.of(2, Arbitraries.strings().ofMaxLength(8)),
        Tuple.of(1, Arbitraries.just(null)));
  }

  private static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, name().map(n -> "x ${" + n + "} $$ ${")),
        Tuple.of(3, Arbitraries.strings().withChars("${}()[]*+?\\a:\n\u001b").ofMaxLength(12)),
        Tuple.of(1, Arbitraries.just(null)));
  }

  private static <T> Arbitrary<Optional<T>> optional(Arbitrary<T> values) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, values.injectNull(0).map(Optional::ofNullable)),
        Tuple.of(1, Arbitraries.just((Optional<T>) null)));
  }

  private static Arbitrary<Duration> duration() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs().between(-1000, 400L * 86_400_000).map(Duration::ofMillis)),
        Tuple.of(1, Arbitraries.of(Duration.ZERO, Duration.ofNanos(1),
            Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
            Duration.ofSeconds(Long.MIN_VALUE, 1), Duration.ofDays(366), Duration.ofMillis(99))),
        Tuple.of(1, Arbitraries.just((Duration) null)));
  }

  private static Arbitrary<Optional<Duration>> optionalDuration() {
    return optional(duration());
  }

  private static Arbitrary<SourceSpan> span() {
    return Arbitraries.of(SPAN).injectNull(0.1);
  }

  private static Arbitrary<Expectation> expectation() {
    Arbitrary<BigDecimal> values = Arbitraries.of("0", "200", "-1", "255.5", "1E+3", "599", "600",
            "1E+999999999", "-1E-999999999")
        .map(BigDecimal::new).injectNull(0.1);
    return Combinators.combine(Arbitraries.of(Comparator.class).injectNull(0.1), values)
        .as(Expectation::new).injectNull(0.1);
  }

  /** A comparison, a set or a range, any of them broken. */
  private static Arbitrary<NumberExpectation> numberExpectation() {
    Arbitrary<BigDecimal> values = Arbitraries.of("0", "200", "-1", "255.5", "599", "600", "1E+999999999")
        .map(BigDecimal::new);
    return Arbitraries.<NumberExpectation>oneOf(
        expectation(),
        values.list().ofMaxSize(3).map(NumberExpectation.OneOf::new),
        Combinators.combine(values.injectNull(0.1), values.injectNull(0.1)).as(NumberExpectation.Between::new))
        .injectNull(0.05);
  }

  private static Arbitrary<JsonExpectation> json() {
    return Combinators.combine(Arbitraries.of("$.a", "$[", "$..x[?(@.a == 1)]", "${host}").injectNull(0.1),
        optional(Arbitraries.integers().between(-2, 3)),
        optional(Arbitraries.of("4", "[1, \"a\"]", "{not json", "${port}"))).as(JsonExpectation::new);
  }

  private static Arbitrary<String> method() {
    return Arbitraries.of("GET", "get", "BREW").injectNull(0.1);
  }

  private static Arbitrary<List<Header>> headers() {
    return Combinators.combine(text(), text()).as(Header::new).list().ofMaxSize(2);
  }

  private static Arbitrary<Action> action() {
    return Arbitraries.<Action>oneOf(
        Combinators.combine(text(), optionalDuration(), optional(numberExpectation()), span()).as(Action.Run::new),
        Combinators.combine(method(), text(), headers(), optional(text()), optional(numberExpectation()),
            optionalDuration(), span()).as(Action.Http::new),
        Combinators.combine(text(), span()).as(Action.Manual::new),
        Combinators.combine(duration(), span()).as(Action.Wait::new));
  }

  private static Arbitrary<Probe> probe() {
    return Arbitraries.<Probe>oneOf(
        Combinators.combine(method(), text(), headers(), optional(text()), optional(numberExpectation()),
            optional(text()), optional(Arbitraries.of("a+", "(", "${host}")), optional(json())).as(Probe.Http::new),
        Combinators.combine(text(), numberExpectation(), optional(text()), optional(Arbitraries.of("a+", "(")),
            optional(json())).as(Probe.Command::new),
        Combinators.combine(text(), optional(text()), expectation()).as(Probe.PrometheusQuery::new),
        Combinators.combine(text(), optional(text())).as(Probe.PrometheusAlert::new),
        Combinators.combine(text(), text()).as(Probe.Log::new),
        text().map(Probe.Manual::new)).injectNull(0.05);
  }

  private static Arbitrary<Polling> polling() {
    return Combinators.combine(duration(), duration(), optionalDuration()).as(Polling::new).injectNull(0.05);
  }

  private static Arbitrary<Phase.RecoveryStep> step() {
    Arbitrary<Optional<Phase.Verification>> verify = optional(
        Combinators.combine(probe(), polling(), optionalDuration(), span()).as(Phase.Verification::new));
    return Combinators.combine(name(), text(), optional(name()), optionalDuration(), name().filter(n -> n != null)
        .list().ofMaxSize(3), action().list().ofMaxSize(2), verify, span()).as(Phase.RecoveryStep::new);
  }

  private static Arbitrary<Phase> phase() {
    Arbitrary<CommsDuty> duty = Arbitraries.<CommsDuty>oneOf(
        Combinators.combine(text(), duration(), name(), span()).as(CommsDuty.Update::new),
        Combinators.combine(text(), duration(), name(), span()).as(CommsDuty.Notify::new));
    return Arbitraries.<Phase>oneOf(
        Combinators.combine(Combinators.combine(name(), text(), probe(), polling(), span()).as(Phase.Check::new)
            .list().ofMaxSize(3), span()).as(Phase.Steady::new),
        Combinators.combine(name(), text(), action().list().ofMaxSize(2), action().list().ofMaxSize(2), span())
            .as(Phase.InjectStep::new).list().ofMaxSize(2).map(Phase.Inject::new),
        Combinators.combine(Arbitraries.of(Phase.DetectMode.class).injectNull(0.1), duration(),
            Combinators.combine(name(), text(), probe(), polling(), span()).as(Phase.Signal::new).list().ofMaxSize(3),
            span()).as(Phase.Detect::new),
        Combinators.combine(optionalDuration(), step().list().ofMaxSize(4), span()).as(Phase.Recover::new),
        Combinators.combine(duty.list().ofMaxSize(2), span()).as(Phase.Comms::new),
        Combinators.combine(Combinators.combine(probe(), polling(), span()).as(Phase.AbortCondition::new)
            .list().ofMaxSize(2), span()).as(Phase.Abort::new),
        Combinators.combine(text().filter(t -> t != null).list().ofMaxSize(2), span()).as(Phase.Debrief::new));
  }
}
