package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.guide.GuideDocument.Position;
import dev.drill.compiler.guide.GuideLayout.Breakage;
import dev.drill.compiler.guide.GuideLayout.BrokenPart;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One reading of a guide's layout, and how the check pairs its markers (the update's pairing: LineLayoutTest). */
class GuideLayoutTest {

  private static final String GUIDE = String.join("\n",
      "<!-- drill:guide d sha256:1 -->",          // 1
      "# D",                                       // 2
      "<!-- drill:begin procedure -->",            // 3
      "Steps below.",                              // 4
      "### 1. Restart <!-- drill:step restart a1 -->", // 5
      "<!-- drill:begin step restart -->",         // 6
      "```sh",                                     // 7
      "restart it",                                // 8
      "```",                                       // 9
      "<!-- drill:end step restart -->",           // 10
      "### 2. Replay",                             // 11
      "<!-- drill:begin step replay -->",          // 12
      "**Verify** <!-- drill:verify replay b2 --> `probe`", // 13
      "## Rollback",                               // 14
      "<!-- drill:end rollback -->",               // 15
      "");

  @Test
  void markersStepHeadingsAndCodeSpansAreReadOnce() {
    GuideLayout layout = GuideLayout.read(GUIDE);
    assertEquals(new Position(1, 1), layout.guideMarker().orElseThrow().position());
    assertEquals(List.of("restart"), layout.stepHeadings().stream().map(GuideLayout.StepHeading::id).toList());
    GuideDocument.MarkerItem verify = layout.markers(MarkerKind.VERIFY).get(0);
    assertEquals(List.of("probe"), layout.codeSpansIn(verify.block().orElseThrow()).stream()
        .map(GuideDocument.CodeSpanItem::code).toList());
  }

  /** The restart part opens inside the unclosed procedure and closes it; the replay part never closes. */
  @Test
  void theCheckPairsMarkersStrictlyAndSaysWhatIsBroken() {
    GuideLayout layout = GuideLayout.read(GUIDE);
    assertEquals(List.of(
            new BrokenPart(Breakage.NESTED, "step restart", Optional.of("procedure"), new Position(6, 1)),
            new BrokenPart(Breakage.END_WITHOUT_BEGIN, "rollback", Optional.of("step replay"), new Position(15, 1)),
            new BrokenPart(Breakage.UNCLOSED, "step replay", Optional.empty(), new Position(12, 1))),
        layout.broken());
    assertEquals(List.of("procedure", "step restart", "step replay"), List.copyOf(layout.parts().keySet()));
    assertEquals(new Position(3, 1), layout.partBegin("procedure"));
    assertEquals(new Position(1, 1), layout.partBegin("symptoms"));
  }

  @Test
  void everyKindOfMarkerIsNamedByItsWord() {
    for (MarkerKind kind : MarkerKind.values()) {
      assertEquals(kind, MarkerKind.of(kind.keyword()), kind.toString());
    }
    assertEquals(MarkerKind.OTHER, MarkerKind.of("note"));
    assertEquals(List.of("step 'a'", "the verification of step 'a'", "signal 'a'", "check 'a'"),
        Arrays.stream(new MarkerKind[] {MarkerKind.STEP, MarkerKind.VERIFY, MarkerKind.SIGNAL, MarkerKind.CHECK})
            .map(k -> k.part("a")).toList());
  }
}
