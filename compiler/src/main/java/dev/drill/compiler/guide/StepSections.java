package dev.drill.compiler.guide;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.guide.GuideMerge.Output;
import dev.drill.compiler.guide.GuideUpdater.Template;
import dev.drill.compiler.guide.LineLayout.Heading;
import dev.drill.compiler.guide.LineLayout.Line;
import dev.drill.compiler.guide.LineLayout.Part;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The sections of the recovery steps in a merge: which heading is each step's, where its part
 * goes, and the order they are emitted in. A section runs from its heading to the next step's
 * heading, the next heading of level 1 or 2, or the next part that is not a step's: the team's
 * text in it moves with it. The section of a step the drill no longer has belongs to the one
 * above it.
 */
final class StepSections {

  private static final Pattern NUMBER = Pattern.compile("^(\\s{0,3}#{1,6}\\s+)\\d+\\.");

  private final GuideMerge merge;
  private final LineLayout old;
  private final Template template;
  private final int size;
  /** Where each step's section starts: its heading, or its part when a heading is added above it. */
  private final Map<String, Integer> start = new LinkedHashMap<>();
  private final Map<String, Integer> level = new HashMap<>();
  private final Set<String> handled = new HashSet<>();
  private final Set<Integer> candidates = new TreeSet<>();
  private List<String> existing = List.of();
  private boolean inOrder = true;

  StepSections(GuideMerge merge, LineLayout old, Template template) {
    this.merge = merge;
    this.old = old;
    this.template = template;
    this.size = old.lines.size();
  }

  void place() {
    Map<String, List<Heading>> byStep = new LinkedHashMap<>();
    List<Heading> removed = new ArrayList<>();
    for (Heading h : old.headings.values()) {
      if (h.step().isEmpty() || old.partAt(h.line()).isPresent()) {
        continue;
      }
      String id = h.step().get().arg(0);
      if (template.stepHeadings().containsKey(id)) {
        byStep.computeIfAbsent(id, k -> new ArrayList<>()).add(h);
        candidates.add(h.line());
      } else {
        removed.add(h);
      }
    }
    Map<String, Part> inPlace = new HashMap<>();
    for (String id : template.steps()) {
      if (byStep.containsKey(id)) {
        withHeading(id, byStep.get(id), inPlace);
      }
    }
    for (String id : template.steps()) {
      if (!byStep.containsKey(id) && old.parts.containsKey(GuideMarkers.stepPart(id))) {
        withoutHeading(id, inPlace);
      }
    }
    removed.forEach(this::removedStep);
    existing = new ArrayList<>(start.keySet());
    existing.sort((a, b) -> Integer.compare(start.get(a), start.get(b)));
    inOrder = existing.equals(template.steps().stream().filter(start::containsKey).toList());
  }

  private void withHeading(String id, List<Heading> headings, Map<String, Part> inPlace) {
    String key = GuideMarkers.stepPart(id);
    Part part = old.parts.get(key);
    Heading chosen = part == null ? null : headings.stream()
        .filter(h -> h.line() < part.begin() && part.begin() < end(h.lastLine(), h.level(), candidates))
        .findFirst().orElse(null);
    if (chosen == null && headings.size() > 1) {
      merge.refuse(Code.D605, headings.get(1).line(), "a second section for step '" + id + "' (the first is at line "
          + (headings.get(0).line() + 1) + "), and neither holds the step's generated part",
          "keep one section per step: delete the other one, or its drill:step marker");
      return;
    }
    Heading section = chosen == null ? headings.get(0) : chosen;
    for (Heading h : headings) {
      if (h != section) {
        unmark(h);
        merge.notes.add("the heading at line " + (h.line() + 1) + " repeated the drill:step marker of step '" + id
            + "', whose section is at line " + (section.line() + 1) + ": it lost the marker");
      }
    }
    mark(section, id, false);
    start.put(id, section.line());
    level.put(id, section.level());
    handled.add(key);
    if (part == null) {
      merge.insertAfter(section.lastLine(), merge.freshPart(key));
      merge.notes.add("restored the generated part of step '" + id + "'");
    } else if (chosen != null) {
      merge.replace(part, merge.freshPart(key));
      inPlace.put(id, part);
    } else {
      merge.remove(part.begin(), part.end());
      merge.insertAfter(section.lastLine(), merge.freshPart(key));
      merge.notes.add("moved the generated part of step '" + id + "' (line " + (part.begin() + 1)
          + ") under its heading (line " + (section.line() + 1) + ")");
    }
  }

  /** A step whose part is there but whose heading is not: the heading right above is marked again, or one is added. */
  private void withoutHeading(String id, Map<String, Part> inPlace) {
    String key = GuideMarkers.stepPart(id);
    Part part = old.parts.get(key);
    Optional<Heading> above = GuideMerge.headingRightAbove(old, part.begin())
        .filter(h -> h.step().isEmpty() && h.level() == template.stepLevel());
    int at = above.map(Heading::line).orElse(part.begin());
    handled.add(key);
    for (Map.Entry<String, Part> other : inPlace.entrySet()) {
      if (start.get(other.getKey()) < at && at < other.getValue().begin()) {
        merge.remove(part.begin(), part.end());
        merge.notes.add("step '" + id + "' had lost its heading, and its part (line " + (part.begin() + 1)
            + ") stood in the section of step '" + other.getKey() + "': it gets a new section");
        return;
      }
    }
    if (above.isPresent()) {
      mark(above.get(), id, true);
      merge.notes.add("the heading of step '" + id + "' (line " + (at + 1) + ") had lost its drill:step marker: marked again");
    } else {
      int fresh = template.stepHeadings().get(id);
      merge.headingAbove(part.begin(), merge.fresh(fresh, fresh));
      merge.notes.add("step '" + id + "' had lost its heading: added one above its generated part (line "
          + (part.begin() + 1) + ")");
    }
    start.put(id, at);
    level.put(id, above.map(Heading::level).orElse(template.stepLevel()));
    merge.replace(part, merge.freshPart(key));
  }

  /** The section of a step the drill no longer has: removed when it holds nothing but its part, else unmarked. */
  private void removedStep(Heading heading) {
    String id = heading.step().orElseThrow().arg(0);
    Set<Integer> stops = new TreeSet<>(start.values());
    old.headings.values().stream().filter(h -> h.step().isPresent() && old.partAt(h.line()).isEmpty())
        .forEach(h -> stops.add(h.line()));
    int end = end(heading.lastLine(), heading.level(), stops);
    Part part = old.parts.get(GuideMarkers.stepPart(id));
    Part own = part != null && part.begin() > heading.line() && part.begin() < end ? part : null;
    if (own != null && merge.onlyBlankBesides(heading.lastLine() + 1, end, own)) {
      merge.retire(heading, end);
      merge.notes.add("removed the section of step '" + id + "', which is no longer in the drill");
    } else {
      unmark(heading);
      if (own != null) {
        merge.remove(own.begin(), own.end());
      }
      merge.notes.add("step '" + id + "' is no longer in the drill: its section keeps your text under"
          + " an unmarked heading; delete it when you no longer need it");
    }
    if (own != null) {
      handled.add(own.key());
    }
  }

  // ---- what the merge asks ----

  /** Whether a step's part was placed or removed here. */
  boolean handled(String key) {
    return handled.contains(key);
  }

  boolean isSectionStart(int line) {
    return start.containsValue(line);
  }

  /** The line where the sections, put in the drill's order, are emitted; empty when they stay where they are. */
  Optional<Integer> arrangeAt() {
    return inOrder || existing.isEmpty() ? Optional.empty() : Optional.of(start.get(existing.get(0)));
  }

  /** Whether a line moves with its section. */
  boolean moves(int line) {
    return arrangeAt().isPresent() && sectionOf(line).isPresent();
  }

  /** Whether a line moves with its section ahead of what would then follow it. */
  boolean movesBefore(int line) {
    Optional<String> id = sectionOf(line);
    List<String> order = template.steps();
    return arrangeAt().isPresent() && id.isPresent() && !id.get().equals(order.get(order.size() - 1));
  }

  /**
   * Sections of new steps, in place when the others stay where they are: after the step
   * before them, else before the step after them, else at {@code at}.
   *
   * @return where what follows the steps goes
   */
  int placeNew(int at) {
    List<String> order = template.steps();
    for (int k = 0; k < order.size(); k++) {
      String id = order.get(k);
      if (start.containsKey(id)) {
        continue;
      }
      merge.notes.add("added a section for the new step '" + id + "'");
      if (arrangeAt().isPresent()) {
        continue;
      }
      int pos = at;
      Optional<String> previous = order.subList(0, k).stream().filter(start::containsKey).reduce((a, b) -> b);
      Optional<String> following = order.subList(k + 1, order.size()).stream().filter(start::containsKey).findFirst();
      if (previous.isPresent()) {
        pos = end(previous.get());
      } else if (following.isPresent()) {
        pos = start.get(following.get());
      }
      merge.insertBefore(pos, section(id));
    }
    return start.keySet().stream().mapToInt(this::end).max().orElse(at);
  }

  /** Every section, existing and new, in the drill's order. */
  void arranged(GuideMerge merge, Output out) {
    for (String id : template.steps()) {
      if (start.containsKey(id)) {
        for (int line = start.get(id); line < end(id); line++) {
          merge.emit(line, out);
        }
        out.separate();
      } else {
        out.block(section(id));
      }
    }
  }

  // ---- sections ----

  private Optional<String> sectionOf(int line) {
    for (String id : start.keySet()) {
      if (line >= start.get(id) && line < end(id)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private int end(String id) {
    int at = start.get(id);
    Heading h = old.headings.get(at);
    return end(h != null ? h.lastLine() : at, level.get(id), new TreeSet<>(start.values()));
  }

  /** The line after a section: the next stop, heading of level min(level, 2) or above, or part that is not a step's. */
  private int end(int last, int headingLevel, Set<Integer> stops) {
    int limit = Math.min(headingLevel, 2);
    for (int i = last + 1; i < size; i++) {
      if (stops.contains(i)) {
        return i;
      }
      Heading h = old.headings.get(i);
      if (h != null && h.level() <= limit && old.partAt(i).isEmpty()) {
        return i;
      }
      Optional<Part> part = old.partAt(i);
      if (part.isPresent() && part.get().begin() == i && GuideMarkers.stepOfPart(part.get().key()).isEmpty()) {
        return i;
      }
    }
    return size;
  }

  private List<Line> section(String id) {
    int heading = template.stepHeadings().get(id);
    return merge.fresh(heading, template.partEnd(id));
  }

  // ---- headings ----

  private void mark(Heading h, String id, boolean lost) {
    String marker = template.stepMarker(id);
    if (lost) {
      merge.setText(h.line(), merge.text(h.line()).stripTrailing() + " " + marker);
    } else {
      String line = merge.text(h.markerLine());
      merge.setText(h.markerLine(), line.substring(0, h.from()) + marker + line.substring(Math.min(h.to(), line.length())));
    }
    int number = template.steps().indexOf(id) + 1;
    merge.setText(h.line(), NUMBER.matcher(merge.text(h.line())).replaceFirst("$1" + number + "."));
  }

  private void unmark(Heading h) {
    String line = merge.text(h.markerLine());
    int from = h.from();
    while (from > 0 && (line.charAt(from - 1) == ' ' || line.charAt(from - 1) == '\t')) {
      from--;
    }
    merge.setText(h.markerLine(), line.substring(0, from) + line.substring(Math.min(h.to(), line.length())));
  }
}
