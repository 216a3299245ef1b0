package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.drill.plan.Interpolation.Literal;
import dev.drill.plan.Interpolation.Part;
import dev.drill.plan.Interpolation.Reference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterpolationTest {

  @Test
  void splitsLiteralsAndReferences() {
    assertEquals(
        List.of(new Literal("http://"), new Reference("host"), new Literal(":"), new Reference("port"),
            new Literal("/health")),
        Interpolation.parse("http://${host}:${port}/health"));
    assertEquals(List.of(new Reference("a"), new Reference("b")), Interpolation.parse("${a}${b}"));
    assertEquals(List.of(), Interpolation.parse(""));
    assertEquals(List.of(new Literal("plain $ text {}")), Interpolation.parse("plain $ text {}"));
  }

  @Test
  void unclosedReferencesAreLiteralAndReadInLinearTime() {
    assertEquals(List.of(new Reference("a ${b")), Interpolation.parse("${a ${b}"));
    String unclosed = "${".repeat(1_000_000);
    List<Part> parts = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Interpolation.parse(unclosed));
    assertEquals(List.of(new Literal(unclosed)), parts);
  }

  @Test
  void doubleDollarIsALiteralDollar() {
    assertEquals(List.of(new Literal("echo ${HOME}")), Interpolation.parse("echo $${HOME}"));
    assertEquals(List.of(new Literal("${x} is "), new Reference("x")), Interpolation.parse("$${x} is ${x}"));
    assertEquals(List.of(new Literal("echo $HOME $1")), Interpolation.parse("echo $HOME $1"));
    assertEquals(List.of(new Literal("cost: $"), new Reference("x")), Interpolation.parse("cost: $$${x}"));
  }

  @Test
  void aLiteralDollarBeforeAReferenceIsEscaped() {
    List<Part> parts = List.of(new Literal("price $"), new Reference("amount"));
    assertEquals("price $$${amount}", Interpolation.format(parts));
    assertEquals(parts, Interpolation.parse(Interpolation.format(parts)));
    assertEquals("echo $HOME", Interpolation.escape("echo $HOME"), "a lone $ is written as it is");
  }

  @Test
  void unclosedReferenceIsLiteral() {
    assertEquals(List.of(new Literal("${host")), Interpolation.parse("${host"));
    assertEquals(List.of(new Literal("a "), new Reference("b"), new Literal(" ${c")),
        Interpolation.parse("a ${b} ${c"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "${x}", "$${x}", "a ${b} c", "${", "$", "cost: $5", "x$", "$$", "$${", "}${"})
  void escapeRoundTrips(String literal) {
    assertEquals(List.of(new Literal(literal)), Interpolation.parse(Interpolation.escape(literal)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://${host}:${port}/x", "echo $${HOME} ${user}", "${a}${b}", "a ${b", "$${"})
  void renderingThePartsGivesTheSameParts(String template) {
    List<Part> parts = Interpolation.parse(template);
    assertEquals(parts, Interpolation.parse(render(parts)));
  }

  private static String render(List<Part> parts) {
    return Interpolation.format(parts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "x$", "$$", "a $ b", "${"})
  void formatRoundTripsALiteralBeforeAReference(String literal) {
    List<Part> parts = List.of(new Literal(literal), new Reference("r"));
    assertEquals(parts, Interpolation.parse(Interpolation.format(parts)));
  }
}
