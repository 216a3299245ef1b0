package dev.drill.compiler.check.output;

import dev.drill.compiler.Golden;
import dev.drill.compiler.check.CheckFindings;
import dev.drill.compiler.check.SampleFindings;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format, byte for byte, on findings of every kind of entry (drills, a file of
 * templates, the run results) with text that breaks naive escaping, with and without
 * {@code --strict}. The formats' own tests say what each field means; these pin the bytes a
 * CI server or a script reads.
 */
class OutputGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/check-output");

  private static final CheckFindings EVERY_KIND = everyKind();

  private static CheckFindings everyKind() {
    List<CheckFindings.Entry> entries = new ArrayList<>(SampleFindings.MIXED.entries());
    Diagnostic built = Diagnostic.of(Code.D402, new SourceSpan("lib/common.drill", 4, 5, 4, 9),
            "param 'zone' is never used", "remove it, or use it as ${zone}")
        .withOrigin(new SourceSpan("drills/storage.drill", 2, 1, 2, 30), "built into drill 'storage'");
    entries.add(CheckFindings.Entry.templates("common", "lib/common.drill", List.of(built)));
    entries.add(CheckFindings.Entry.runResults("results", List.of(Diagnostic.of(Code.D705,
        SourceSpan.at("results/storage-2026-11-27.json", 1, 1), "not a run result: " + SampleFindings.NASTY))));
    return new CheckFindings(entries);
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void formatIsByteForByteAsCommitted(OutputFormat format) {
    for (boolean strict : new boolean[] {false, true}) {
      String name = "every-kind" + (strict ? ".strict." : ".") + format.id();
      Golden.assertMatches(GOLDEN.resolve(name), format.render(EVERY_KIND, SampleFindings.SOURCES, strict));
    }
  }
}
