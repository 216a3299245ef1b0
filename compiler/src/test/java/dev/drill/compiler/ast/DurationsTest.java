package dev.drill.compiler.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "90s, PT1M30S",
    "1h30m, PT1H30M",
    "5ms, PT0.005S",
    "1m5ms, PT1M0.005S",
    "14d, PT336H",
    "2w, PT336H",
    "0s, PT0S",
    "007m, PT7M",
  })
  void readsNumberUnitPairs(String literal, String expected) {
    assertEquals(Optional.of(Duration.parse(expected)), Durations.parse(literal));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "m", "5x", "5 m", "-5m", "5m3", "99999999999999999999s", "9223372036854775807d"})
  void refusesAnythingElse(String literal) {
    assertEquals(Optional.empty(), Durations.parse(literal));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1m30s", "1h30m", "500ms", "14d", "21d"})
  void formatsBackToTheShortestLiteral(String literal) {
    assertEquals(literal, Durations.format(Durations.parse(literal).orElseThrow()));
  }
}
