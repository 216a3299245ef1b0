package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.GeneratedDrills;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.DiagnosticRenderer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * drill guide --update on guides a team edited and then damaged, as the fuzz harness damages
 * them (fuzz/GuideDamage): markers deleted, duplicated, moved with the text around them, made
 * up or cut short, headings reworded, hashes edited, lines swapped, the end of the file lost.
 * Whatever the damage: no exception; a refusal points at a line of the guide; an update keeps
 * every line of prose that stood outside the generated parts, passes the check, and is a fixed
 * point (updating it again changes nothing).
 */
class GuideUpdaterProperties {

  private static final Parser BLOCKS = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
  private static final Pattern REGION = Pattern.compile("\\s*<!-- drill:(begin|end) [^>]*-->\\s*");
  private static final String[] MADE_UP = {"<!-- drill:begin bogus -->", "<!-- drill:end procedure -->",
      "<!-- drill:begin procedure -->", "<!-- drill:step zzz 12345678 -->", "<!-- drill:end -->", "<!-- drill:",
      "<!-- drill:guide other sha256:0000000000000000 -->", "<!-- drill:signal x 00000000 -->", "```", "~~~",
      "<!-- drill:check engine-up 00000000 -->", "### 9. Made up <!-- drill:step restart 00000000 -->",
      "<!-- drill:guide matching-engine-crash sha256:0000000000000000 -->", "\t<!-- drill:end overview -->"};

  @Provide
  Arbitrary<String> drills() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(GuideUpdaterTest.DRILL)),
        net.jqwik.api.Tuple.of(2, GeneratedDrills.drills()));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Provide
  Arbitrary<Integer> changes() {
    return Arbitraries.integers().between(-1, GuideUpdaterTest.CHANGES.size() - 1);
  }

  @Property(tries = 1500)
  void aDamagedGuideIsRepairedOrRefusedNeverBroken(@ForAll("drills") String drill, @ForAll("seeds") long seed)
      throws GuideException {
    Plan plan = plan(drill);
    String fresh = GuideRenderer.builtIn().render(plan);
    String damaged = damage(fresh, new Random(seed));
    updateAndHold(plan, fresh, damaged);
  }

  /** The same, while the drill changed too (a step added, comms removed, a command changed...). */
  @Property(tries = 600)
  void aDamagedGuideOfAChangedDrill(@ForAll("changes") int change, @ForAll("seeds") long seed) throws GuideException {
    String before = GuideUpdaterTest.DRILL;
    String after = change < 0 ? before : GuideUpdaterTest.CHANGES.get(change);
    Plan plan = plan(after);
    String damaged = damage(GuideRenderer.builtIn().render(plan(before)), new Random(seed));
    updateAndHold(plan, GuideRenderer.builtIn().render(plan), damaged);
  }

  static void updateAndHold(Plan plan, String fresh, String damaged) throws GuideException {
    List<String> prose = proseOutsideParts(damaged);
    GuideUpdater.Result result;
    try {
      result = GuideUpdater.update("g.md", damaged, fresh);
    } catch (GuideException e) {
      assertTrue(e.getMessage().contains("no drill markers"), e.getMessage());
      Statistics.collect("not a guide");
      return;
    }
    if (result instanceof GuideUpdater.Refused refused) {
      Diagnostic d = refused.diagnostic();
      assertTrue(d.span().line() >= 1 && d.span().line() <= LineLayout.split(damaged).size() && d.span().column() >= 1,
          d + "\n" + damaged);
      assertTrue(d.code().name().matches("D60[25]|D610"), d.toString());
      assertTrue(!d.hints().isEmpty(), d.toString());
      assertTrue(!d.message().contains("bug in drill"), d + "\n---\n" + damaged);
      Statistics.collect("refused " + d.code() + " " + d.message().replaceAll("'[^']*'", "K").replaceAll("\\d+", "N"));
      return;
    }
    String updated = assertInstanceOf(GuideUpdater.Merged.class, result).text();
    for (String line : prose) {
      assertTrue(updated.contains(line), "lost: " + line + "\n---\n" + damaged + "\n---\n" + updated);
    }
    assertEquals("", show(GuideChecker.check(plan, new SourceFile("g.md", updated)), updated),
        damaged + "\n---\n" + updated);
    assertEquals(updated, GuideUpdaterTest.merged(updated, fresh).text(), "a second update changes nothing");
    Statistics.collect(updated.equals(damaged) ? "unchanged" : "repaired");
  }

  static Plan plan(String drill) {
    return DrillCompiler.compile("g.drill", drill.getBytes(StandardCharsets.UTF_8)).plan().orElseThrow();
  }

  // ---- what a team does to a guide ----

  /** Prose added outside the parts, then one to three kinds of damage. */
  static String damage(String guide, Random random) {
    List<String> lines = new ArrayList<>(List.of(guide.split("\n", -1)));
    int prose = 1 + random.nextInt(3);
    for (int k = 0; k < prose; k++) {
      List<Integer> outside = outside(lines);
      if (!outside.isEmpty()) {
        lines.add(outside.get(random.nextInt(outside.size())), "PROSE-" + k + " a note the team wrote");
      }
    }
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && !lines.isEmpty(); i++) {
      once(random, lines);
    }
    return String.join("\n", lines);
  }

  private static void once(Random random, List<String> lines) {
    List<Integer> markers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("<!-- drill:")) {
        markers.add(i);
      }
    }
    int any = random.nextInt(lines.size());
    int marker = markers.isEmpty() ? any : markers.get(random.nextInt(markers.size()));
    switch (random.nextInt(10)) {
      case 0 -> lines.remove(marker);
      case 1 -> lines.add(random.nextInt(lines.size() + 1), lines.get(marker));
      case 2 -> {
        int end = Math.min(lines.size(), marker + 1 + random.nextInt(6));
        List<String> block = new ArrayList<>(lines.subList(marker, end));
        lines.subList(marker, end).clear();
        lines.addAll(random.nextInt(lines.size() + 1), block);
      }
      case 3 -> lines.subList(random.nextInt(lines.size()), lines.size()).clear();
      case 4 -> lines.set(marker, lines.get(marker).replaceAll("[0-9a-f]{8}( -->)", "00000000$1"));
      case 5 -> {
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("#") && random.nextInt(3) == 0) {
            lines.set(i, lines.get(i) + " (reworded by the team)");
          }
        }
      }
      case 6 -> {
        int other = random.nextInt(lines.size());
        String tmp = lines.get(any);
        lines.set(any, lines.get(other));
        lines.set(other, tmp);
      }
      case 7 -> lines.add(random.nextInt(lines.size() + 1), MADE_UP[random.nextInt(MADE_UP.length)]);
      case 8 -> lines.set(marker, lines.get(marker).substring(0, random.nextInt(lines.get(marker).length() + 1)));
      default -> lines.remove(any);
    }
  }

  /** Where a line may be added outside every part: after an end marker, before the next begin, as CommonMark reads them. */
  private static List<Integer> outside(List<String> lines) {
    boolean[] marker = regionLines(String.join("\n", lines));
    List<Integer> at = new ArrayList<>();
    boolean inside = false;
    for (int i = 0; i < lines.size(); i++) {
      if (!inside && i > 0) {
        at.add(i);
      }
      if (marker[i]) {
        inside = lines.get(i).contains("drill:begin");
      }
    }
    return at;
  }

  /** The prose lines of a damaged guide outside every part, as CommonMark reads the markers: the update must keep them. */
  static List<String> proseOutsideParts(String guide) {
    String[] lines = guide.split("\n", -1);
    boolean[] marker = regionLines(guide);
    List<String> kept = new ArrayList<>();
    boolean inside = false;
    for (int i = 0; i < lines.length; i++) {
      if (marker[i]) {
        inside = lines[i].contains("drill:begin");
      } else if (!inside && lines[i].startsWith("PROSE-")) {
        kept.add(lines[i]);
      }
    }
    return kept;
  }

  /** The lines that are a begin or end marker on a line of its own, in an HTML block of one line. */
  private static boolean[] regionLines(String guide) {
    boolean[] marker = new boolean[guide.split("\n", -1).length];
    String[] lines = guide.split("\n", -1);
    BLOCKS.parse(guide).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        var spans = block.getSourceSpans();
        int line = spans.get(0).getLineIndex();
        if (spans.size() == 1 && line < lines.length && REGION.matcher(lines[line]).matches()) {
          marker[line] = true;
        }
      }
    });
    return marker;
  }

  static String show(List<Diagnostic> found, String guide) {
    return found.stream()
        .map(d -> DiagnosticRenderer.render(d, java.util.Optional.of(new SourceFile("g.md", guide))))
        .collect(Collectors.joining());
  }
}
