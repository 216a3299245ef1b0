package dev.drill.ctk.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;

/** The laws the importer's names and literals keep, whatever text an experiment holds. */
class NamesAndTextProperties {

  @Property
  void aNameIsKebabCaseShortAndStable(@ForAll String text) {
    Optional<String> name = Ids.kebab(text);
    name.ifPresent(n -> {
      assertTrue(n.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), n);
      assertTrue(n.length() <= 60, n);
      assertEquals(name, Ids.kebab(n), "kebab-case of a kebab-case name is the name");
    });
  }

  @Property
  void aCtkKeyOfADrillNameIsThatNameAgain(@ForAll("kebab") String name) {
    assertEquals(Optional.of(name), Ids.kebab(name.replace('-', '_')));
  }

  @Provide
  Arbitrary<String> kebab() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8).list().ofMinSize(1).ofMaxSize(4)
        .map(words -> String.join("-", words));
  }

  @Property(tries = 300)
  void aQuotedStringReadsBackAsTheSameText(@ForAll("text") String text) {
    CompileResult compiled = DrillCompiler.compile(new SourceFile("x.drill",
        "drill x {\n  title \"t\"\n  owner \"o\"\n  kind ics\n  param p = " + DrillText.quoted(text)
            + "\n  inject i { manual \"${p}\" }\n}\n"));
    assertTrue(compiled.plan().isPresent(), compiled.diagnostics() + " for " + DrillText.quoted(text));
    assertEquals(Optional.of(text), compiled.plan().get().params().get(0).defaultValue());
  }

  /** Half a surrogate pair alone is no character: the drill is written with it escaped, and refused where it is. */
  @Property(tries = 100)
  void halfASurrogatePairIsRefusedAtItsEscape(@ForAll("text") String before,
      @ForAll @CharRange(from = '\ud800', to = '\udfff') char half) {
    String quoted = DrillText.quoted(before + half + "x");
    CompileResult compiled = DrillCompiler.compile(new SourceFile("x.drill",
        "drill x {\n  title \"t\"\n  owner \"o\"\n  kind ics\n  param p = " + quoted
            + "\n  inject i { manual \"${p}\" }\n}\n"));
    assertTrue(compiled.plan().isEmpty());
    assertEquals(Code.D004, compiled.diagnostics().get(0).code());
    assertEquals(5, compiled.diagnostics().get(0).span().line());
    int escape = quoted.indexOf(String.format("\\u%04x", (int) half));
    assertEquals(quoted.codePointCount(0, escape) + "  param p = ".length() + 1,
        compiled.diagnostics().get(0).span().column());
  }

  @Provide
  Arbitrary<String> text() {
    // Any text but NUL, which drill refuses in every form (D013), and half a surrogate pair alone
    // (D004, above); '-' first needs a pattern (D406).
    return Arbitraries.strings().all().filter(s -> s.indexOf('\0') < 0 && !s.startsWith("-"))
        .filter(s -> s.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xffff));
  }

  @Property(tries = 300)
  void withNoKnownNameCtkSubstitutionOnlyUndoublesDollars(@ForAll("text") String text) {
    List<Templates.Part> parts = Templates.parts(text, Map.of(), true);
    assertEquals(text.replace("$$", "$"), Templates.literalText(parts));
  }
}
