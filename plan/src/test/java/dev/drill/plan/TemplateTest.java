package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.drill.plan.Template.Literal;
import dev.drill.plan.Template.Part;
import dev.drill.plan.Template.Reference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateTest {

  @Test
  void splitsLiteralsAndReferences() {
    assertEquals(
        List.of(new Literal("http://"), new Reference("host"), new Literal(":"), new Reference("port"),
            new Literal("/health")),
        Template.parse("http://${host}:${port}/health"));
    assertEquals(List.of(new Reference("a"), new Reference("b")), Template.parse("${a}${b}"));
    assertEquals(List.of(), Template.parse(""));
    assertEquals(List.of(new Literal("plain $ text {}")), Template.parse("plain $ text {}"));
  }

  @Test
  void unclosedReferencesAreLiteralAndReadInLinearTime() {
    assertEquals(List.of(new Reference("a ${b")), Template.parse("${a ${b}"));
    String unclosed = "${".repeat(1_000_000);
    List<Part> parts = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Template.parse(unclosed));
    assertEquals(List.of(new Literal(unclosed)), parts);
  }

  @Test
  void doubleDollarIsALiteralDollar() {
    assertEquals(List.of(new Literal("echo ${HOME}")), Template.parse("echo $${HOME}"));
    assertEquals(List.of(new Literal("${x} is "), new Reference("x")), Template.parse("$${x} is ${x}"));
    assertEquals(List.of(new Literal("echo $HOME $1")), Template.parse("echo $HOME $1"));
    assertEquals(List.of(new Literal("cost: $"), new Reference("x")), Template.parse("cost: $$${x}"));
  }

  @Test
  void aLiteralDollarBeforeAReferenceIsEscaped() {
    List<Part> parts = List.of(new Literal("price $"), new Reference("amount"));
    assertEquals("price $$${amount}", Template.format(parts));
    assertEquals(parts, Template.parse(Template.format(parts)));
    assertEquals("echo $HOME", Template.escape("echo $HOME"), "a lone $ is written as it is");
  }

  @Test
  void unclosedReferenceIsLiteral() {
    assertEquals(List.of(new Literal("${host")), Template.parse("${host"));
    assertEquals(List.of(new Literal("a "), new Reference("b"), new Literal(" ${c")),
        Template.parse("a ${b} ${c"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "${x}", "$${x}", "a ${b} c", "${", "$", "cost: $5", "x$", "$$", "$${", "}${"})
  void escapeRoundTrips(String literal) {
    assertEquals(List.of(new Literal(literal)), Template.parse(Template.escape(literal)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://${host}:${port}/x", "echo $${HOME} ${user}", "${a}${b}", "a ${b", "$${"})
  void renderingThePartsGivesTheSameParts(String template) {
    List<Part> parts = Template.parse(template);
    assertEquals(parts, Template.parse(render(parts)));
  }

  private static String render(List<Part> parts) {
    return Template.format(parts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"$", "x$", "$$", "a $ b", "${"})
  void formatRoundTripsALiteralBeforeAReference(String literal) {
    List<Part> parts = List.of(new Literal(literal), new Reference("r"));
    assertEquals(parts, Template.parse(Template.format(parts)));
  }
}
