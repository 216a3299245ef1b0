package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.PlanFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@code drill fmt} is idempotent and never changes a plan. */
class FormatterProperties {

  @Property(tries = 300)
  void formattingIsIdempotentAndKeepsThePlan(@ForAll("drills") String text) {
    assertFormatsSafely("generated.drill", text);
  }

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  /**
   * Any mix of line breaks (LF, CRLF, an old Mac's lone CR), in comments, blank lines and
   * {@code """} blocks too: the drill means what it means with LF, and its formatted text ends
   * every line with the break most of its lines had, formats to itself and means the same.
   */
  @Property(tries = 300)
  void anyMixOfLineBreaksFormatsOnceAndKeepsThePlan(
      @ForAll("drills") String text, @ForAll("scripts") List<String> script, @ForAll long seed) {
    int firstLine = text.indexOf('\n') + 1;
    String lf = text.substring(0, firstLine) + "  # a comment\n\n  setup {\n    run \"\"\"\n      "
        + String.join("\n      ", script) + "\n    \"\"\"\n  }\n" + text.substring(firstLine);
    String mixed = withLineBreaks(lf, new Random(seed));
    String once = Formatter.format(new SourceFile("mixed.drill", mixed)).orElseThrow();
    assertEquals(once, Formatter.format(new SourceFile("mixed.drill", once)).orElseThrow(), "idempotent");
    String lineBreak = Formatter.lineBreak(mixed);
    assertEquals(once.replace(lineBreak, ""), once.replace("\r", "").replace("\n", ""),
        "every line ends with " + lineBreak.replace("\r", "CR").replace("\n", "LF"));
    assertEquals(fingerprint("mixed.drill", lf), fingerprint("mixed.drill", mixed), "CR and CRLF mean LF");
    assertEquals(fingerprint("mixed.drill", lf), fingerprint("mixed.drill", once), "same plan");
  }

  @Provide
  Arbitrary<List<String>> scripts() {
    return Arbitraries.strings().withChars("abc xyz-$\\").ofMaxLength(12).map(l -> "echo " + l)
        .list().ofMinSize(1).ofMaxSize(4);
  }

  /** Each line break of the text replaced by LF, CRLF or CR, each kind as likely, or one kind for all. */
  private static String withLineBreaks(String text, Random random) {
    String[] kinds = {"\n", "\r\n", "\r"};
    int all = random.nextInt(kinds.length + 1);
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        out.append(kinds[all < kinds.length ? all : random.nextInt(kinds.length)]);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void theSamplesKeepTheirLineBreaksCrlfOrCr() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("../samples"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".drill")).toList()) {
        String text = Files.readString(file);
        for (String lineBreak : List.of("\r\n", "\r")) {
          String converted = text.replace("\n", lineBreak);
          assertEquals(converted, Formatter.format(new SourceFile(file.toString(), converted)).orElseThrow(),
              file.toString());
          assertEquals(fingerprint(file.toString(), text), fingerprint(file.toString(), converted), file.toString());
        }
      }
    }
  }

  @Test
  void samplesAndCorpusFormatSafely() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Stream.concat(
        Files.walk(Path.of("src/test/resources/testdata/good")), Files.walk(Path.of("../samples")))) {
      files = walk.filter(p -> p.toString().endsWith(".drill")).sorted().toList();
    }
    assertTrue(files.size() >= 8, "found " + files);
    for (Path file : files) {
      assertFormatsSafely(file.toString(), Files.readString(file));
    }
  }

  @Test
  void theSamplesAreFormatted() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("../samples"))) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".drill")).toList()) {
        String text = Files.readString(file);
        assertEquals(text, Formatter.format(new SourceFile(file.toString(), text)).orElseThrow(), file.toString());
      }
    }
  }

  private static void assertFormatsSafely(String path, String text) {
    String once = Formatter.format(new SourceFile(path, text)).orElseThrow();
    String twice = Formatter.format(new SourceFile(path, once)).orElseThrow();
    assertEquals(once, twice, "idempotent");
    assertEquals(fingerprint(path, text), fingerprint(path, once), "same plan");
  }

  /** The plan's fingerprint; a file of templates has none, its formatted text stands for it. */
  private static String fingerprint(String path, String text) {
    CompileResult result = DrillCompiler.compile(new SourceFile(path, text));
    return result.templatesOnly() ? "templates" : PlanFingerprint.of(result.plan().orElseThrow());
  }
}
