package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written whitespace folding and comparing of commands and probes is its specification, the regex. */
class CommandTextProperties {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private static String bySpecification(String text) {
    return WHITESPACE.matcher(text.replace('\u0000', '\uFFFD').strip()).replaceAll(" ");
  }

  @Provide
  Arbitrary<String> command() {
    return Arbitraries.strings()
        .withChars(' ', '\t', '\n', '\r', '\u000B', '\f', '\u0000', '\u00A0', '\u2003', '\u001C', '\u3000', 'a', 'b', '-', '\uFFFD')
        .ofMaxLength(30);
  }

  @Property(tries = 3000)
  void foldsWhitespaceAsTheRegexDoes(@ForAll("command") String text) {
    assertEquals(bySpecification(text), CommandText.normalize(text));
  }

  @Property(tries = 3000)
  void comparesAsTheRegexFoldsBoth(@ForAll("command") String a, @ForAll("command") String b) {
    assertEquals(bySpecification(a).equals(bySpecification(b)), CommandText.same(a, b), a + " | " + b);
    assertTrue(CommandText.same(a, a.replace(' ', '\n') + " "));
  }
}
