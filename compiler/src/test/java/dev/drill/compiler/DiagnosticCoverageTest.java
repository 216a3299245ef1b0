package dev.drill.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.diagnostic.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every diagnostic code is triggered by the bad corpus and documented in docs/diagnostics.md. */
class DiagnosticCoverageTest {

  private static final Path DOC = Path.of("../docs/diagnostics.md");

  /**
   * Codes no .drill file can trigger: a file over 32 MiB does not belong in git, guide
   * findings need a guide, freshness findings need run results. Java tests trigger them
   * and assert their position (RobustnessTest, GuideCheckerTest, PracticeFreshnessTest, and
   * the samples' GuideMutationTest); each must at least be named in a test here.
   */
  @Test
  void everyCodeIsTriggeredByTheBadCorpusOrAJavaTest() throws IOException {
    Set<String> triggered = new TreeSet<>();
    for (Path file : CorpusTest.drills(CorpusTest.BAD).collect(Collectors.toList())) {
      CorpusTest.expectations(file).forEach(e -> triggered.add(e.substring(0, 4)));
    }
    // The library's cases, several files each (LibraryCorpusTest asserts file, line and column).
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/testdata/library/bad"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".drill")).collect(Collectors.toList())) {
        CorpusTest.expectations(file).forEach(e -> triggered.add(e.substring(0, 4)));
      }
    }
    String javaTests;
    // drill import ctk's and export ctk's codes (D9xx) are found in experiments: the ctk module tests them.
    try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/test/java")),
        Files.walk(Path.of("../ctk/src/test/java")))) {
      javaTests = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("DiagnosticCoverageTest.java"))
          .map(DiagnosticCoverageTest::read).collect(Collectors.joining("\n"));
    }
    for (String code : allCodes()) {
      if (!triggered.contains(code) && Pattern.compile("\\b" + code + "\\b").matcher(javaTests).find()) {
        triggered.add(code);
      }
    }
    assertEquals(allCodes(), triggered, "codes expected by testdata/bad/*.drill, testdata/library/bad/ or asserted in a Java test");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void everyCodeIsDocumented() throws IOException {
    Set<String> documented = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^##+ (D\\d{3})\\b").matcher(Files.readString(DOC));
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertEquals(allCodes(), documented, "codes with a heading in docs/diagnostics.md");
  }

  private static Set<String> allCodes() {
    return Arrays.stream(Code.values()).map(Code::name).collect(Collectors.toCollection(TreeSet::new));
  }
}
