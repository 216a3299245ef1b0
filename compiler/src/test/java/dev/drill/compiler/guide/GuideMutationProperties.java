package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any structural mutation of a generated guide fails the check. */
class GuideMutationProperties {

  private static final Pattern STEP = Pattern.compile("(?m)^### .*<!-- drill:step \\S+ \\S+ -->$");
  private static final Pattern COMMAND = Pattern.compile("(?m)^(`{3,})(sh|http)\\n");
  private static final Pattern SIGNAL = Pattern.compile("(?m)^- .*<!-- drill:signal \\S+ \\S+ -->.*\\n");

  @Provide
  Arbitrary<String> drills() {
    return GeneratedDrills.drills();
  }

  @Provide
  Arbitrary<Integer> mutations() {
    return Arbitraries.integers().between(0, 5);
  }

  @Property(tries = 400)
  void aStructuralMutationIsAlwaysFound(@ForAll("drills") String drill, @ForAll("mutations") int kind)
      throws GuideException {
    Plan plan = DrillCompiler.compile("g.drill", drill.getBytes(StandardCharsets.UTF_8)).plan().orElseThrow();
    String guide = GuideRenderer.builtIn().render(plan);
    String mutated = mutate(guide, kind);
    if (mutated.equals(guide)) {
      return; // this guide has nothing of that kind (e.g. no command to change)
    }
    assertFalse(GuideChecker.check(plan, new SourceFile("g.md", mutated)).isEmpty(),
        "mutation " + kind + " was not reported:\n" + mutated);
  }

  private static String mutate(String guide, int kind) {
    List<int[]> steps = sections(guide);
    switch (kind) {
      case 0: { // delete the last step section
        if (steps.isEmpty()) return guide;
        int[] last = steps.get(steps.size() - 1);
        return guide.substring(0, last[0]) + guide.substring(last[1]);
      }
      case 1: { // swap the first two step sections
        if (steps.size() < 2) return guide;
        int[] a = steps.get(0);
        int[] b = steps.get(1);
        return guide.substring(0, a[0]) + guide.substring(b[0], b[1]) + guide.substring(a[0], a[1]) + guide.substring(b[1]);
      }
      case 2: { // change the first command of a step
        int procedure = guide.indexOf("<!-- drill:end procedure -->");
        Matcher m = COMMAND.matcher(guide);
        if (procedure < 0 || !m.find(procedure)) return guide;
        return guide.substring(0, m.end()) + "sudo " + guide.substring(m.end());
      }
      case 3: { // delete a documented signal
        Matcher m = SIGNAL.matcher(guide);
        if (!m.find()) return guide;
        return guide.substring(0, m.start()) + guide.substring(m.end());
      }
      case 4: { // a section for a step the drill does not have
        int end = guide.indexOf("\n## Verification");
        int at = end > 0 ? end : guide.indexOf("\n## Rollback");
        return guide.substring(0, at) + "\n### 99. Restore from tape <!-- drill:step restore-from-tape 0badc0de -->\n"
            + guide.substring(at);
      }
      default: { // a stale fingerprint
        return guide.replaceFirst("sha256:[0-9a-f]{16}", "sha256:0000000000000000");
      }
    }
  }

  private static List<int[]> sections(String guide) {
    List<int[]> sections = new ArrayList<>();
    Matcher m = STEP.matcher(guide);
    while (m.find()) {
      int end = guide.indexOf("\n#", m.end());
      sections.add(new int[] {m.start(), end < 0 ? guide.length() : end + 1});
    }
    return sections;
  }
}
