package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.PlanFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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

  private static String fingerprint(String path, String text) {
    return PlanFingerprint.of(DrillCompiler.compile(new SourceFile(path, text)).plan().orElseThrow());
  }
}
