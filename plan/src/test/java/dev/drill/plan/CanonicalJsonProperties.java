package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * Fingerprints in users' guides and run results must not move: the hand-written encoder writes
 * every plan and part byte for byte as jackson-core's generator did ({@link GeneratorCanonicalJson}),
 * whatever text and numbers the plan holds. The plan file's encoder ({@link RecordJson}) is
 * held to databind's writer on the same values.
 */
class CanonicalJsonProperties {

  private static final SourceSpan SPAN = SourceSpan.at("x.drill", 1, 1);
  private static final String HOSTILE = "\u0000\u0001\u001f\b\t\n\f\r\"\\/'\u007f\u0080\u00e9\u07ff\u0800"
      + "\u2028\u2029\ufeff\uffff\ud800\udbff\udc00\udfff aZ9{}[]:,$";

  @Property(tries = 500)
  void aPlanIsEncodedAsTheGeneratorEncodedIt(@ForAll("plans") Plan plan, @ForAll("texts") String title,
      @ForAll("texts") String summary, @ForAll @Size(max = 3) List<@net.jqwik.api.From("texts") String> texts,
      @ForAll DrillKind kind, @ForAll("decimals") BigDecimal decimal, @ForAll int count) throws IOException {
    List<Phase> phases = new ArrayList<>(plan.phases());
    phases.add(new Phase.Debrief(texts, SPAN));
    phases.add(new Phase.Inject(List.of(new Phase.InjectStep(title, summary, plan.setup(), List.of(), true, SPAN))));
    phases.add(new Phase.Steady(List.of(new Phase.Check(title, summary,
        new Probe.Http(summary, title, texts.stream().map(t -> new Header(t, title)).toList(), Optional.of(summary),
            Optional.of(new NumberExpectation.Between(decimal, decimal.negate())), Optional.of(title),
            Optional.empty(), Optional.of(new JsonExpectation(summary, Optional.of(count), Optional.of(title)))),
        new Polling(Duration.ofSeconds(5), Duration.ofMillis(count & 0xffff), Optional.empty()), SPAN)), SPAN));
    Plan hostile = new Plan(plan.planVersion(), title, title, Optional.of(summary), summary, kind, texts, title,
        plan.timebox(), plan.cadence(), plan.rerun(), summary, SPAN, Optional.of(title),
        Optional.of(new Plan.Origin(List.of(new Plan.Instantiation(title, SPAN)), texts)), plan.roles(),
        plan.params(), plan.secrets(), plan.setup(), plan.teardown(), phases, summary);
    assertSame(plan);
    assertSame(hostile);
    for (Phase phase : phases) {
      assertSame(phase);
    }
  }

  @Property(tries = 2000)
  void anyTextIsEncodedAsTheGeneratorEncodedIt(@ForAll("texts") String text) throws IOException {
    assertSame(new Probe.Manual(text));
  }

  @Property(tries = 1000)
  void anyNumberIsEncodedAsTheGeneratorEncodedIt(@ForAll("decimals") BigDecimal decimal, @ForAll int count)
      throws IOException {
    assertSame(new NumberExpectation.OneOf(List.of(decimal, BigDecimal.valueOf(count))));
    assertSame(new JsonExpectation("$", Optional.of(count), Optional.empty()));
    assertSame(new JsonExpectation("$", Optional.of(Integer.MIN_VALUE), Optional.of("")));
    assertSame(new Expectation(Comparator.GE, decimal));
  }

  @Property(tries = 1000)
  void anyDurationIsEncodedAsTheGeneratorEncodedIt(@ForAll("durations") Duration duration) throws IOException {
    Statistics.label("form").collect(duration.isNegative() || duration.getNano() != 0 ? "toString" : "whole seconds");
    assertSame(new Action.Wait(duration, SPAN));
    Statistics.label("form").coverage(form -> {
      form.check("toString").percentage(p -> p > 10);
      form.check("whole seconds").percentage(p -> p > 10);
    });
  }

  /** Past the encoder's buffer and its per-segment room checks, in one string and across many. */
  @Example
  void longTextAndLongNumbersToo() throws IOException {
    StringBuilder text = new StringBuilder();
    while (text.length() < 40_000) {
      text.append(HOSTILE).append("\ud83d\ude00").append("plain words ".repeat(text.length() % 97));
    }
    assertSame(new Probe.Manual(text.toString()));
    assertSame(new Phase.Debrief(java.util.Collections.nCopies(500, text.substring(0, 333)), SPAN));
    assertSame(new Expectation(Comparator.EQ, new BigDecimal(BigInteger.TEN.pow(20_000), -7)));
    assertSame(new Expectation(Comparator.EQ, new BigDecimal("1E+999999999")));
  }

  /** Both forms of a value: the hashed one, and the plan file's ({@link RecordJson}) against databind's writer. */
  private static void assertSame(Object value) throws IOException {
    byte[] expected = GeneratorCanonicalJson.write(value);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CanonicalJson.write(value, out);
    assertArrayEquals(expected, out.toByteArray(), () -> new String(expected, java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(expected.length > 0);
    assertEquals(PlanJson.writer().writeValueAsString(value), RecordJson.text(value));
  }

  @Provide
  Arbitrary<Plan> plans() {
    return new PlanValidatorProperties().plans();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(HOSTILE).ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(30),
        Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT).map(Character::toString)
            .list().ofMaxSize(4).map(points -> String.join("x", points)),
        Arbitraries.strings().withChars(HOSTILE).ofMinLength(1000).ofMaxLength(9000));
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 400L * 86_400).map(Duration::ofSeconds),
        Arbitraries.longs().map(Duration::ofSeconds),
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 999_999_999))
            .as(Duration::ofSeconds),
        Arbitraries.of(Duration.ZERO, Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MIN_VALUE),
            Duration.ofSeconds(3600), Duration.ofSeconds(60), Duration.ofSeconds(3661), Duration.ofMillis(-1)));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.oneOf(
        Combinators.combine(
            Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30)),
            Arbitraries.integers().between(-40, 40)).as(BigDecimal::new),
        Arbitraries.of("0", "-0", "0.0", "1.50", "1E+3", "1e-7", "0.000001", "-1", "255.5", "1E+999999999")
            .map(BigDecimal::new));
  }
}
