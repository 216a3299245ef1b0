package dev.drill.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** An excerpt shows the lines it kept as the whole file shows them; two excerpts join to both. */
class SourceFileProperties {

  @Property(tries = 1000)
  void anExcerptShowsTheLinesItKeptAsTheFileDoes(
      @ForAll @StringLength(max = 60) @Chars({'a', ' ', '\n', '\r', '\u00e9'}) String text,
      @ForAll @Size(max = 5) Set<@IntRange(min = 1, max = 12) Integer> kept) {
    SourceFile file = new SourceFile("f.drill", text);
    SourceFile excerpt = file.excerpt(kept);
    for (int line = 1; line <= 14; line++) {
      assertEquals(kept.contains(line) ? file.line(line) : "", excerpt.line(line), "line " + line);
    }
  }

  @Property(tries = 1000)
  void twoExcerptsJoinToTheLinesOfBoth(
      @ForAll @StringLength(max = 60) @Chars({'a', ' ', '\n', '\r', '\u00e9'}) String text,
      @ForAll @Size(max = 4) Set<@IntRange(min = 1, max = 12) Integer> some,
      @ForAll @Size(max = 4) Set<@IntRange(min = 1, max = 12) Integer> others) {
    SourceFile file = new SourceFile("f.drill", text);
    SourceFile joined = file.excerpt(some).union(file.excerpt(others));
    for (int line = 1; line <= 14; line++) {
      assertEquals(some.contains(line) || others.contains(line) ? file.line(line) : "", joined.line(line), "line " + line);
    }
    assertEquals("f.drill", joined.path());
  }
}
