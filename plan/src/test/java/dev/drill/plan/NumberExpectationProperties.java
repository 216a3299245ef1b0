package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of sets and ranges of statuses and exits. */
class NumberExpectationProperties {

  /** A range holds for exactly the numbers of the set of every whole number from its low end to its high end. */
  @Property
  void aRangeOfWholeNumbersIsTheSetOfThem(@ForAll @IntRange(min = 0, max = 255) int low,
      @ForAll @IntRange(min = 0, max = 40) int width, @ForAll @IntRange(min = -5, max = 300) int actual) {
    NumberExpectation range = new NumberExpectation.Between(BigDecimal.valueOf(low), BigDecimal.valueOf(low + width));
    NumberExpectation set = new NumberExpectation.OneOf(
        IntStream.rangeClosed(low, low + width).mapToObj(BigDecimal::valueOf).toList());
    assertEquals(set.holds(BigDecimal.valueOf(actual)), range.holds(BigDecimal.valueOf(actual)));
  }

  @Provide
  Arbitrary<NumberExpectation> expectations() {
    Arbitrary<BigDecimal> numbers = Arbitraries.of("0", "200", "1.50", "-3", "599", "1E+3", "123456789012345678901234567890")
        .map(BigDecimal::new);
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(Comparator.class), numbers).as(Expectation::new),
        numbers.list().ofMinSize(1).ofMaxSize(5).map(NumberExpectation.OneOf::new),
        Combinators.combine(numbers, numbers).as(NumberExpectation.Between::new));
  }

  /** Whatever the kind and the numbers, a plan reads back as it was written, bytes and fingerprint included. */
  @Property
  void aPlanReadsBackAsWritten(@ForAll("expectations") NumberExpectation status,
      @ForAll("expectations") NumberExpectation exit) throws PlanFormatException {
    Plan plan = ExpectationsPlanTest.plan(
        new Probe.Command("check", exit, Optional.empty()),
        new Action.Http("GET", "http://h/", List.of(), Optional.empty(), Optional.of(status), SourceSpan.at("p.drill", 1, 1)));
    String json = PlanJson.write(plan);
    Plan read = PlanJson.read(json);
    assertEquals(plan, read);
    assertEquals(json, PlanJson.write(read));
    assertEquals(PlanFingerprint.of(plan), PlanFingerprint.of(read));
  }
}
