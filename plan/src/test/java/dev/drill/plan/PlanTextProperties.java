package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanText#duration} is total: any {@link Duration}, from the most negative to the
 * largest, is written as a duration literal that reads back as the duration (to the millisecond).
 * {@link PlanText#parseDuration} reads any number-unit pairs as their sum, or as nothing when
 * the sum does not fit in a Duration.
 */
class PlanTextProperties {

  private static final Pattern LITERAL = Pattern.compile("-?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  private static final BigInteger[] MILLIS_PER_UNIT = {
    BigInteger.valueOf(86_400_000), BigInteger.valueOf(3_600_000), BigInteger.valueOf(60_000),
    BigInteger.valueOf(1_000), BigInteger.ONE
  };
  private static final List<String> UNITS = List.of("ms", "s", "m", "h", "d", "w");
  private static final Map<String, Long> UNIT_MILLIS = Map.of(
      "ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L, "w", 604_800_000L);
  private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
  private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000);

  @Property(tries = 3000)
  void everyDurationIsWrittenAsTheLiteralItIs(@ForAll("durations") Duration duration) {
    assertReadsBack(duration);
  }

  @Property(tries = 3000)
  void aLiteralIsTheSumOfItsPairs(@ForAll("pairs") List<Pair> pairs) {
    StringBuilder literal = new StringBuilder();
    BigInteger millis = BigInteger.ZERO;
    for (Pair pair : pairs) {
      literal.append(pair.amount()).append(pair.unit());
      millis = millis.add(BigInteger.valueOf(pair.amount()).multiply(BigInteger.valueOf(UNIT_MILLIS.get(pair.unit()))));
    }
    BigInteger[] seconds = millis.divideAndRemainder(BigInteger.valueOf(1_000));
    Optional<Duration> expected = pairs.isEmpty() || seconds[0].bitLength() > 63
        ? Optional.empty()
        : Optional.of(Duration.ofSeconds(seconds[0].longValueExact(), seconds[1].longValueExact() * 1_000_000));
    assertEquals(expected, PlanText.parseDuration(literal.toString()), literal.toString());
  }

  record Pair(long amount, String unit) {}

  @Provide
  Arbitrary<List<Pair>> pairs() {
    Arbitrary<Long> amounts = Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000),
        Arbitraries.longs().between(0, Long.MAX_VALUE));
    return Combinators.combine(amounts, Arbitraries.of(UNITS)).as(Pair::new).list().ofMaxSize(4);
  }

  @Test
  void theExtremes() {
    List<Duration> extremes = List.of(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE),
        Duration.ofSeconds(Long.MIN_VALUE, 1), Duration.ofSeconds(Long.MAX_VALUE), Duration.ofMillis(Long.MIN_VALUE),
        Duration.ofMillis(Long.MAX_VALUE), TimeLimits.MAX_DURATION, TimeLimits.MIN_POLLING);
    extremes.forEach(PlanTextProperties::assertReadsBack);
    assertEquals("106751991167300d15h30m7s999ms", PlanText.duration(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)));
    assertEquals("-106751991167300d15h30m8s", PlanText.duration(Duration.ofSeconds(Long.MIN_VALUE)));
    assertEquals("366d", PlanText.duration(TimeLimits.MAX_DURATION));
  }

  @Provide
  Arbitrary<Duration> durations() {
    Arbitrary<Long> seconds = Arbitraries.oneOf(
        Arbitraries.longs(),
        Arbitraries.longs().between(-400L * 86_400, 400L * 86_400),
        Arbitraries.of(Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE));
    Arbitrary<Integer> nanos = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 999_999_999),
        Arbitraries.integers().between(0, 999).map(millis -> millis * 1_000_000),
        Arbitraries.of(0, 1, 999_999, 1_000_000, 999_999_999));
    return Combinators.combine(seconds, nanos).as(Duration::ofSeconds);
  }

  private static void assertReadsBack(Duration duration) {
    String text = PlanText.duration(duration);
    Matcher m = LITERAL.matcher(text);
    assertTrue(m.matches() && !text.equals("-"), "'" + text + "' is a duration literal, for " + duration);
    BigInteger millis = BigInteger.ZERO;
    for (int unit = 0; unit < MILLIS_PER_UNIT.length; unit++) {
      if (m.group(unit + 1) != null) {
        millis = millis.add(new BigInteger(m.group(unit + 1)).multiply(MILLIS_PER_UNIT[unit]));
      }
    }
    if (text.startsWith("-")) {
      millis = millis.negate();
    }
    BigInteger nanos = BigInteger.valueOf(duration.getSeconds()).multiply(BILLION).add(BigInteger.valueOf(duration.getNano()));
    // Below a millisecond is left out: toward zero, as the shortest literal of the whole milliseconds.
    assertEquals(nanos.divide(MILLION), millis, "'" + text + "' for " + duration);
    assertEquals(text.equals("0s"), nanos.divide(MILLION).signum() == 0, "only no whole millisecond is 0s: " + text);
  }
}
