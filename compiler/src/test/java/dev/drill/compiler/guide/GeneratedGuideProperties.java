package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A generated guide always passes the check, whatever text the drill holds; rendering is deterministic. */
class GeneratedGuideProperties {

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  @Property(tries = 500)
  void aGeneratedGuideAlwaysPassesTheCheck(@ForAll("drills") String drill) throws GuideException {
    CompileResult result = DrillCompiler.compile("generated.drill", drill.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::message).collect(Collectors.toList()), drill);
    String guide = GuideRenderer.builtIn().render(result.plan().orElseThrow());
    assertEquals(List.of(), GuideChecker.check(result.plan().get(), new SourceFile("g.md", guide)).stream()
        .map(Diagnostic::message).collect(Collectors.toList()), guide);
    assertEquals(guide, GuideRenderer.builtIn().render(result.plan().get()), "deterministic");
    assertEquals(guide, GuideUpdaterTest.merged(guide, guide).text(), "an update of a current guide changes nothing");
  }
}
