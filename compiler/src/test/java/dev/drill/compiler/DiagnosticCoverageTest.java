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
import org.junit.jupiter.api.Test;

/** Every diagnostic code is triggered by the bad corpus and documented in docs/diagnostics.md. */
class DiagnosticCoverageTest {

  private static final Path DOC = Path.of("../docs/diagnostics.md");

  /** A file over 32 MiB does not belong in git: RobustnessTest makes one and checks D011 at 1:1. */
  private static final Set<String> TESTED_IN_JAVA = Set.of("D011");

  @Test
  void everyCodeIsTriggeredByTheBadCorpus() throws IOException {
    Set<String> triggered = new TreeSet<>(TESTED_IN_JAVA);
    for (Path file : CorpusTest.drills(CorpusTest.BAD).collect(Collectors.toList())) {
      CorpusTest.expectations(file).forEach(e -> triggered.add(e.substring(0, 4)));
    }
    assertEquals(allCodes(), triggered, "codes expected by testdata/bad/*.drill");
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
