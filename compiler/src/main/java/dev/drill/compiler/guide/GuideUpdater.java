package dev.drill.compiler.guide;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.guide.LineLayout.Heading;
import dev.drill.compiler.guide.LineLayout.Line;
import dev.drill.compiler.guide.LineLayout.Part;
import dev.drill.compiler.guide.LineLayout.Refusal;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings an existing guide up to date with a freshly rendered one without losing a word of
 * the team's own text: the generated parts (between drill:begin and drill:end) are replaced,
 * parts for new steps and sections are inserted, step sections follow the drill's order
 * carrying their prose with them, and the section of a removed step keeps its text under a
 * heading that is no longer marked. What it cannot read without a doubt ({@link LineLayout})
 * it refuses, at its line, and then nothing is written.
 */
final class GuideUpdater {

  private GuideUpdater() {}

  /** The updated guide, or why the guide was left as it is. */
  sealed interface Result permits Merged, Refused {}

  /** The updated guide, and what the user should know about it. */
  record Merged(String text, List<String> notes) implements Result {
    public Merged {
      notes = List.copyOf(notes);
    }
  }

  /** The guide is left untouched; the finding points into it. */
  record Refused(Diagnostic diagnostic) implements Result {}

  private static final Pattern MARKER = Pattern.compile("\\s*(<!--\\s*drill:.*?-->)");
  private static final Pattern NUMBER = Pattern.compile("^(\\s{0,3}#{1,6}\\s+)\\d+\\.");
  private static final String BOM = "\uFEFF";

  /**
   * @param path the guide as the user would type it, for the findings
   * @throws GuideException when the existing file has no drill markers at all (it is not a
   *     generated guide, and overwriting it could lose a hand-written document), or when the
   *     template's guide has broken markers
   */
  static Result update(String path, String existing, String fresh) throws GuideException {
    LineLayout next = LineLayout.read(fresh, LineLayout.Context.template());
    Template template = Template.of(next);
    boolean bom = existing.startsWith(BOM);
    LineLayout old = LineLayout.read(bom ? existing.substring(1) : existing, new LineLayout.Context(
        Optional.of(template.drillId()), next.parts::containsKey, template.partsWithHeadings()::contains));
    boolean anyMarker = old.blockMarkers.values().stream()
        .anyMatch(m -> m.kind() == MarkerKind.GUIDE || m.kind() == MarkerKind.BEGIN);
    if (!anyMarker) {
      throw new GuideException("the file has no drill markers: it is not a generated guide,"
          + " and drill will not overwrite it; move it away and run drill guide again");
    }
    List<Refusal> refusals = new ArrayList<>(old.refusals);
    GuideMerge merge = new GuideMerge(old, next, template);
    if (refusals.isEmpty()) {
      merge.run();
      refusals.addAll(merge.refusals);
    }
    if (!refusals.isEmpty()) {
      Refusal first = refusals.stream().min((a, b) -> a.line() != b.line()
          ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column())).orElseThrow();
      return refused(path, first);
    }
    String text = (bom ? BOM : "") + merge.output();
    Optional<Refusal> lost = lostProse(old, merge.retiredHeadings, text);
    if (lost.isPresent()) {
      return refused(path, lost.get());
    }
    List<String> notes = new ArrayList<>(old.notes);
    notes.addAll(merge.notes);
    return new Merged(text, notes);
  }

  private static Refused refused(String path, Refusal r) {
    return new Refused(Diagnostic.of(r.code(), SourceSpan.at(path, r.line(), r.column()), r.message(), r.hint()));
  }

  /**
   * The promise held once more on the result: every line of the team's text outside the parts
   * is still there (markers taken out and step numbers aside). A line lost is a bug; the update
   * is then refused rather than written.
   */
  private static Optional<Refusal> lostProse(LineLayout old, Set<Integer> retired, String text) {
    Map<String, Integer> have = new HashMap<>();
    for (Line line : LineLayout.split(text)) {
      have.merge(proseKey(line.text()), 1, Integer::sum);
    }
    for (int i = 0; i < old.lines.size(); i++) {
      String key = proseKey(old.text(i));
      if (key.isEmpty() || old.partAt(i).isPresent() || old.dropped.contains(i) || retired.contains(i)) {
        continue;
      }
      if (have.merge(key, -1, Integer::sum) < 0) {
        return Optional.of(new Refusal(Code.D610, i + 1, 1, "drill guide --update would lose this line of your"
            + " text; nothing written (this is a bug in drill: please report it)", "update the guide by hand"));
      }
    }
    return Optional.empty();
  }

  private static String proseKey(String line) {
    return NUMBER.matcher(withoutMarkers(line).strip()).replaceFirst("$1").strip();
  }

  /**
   * The line without its drill markers. An escaped {@code \<!--} is text (a title may hold
   * {@code <!-- drill:...}, escaped): taken for a marker, it would run to the real marker's
   * {@code -->} and swallow the text between them.
   */
  private static String withoutMarkers(String line) {
    StringBuilder out = new StringBuilder(line.length());
    Matcher marker = MARKER.matcher(line);
    int kept = 0;
    int at = 0;
    while (marker.find(at)) {
      if (MarkerLines.escaped(line, marker.start(1))) {
        at = marker.start(1) + 1;
      } else {
        out.append(line, kept, marker.start());
        kept = marker.end();
        at = marker.end();
      }
    }
    return out.append(line, kept, line.length()).toString();
  }

  /** The template's guide, held to what the update relies on. */
  record Template(String drillId, List<String> steps, Map<String, Integer> stepHeadings, Set<String> partsWithHeadings,
      int stepLevel, Map<String, String> stepMarkers, Map<String, Integer> partEnds) {

    /** The drill:step marker of a step, as the fresh guide writes it. */
    String stepMarker(String id) {
      return stepMarkers.get(id);
    }

    /** The line of the fresh guide where a step's part ends. */
    int partEnd(String id) {
      return partEnds.get(id);
    }

    static Template of(LineLayout fresh) throws GuideException {
      if (!fresh.refusals.isEmpty() || !fresh.dropped.isEmpty()) {
        throw broken(fresh.refusals.stream().findFirst().map(r -> r.message() + " at line " + r.line())
            .orElse("a stray marker"));
      }
      for (Part part : fresh.parts.values()) {
        if (!part.closed()) {
          throw broken("no drill:end for '" + part.key() + "'");
        }
      }
      if (!fresh.cuts.isEmpty()) {
        throw broken("a signal or check marker outside every generated part, at line " + (fresh.cuts.get(0).line() + 1));
      }
      if (fresh.guideLines.size() != 1) {
        throw broken("no drill:guide marker outside the generated parts");
      }
      String drillId = fresh.blockMarkers.get(fresh.guideLines.get(0)).arg(0);
      Map<String, Integer> stepHeadings = new LinkedHashMap<>();
      Map<String, String> markers = new HashMap<>();
      Map<String, Integer> partEnds = new HashMap<>();
      int level = 3;
      for (Heading h : fresh.headings.values()) {
        if (h.step().isEmpty()) {
          continue;
        }
        String id = h.step().get().arg(0);
        Part part = fresh.parts.get(GuideMarkers.stepPart(id));
        Integer nextHeading = fresh.headings.higherKey(h.lastLine());
        if (fresh.partAt(h.line()).isPresent() || part == null || stepHeadings.containsKey(id)
            || part.begin() < h.line() || nextHeading != null && part.begin() > nextHeading) {
          throw broken("step '" + id + "' has no complete drill:begin/drill:end part below its heading");
        }
        stepHeadings.put(id, h.line());
        markers.put(id, fresh.text(h.markerLine()).substring(h.from(), h.to()));
        partEnds.put(id, part.end());
        level = h.level();
      }
      for (String key : fresh.parts.keySet()) {
        if (GuideMarkers.stepOfPart(key).filter(id -> !stepHeadings.containsKey(id)).isPresent()) {
          throw broken("the part '" + key + "' has no step heading above it");
        }
      }
      Set<String> withHeadings = new HashSet<>();
      fresh.parts.values().forEach(p -> {
        if (!fresh.headings.subMap(p.begin(), false, p.end(), false).isEmpty()) {
          withHeadings.add(p.key());
        }
      });
      return new Template(drillId, List.copyOf(stepHeadings.keySet()), stepHeadings, withHeadings, level, markers,
          partEnds);
    }

    private static GuideException broken(String what) {
      return new GuideException("the template's guide has broken markers (" + what + "); fix the template");
    }
  }
}
