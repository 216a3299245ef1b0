package dev.drill.compiler.guide;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.guide.GuideUpdater.Template;
import dev.drill.compiler.guide.LineLayout.Cut;
import dev.drill.compiler.guide.LineLayout.Heading;
import dev.drill.compiler.guide.LineLayout.Line;
import dev.drill.compiler.guide.LineLayout.Part;
import dev.drill.compiler.guide.LineLayout.Refusal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The merge of a fresh guide into the lines of an existing one, both read by {@link LineLayout}.
 * Every line of the existing guide is kept, edited (a step heading's marker and number, a
 * marker cut out), or replaced with its part; fresh parts and sections are inserted before or
 * after a line, or at the end; step sections are then emitted in the drill's order.
 */
final class GuideMerge {

  final List<Refusal> refusals = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  /** Headings removed with a section that held nothing but its generated part. */
  final Set<Integer> retiredHeadings = new HashSet<>();

  private final LineLayout old;
  private final LineLayout next;
  private final Template template;
  private final int size;
  private final String[] text;
  private final boolean[] gone;
  private final String eol;
  private final Map<Integer, List<Line>> replaceAt = new HashMap<>();
  private final Map<Integer, List<List<Line>>> before = new HashMap<>();
  private final Map<Integer, List<List<Line>>> after = new HashMap<>();
  private final Map<Integer, List<Line>> headingAt = new HashMap<>();
  private final List<Line> top = new ArrayList<>();
  private final StepSections steps;

  GuideMerge(LineLayout old, LineLayout next, Template template) {
    this.old = old;
    this.next = next;
    this.template = template;
    this.size = old.lines.size();
    this.text = new String[size];
    this.gone = new boolean[size];
    for (int i = 0; i < size; i++) {
      text[i] = old.text(i);
    }
    this.eol = lineEnd(old);
    this.steps = new StepSections(this, old, template);
  }

  void run() {
    old.dropped.forEach(line -> gone[line] = true);
    cuts();
    String guide = next.text(next.guideLines.get(0));
    if (old.guideLines.isEmpty()) {
      top.add(new Line(guide, eol));
    } else {
      text[old.guideLines.get(0)] = guide;
    }
    steps.place();
    if (!refusals.isEmpty()) {
      return;
    }
    otherParts();
    missing();
    endOfFile();
  }

  /** The merged guide. */
  String output() {
    Output out = new Output(eol);
    top.forEach(out::line);
    Optional<Integer> arrangeAt = steps.arrangeAt();
    for (int i = 0; i < size; i++) {
      if (arrangeAt.isPresent() && steps.moves(i)) {
        if (i == arrangeAt.get()) {
          steps.arranged(this, out);
        }
        continue;
      }
      emit(i, out);
    }
    before.getOrDefault(size, List.of()).forEach(out::block);
    return out.text();
  }

  /** Old line {@code i} with what goes before, instead of and after it. */
  void emit(int i, Output out) {
    before.getOrDefault(i, List.of()).forEach(out::block);
    if (headingAt.containsKey(i)) {
      out.block(headingAt.get(i));
    }
    if (!gone[i]) {
      out.line(new Line(text[i], old.lines.get(i).end()));
    } else if (replaceAt.containsKey(i)) {
      replaceAt.get(i).forEach(out::line);
    }
    after.getOrDefault(i, List.of()).forEach(out::block);
  }

  // ---- edits, used by StepSections too ----

  void remove(int from, int to) {
    for (int i = from; i <= to && i < size; i++) {
      gone[i] = true;
    }
  }

  /** A section that held nothing but its part goes, heading included. */
  void retire(Heading heading, int end) {
    remove(heading.line(), end - 1);
    for (int i = heading.line(); i <= heading.lastLine(); i++) {
      retiredHeadings.add(i);
    }
  }

  void replace(Part part, List<Line> with) {
    remove(part.begin(), part.end());
    replaceAt.put(part.begin(), with);
  }

  void insertBefore(int line, List<Line> lines) {
    before.computeIfAbsent(line, k -> new ArrayList<>()).add(lines);
  }

  /** A heading added right above a line, after anything inserted before that line. */
  void headingAbove(int line, List<Line> heading) {
    headingAt.put(line, heading);
  }

  void insertAfter(int line, List<Line> lines) {
    after.computeIfAbsent(line, k -> new ArrayList<>()).add(lines);
  }

  String text(int line) {
    return text[line];
  }

  void setText(int line, String value) {
    text[line] = value;
  }

  boolean gone(int line) {
    return gone[line];
  }

  /** Lines {@code from..to} of the fresh guide, with this guide's line break. */
  List<Line> fresh(int from, int to) {
    List<Line> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(new Line(next.text(i), eol));
    }
    return out;
  }

  List<Line> freshPart(String key) {
    Part part = next.parts.get(key);
    return fresh(part.begin(), part.end());
  }

  void refuse(Code code, int line, String message, String hint) {
    refusals.add(new Refusal(code, line + 1, 1, message, hint));
  }

  // ---- the parts that are not steps' ----

  private void cuts() {
    Map<Integer, List<Cut>> byLine = new LinkedHashMap<>();
    old.cuts.forEach(c -> byLine.computeIfAbsent(c.line(), k -> new ArrayList<>()).add(c));
    byLine.forEach((line, cuts) -> {
      cuts.sort(Comparator.comparingInt(Cut::from).reversed());
      StringBuilder edited = new StringBuilder(text[line]);
      for (Cut c : cuts) {
        edited.delete(c.from(), Math.min(c.to(), edited.length()));
      }
      text[line] = edited.toString();
      if (text[line].isBlank()) {
        gone[line] = true;
      }
    });
  }

  private void otherParts() {
    for (Part part : old.parts.values()) {
      if (GuideMarkers.stepOfPart(part.key()).isPresent()) {
        if (!steps.handled(part.key())) {
          remove(part.begin(), part.end());
        }
      } else if (next.parts.containsKey(part.key())) {
        replace(part, freshPart(part.key()));
      } else {
        // A step's heading right above (a made-up or moved one) is the step's section, not this part's.
        Optional<Heading> heading = headingRightAbove(old, part.begin())
            .filter(h -> h.step().isEmpty() && !steps.isSectionStart(h.line()));
        int end = after(part);
        if (heading.isPresent() && onlyBlankBesides(heading.get().lastLine() + 1, end, part)) {
          retire(heading.get(), end);
        } else {
          remove(part.begin(), part.end());
        }
      }
    }
  }

  /** Parts and step sections the guide lacks go after what comes before them in a fresh guide. */
  private void missing() {
    int at = startOfParts();
    Integer firstStep = template.steps().isEmpty() ? null : template.stepHeadings().get(template.steps().get(0));
    boolean stepsDone = firstStep == null;
    for (Part part : next.parts.values()) {
      if (GuideMarkers.stepOfPart(part.key()).isPresent()) {
        continue;
      }
      if (!stepsDone && part.begin() > firstStep) {
        at = steps.placeNew(at);
        stepsDone = true;
      }
      Part mine = old.parts.get(part.key());
      if (mine != null) {
        at = after(mine);
        continue;
      }
      notes.add("added the generated part '" + part.key() + "'");
      Optional<Heading> freshHeading = headingRightAbove(next, part.begin()).filter(h -> h.level() >= 2);
      Optional<Heading> reuse = freshHeading.flatMap(h -> sameHeading(next.text(h.line())));
      if (reuse.isPresent()) {
        insertAfter(reuse.get().lastLine(), freshPart(part.key()));
      } else {
        insertBefore(at, fresh(freshHeading.map(Heading::line).orElse(part.begin()), part.end()));
      }
    }
    if (!stepsDone) {
      steps.placeNew(at);
    }
  }

  /** Where the parts start: after the title heading when it comes before every part, else after the guide marker. */
  private int startOfParts() {
    int firstPart = old.parts.values().stream().mapToInt(Part::begin).min().orElse(size);
    for (Heading h : old.headings.values()) {
      if (h.level() == 1 && h.line() < firstPart && old.partAt(h.line()).isEmpty()) {
        return h.lastLine() + 1;
      }
    }
    return old.guideLines.isEmpty() ? 0 : old.guideLines.get(0) + 1;
  }

  /** A heading of the old guide, outside the parts, with this text and no part in its section. */
  private Optional<Heading> sameHeading(String freshText) {
    for (Heading h : old.headings.values()) {
      if (h.step().isEmpty() && old.partAt(h.line()).isEmpty() && old.text(h.line()).strip().equals(freshText.strip())
          && old.parts.values().stream().noneMatch(p -> p.begin() > h.line() && p.begin() < sectionEnd(h.lastLine()))) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }

  /** Where what follows a part goes: before the next heading of level 1 or 2 that is not a step's, or part, or the end. */
  int after(Part part) {
    return sectionEnd(part.end());
  }

  /** The next line after {@code line} with a heading of level 1 or 2 (not a step's), or a part that is not a step's. */
  int sectionEnd(int line) {
    for (int i = line + 1; i < size; i++) {
      Heading h = old.headings.get(i);
      if (h != null && h.level() <= 2 && old.partAt(i).isEmpty() && !steps.isSectionStart(i)) {
        return i;
      }
      Optional<Part> part = old.partAt(i);
      if (part.isPresent() && part.get().begin() == i && GuideMarkers.stepOfPart(part.get().key()).isEmpty()) {
        return i;
      }
    }
    return size;
  }

  /** Nothing but blank lines in {@code [from, to)} besides the part. */
  boolean onlyBlankBesides(int from, int to, Part part) {
    for (int i = from; i < to; i++) {
      if (!part.holds(i) && !gone[i] && !text[i].isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The heading right above a line, with only blank lines between, outside the parts. */
  static Optional<Heading> headingRightAbove(LineLayout layout, int line) {
    int i = line - 1;
    while (i >= 0 && layout.text(i).isBlank()) {
      i--;
    }
    Map.Entry<Integer, Heading> h = i < 0 ? null : layout.headings.floorEntry(i);
    return h != null && h.getValue().lastLine() == i && layout.partAt(h.getKey()).isEmpty()
        ? Optional.of(h.getValue()) : Optional.empty();
  }

  /** Nothing can be added after a code or HTML block that never closes: it would swallow it. */
  private void endOfFile() {
    if (old.openAtEnd.isEmpty() || gone[old.openAtEnd.get()]) {
      return;
    }
    int open = old.openAtEnd.get();
    if (!before.getOrDefault(size, List.of()).isEmpty() || steps.movesBefore(open)) {
      refuse(Code.D610, open, "this code block or HTML block never closes: it runs to the end of the guide, and"
          + " drill cannot add or move the generated parts that must come after it", "close it where it ends");
    }
  }

  private static String lineEnd(LineLayout layout) {
    Map<String, Integer> count = new HashMap<>();
    layout.lines.forEach(l -> {
      if (!l.end().isEmpty()) {
        count.merge(l.end(), 1, Integer::sum);
      }
    });
    return count.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("\n");
  }

  /** The lines of the merged guide, with a blank line around what is inserted. */
  static final class Output {
    private final List<Line> lines = new ArrayList<>();
    private final String eol;
    private boolean padNext;

    Output(String eol) {
      this.eol = eol;
    }

    void line(Line line) {
      if (padNext && !line.text().isBlank()) {
        add(new Line("", eol));
      }
      padNext = false;
      add(line);
    }

    /** Inserted lines, set apart from what stands before and after them by a blank line. */
    void block(List<Line> block) {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).text().isBlank()) {
        add(new Line("", eol));
      }
      block.forEach(this::add);
      padNext = true;
    }

    /** What comes next starts after a blank line. */
    void separate() {
      padNext = true;
    }

    private void add(Line line) {
      int last = lines.size() - 1;
      if (last >= 0 && lines.get(last).end().isEmpty()) {
        lines.set(last, new Line(lines.get(last).text(), eol));
      }
      lines.add(line);
    }

    String text() {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.size(); i++) {
        Line line = lines.get(i);
        out.append(line.text()).append(i == lines.size() - 1 && line.end().isEmpty() ? eol : line.end());
      }
      return out.toString();
    }
  }
}
