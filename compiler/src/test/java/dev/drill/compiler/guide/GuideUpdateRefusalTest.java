package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.drill.compiler.Golden;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.DrillFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guides drill guide --update refuses: each damage a team can do that leaves a doubt
 * where a generated part starts or ends. The refusal is a located finding (golden files
 * under testdata/guide-update/, code, line and column asserted too), and the guide file is
 * left byte for byte as it was.
 */
class GuideUpdateRefusalTest {

  private static final Path GOLDEN = Path.of("src/test/resources/testdata/guide-update");
  private static final String NOTE = "Our own note: page the exchange liaison first.\n";

  /** A damage, and the finding it must get: its code, line and column. */
  private record Damage(String name, String expected, UnaryOperator<String> damage) {}

  private static final List<Damage> DAMAGES = List.of(
      new Damage("second-begin", "D610 86:1",
          g -> g.replace("### 3. Replay", "<!-- drill:begin step restart -->\n\n### 3. Replay")),
      new Damage("end-without-begin", "D610 31:1", g -> g.replace("<!-- drill:begin symptoms -->\n", "")),
      new Damage("end-marker-cut-short", "D610 84:1",
          g -> g.replace("<!-- drill:end step restart -->", "<!-- drill:end step rest")),
      new Damage("heading-inside-a-part", "D610 35:1",
          g -> g.replace("<!-- drill:end symptoms -->\n", "").replace("<!-- drill:begin roles -->",
              "<!-- drill:end symptoms -->\n<!-- drill:begin roles -->")),
      new Damage("marker-in-a-code-block", "D610 100:1",
          g -> g.replace("## Verification\n", "## Verification\n\n```\n<!-- drill:end step replay -->\n```\n")),
      new Damage("another-drills-guide", "D602 1:1",
          g -> g.replace("drill:guide matching-engine-crash", "drill:guide db-failover")),
      new Damage("two-sections-for-a-step", "D605 97:1",
          g -> g.replace("## Verification", "### 9. Restart again <!-- drill:step restart 00000000 -->\n\n## Verification")
              .replace("<!-- drill:begin step restart -->", "<!-- drill:begin step restartx -->")
              .replace("<!-- drill:end step restart -->", "<!-- drill:end step restartx -->")));

  @TempDir Path dir;

  @TestFactory
  Stream<DynamicTest> aGuideThatLeavesADoubtIsRefusedAtItsLineAndLeftUntouched() {
    return DAMAGES.stream().map(d -> DynamicTest.dynamicTest(d.name(), () -> refusedAndUntouched(d)));
  }

  private void refusedAndUntouched(Damage damage) throws IOException, GuideException {
    Path project = Files.createDirectories(dir.resolve(damage.name()));
    Files.createDirectories(project.resolve(".git"));
    Path drill = project.resolve("design-example.drill");
    Files.writeString(drill, GuideUpdaterTest.DRILL.replaceFirst("(?m)^  guide .*\n", ""));
    String fresh = GuideUpdaterTest.render(GuideUpdaterTest.DRILL);
    String edited = fresh.replace("## Roles\n", NOTE + "\n## Roles\n");
    byte[] before = damage.damage().apply(edited).getBytes(StandardCharsets.UTF_8);
    Path guide = project.resolve("design-example.md");
    Files.write(guide, before);

    GuideWriter.Result result = GuideWriter.open(new GuideWriter.Options(Optional.empty(), true))
        .write(DrillFiles.find(List.of(drill)).get(0));

    GuideWriter.Refused refused = assertInstanceOf(GuideWriter.Refused.class, result.outcome(),
        () -> result.outcome().toString());
    assertArrayEquals(before, Files.readAllBytes(guide), "a refused update leaves the guide byte for byte as it was");
    GuideWriter.Finding finding = refused.finding().orElseThrow(() -> new AssertionError(refused.reason()));
    Diagnostic d = finding.diagnostic();
    assertEquals(damage.expected(), d.code() + " " + d.span().line() + ":" + d.span().column(), d.toString());
    String shown = DiagnosticRenderer.render(d, Optional.of(finding.guide())).replace(project.toString(), "PROJECT");
    Golden.assertMatches(GOLDEN.resolve(damage.name() + ".diagnostics.txt"), shown);
  }
}
