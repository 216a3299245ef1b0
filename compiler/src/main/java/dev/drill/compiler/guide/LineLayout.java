package dev.drill.compiler.guide;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.guide.GuideDocument.MarkerItem;
import dev.drill.compiler.guide.GuideMarkers.Marker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A guide as {@code drill guide --update} reads it: by line, trusting only the markers it can
 * read without a doubt, since everything outside the generated parts is the team's and must
 * be kept. A begin or end marker counts when it stands alone on its line as CommonMark reads
 * it; then each part is paired by its key (rules in docs/guides.md):
 *
 * <ul>
 *   <li>an end marker that can close nothing (before its part, after it, of a part the drill
 *       does not have) and a begin or end marker repeated with only blank lines between are
 *       dropped;
 *   <li>a part whose end was lost ends at the next heading or marker, when the drill has it;
 *   <li>anything else that leaves a doubt where a part starts or ends is refused, at its line:
 *       an end without its begin, a second begin, a marker or heading inside another part, a
 *       marker cut short or hidden in a code block or HTML block outside every part, a marker
 *       of another drill.
 * </ul>
 *
 * Signal and check markers outside every part are taken out of their lines (the check would
 * read them; the text around them stays).
 */
final class LineLayout {

  /** What the reading needs to know of the drill: its id, its parts, which of them hold headings. */
  record Context(Optional<String> drillId, Predicate<String> hasPart, Predicate<String> headingsIn) {

    /** For the template's own output: every part is the drill's, headings may stand anywhere. */
    static Context template() {
      return new Context(Optional.empty(), key -> true, key -> true);
    }
  }

  /** A line of the guide and the line break after it ("" after a last line without one). */
  record Line(String text, String end) {}

  /**
   * A generated part: the 0-based lines of its begin and end markers; without its end marker
   * ({@code closed} false), the line before the next heading or marker.
   */
  record Part(String key, int begin, int end, boolean closed) {
    boolean holds(int line) {
      return line >= begin && line <= end;
    }
  }

  /** A heading over its lines (0-based), and the drill:step marker in it: its line and columns [from, to). */
  record Heading(int line, int lastLine, int level, Optional<Marker> step, int markerLine, int from, int to) {}

  /** Why the update cannot go on, at a 1-based line and column of the guide. */
  record Refusal(Code code, int line, int column, String message, String hint) {}

  /** Columns [from, to) of a line to cut: a marker of the drill standing in the team's text. */
  record Cut(int line, int from, int to) {}

  final List<Line> lines;
  final Map<String, Part> parts = new LinkedHashMap<>();
  final TreeMap<Integer, Heading> headings = new TreeMap<>();
  final TreeMap<Integer, Marker> blockMarkers = new TreeMap<>();
  /** The lines of this drill's {@code drill:guide} markers outside every part. */
  final List<Integer> guideLines = new ArrayList<>();
  final Set<Integer> dropped = new TreeSet<>();
  final List<Cut> cuts = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final List<Refusal> refusals = new ArrayList<>();
  /** The first line of a code or HTML block that never closes, if any: it runs to the end. */
  Optional<Integer> openAtEnd = Optional.empty();

  private final Context context;
  private final GuideLayout layout;
  /** Lines holding a marker that CommonMark does not read as one, with why. */
  private final TreeMap<Integer, Refusal> unreadable = new TreeMap<>();

  private LineLayout(String text, Context context) {
    this.context = context;
    this.layout = GuideLayout.read(text);
    this.lines = split(text);
    MarkerLines read = new MarkerLines(lines, layout.items());
    headings.putAll(read.headings);
    blockMarkers.putAll(read.blockMarkers);
    unreadable.putAll(read.unreadable);
    openAtEnd = read.openAtEnd;
    pairParts();
    checkInsideParts();
    guideMarkers();
    strayProbeMarkers();
    refusals.sort(Comparator.comparingInt(Refusal::line).thenComparingInt(Refusal::column));
  }

  static LineLayout read(String text, Context context) {
    return new LineLayout(text, context);
  }

  /** The lines as CommonMark counts them: a line ends at "\n", "\r\n" or "\r". */
  static List<Line> split(String text) {
    List<Line> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        String end = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : String.valueOf(c);
        out.add(new Line(text.substring(start, i), end));
        i += end.length() - 1;
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(new Line(text.substring(start), ""));
    }
    return out;
  }

  /** The part that holds a line, if any. */
  Optional<Part> partAt(int line) {
    for (Part part : parts.values()) {
      if (part.holds(line)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }

  String text(int line) {
    return lines.get(line).text();
  }

  // ---- pairing begin and end markers ----

  private void pairParts() {
    Map<String, List<Integer>> begins = new LinkedHashMap<>();
    Map<String, List<Integer>> ends = new LinkedHashMap<>();
    blockMarkers.forEach((line, m) -> {
      if (m.kind() == MarkerKind.BEGIN) {
        begins.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(line);
        ends.computeIfAbsent(m.key(), k -> new ArrayList<>());
      } else if (m.kind() == MarkerKind.END) {
        ends.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(line);
      }
    });
    List<Part> found = new ArrayList<>();
    ends.forEach((key, endLines) -> pair(key, begins.getOrDefault(key, List.of()), endLines).ifPresent(found::add));
    found.sort(Comparator.comparingInt(Part::begin));
    for (Part part : found) {
      Part placed = part.closed() ? part : new Part(part.key(), part.begin(), lostEnd(part.begin()), false);
      if (!placed.closed()) {
        notes.add("the generated part '" + part.key() + "' had lost its drill:end; it ended at line "
            + (placed.end() + 2) + ", and was replaced whole");
      }
      parts.put(part.key(), placed);
    }
  }

  /** The part of one key, from all its begin and end markers; empty when refused or when nothing begins. */
  private Optional<Part> pair(String key, List<Integer> beginLines, List<Integer> endLines) {
    if (beginLines.isEmpty()) {
      if (context.hasPart().test(key)) {
        refuse(endLines.get(0), 0, "'drill:end " + key + "' without its 'drill:begin " + key + "'",
            "put '" + GuideMarkers.begin(key) + "' back where the part starts (git diff shows it), or delete this marker");
      } else {
        endLines.forEach(line -> drop(line, "no part '" + key + "' begins in the guide"));
      }
      return Optional.empty();
    }
    List<Integer> starts = repeated(beginLines);
    if (starts.size() > 1) {
      refuse(starts.get(1), 0, "a second 'drill:begin " + key + "' (the first is at line " + (starts.get(0) + 1) + ")",
          "delete the one that does not belong (git diff shows it)");
      return Optional.empty();
    }
    int begin = starts.get(0);
    beginLines.stream().filter(line -> line != begin).forEach(line -> drop(line, "it repeats the one below it"));
    List<Integer> after = new ArrayList<>();
    for (int line : endLines) {
      if (line < begin) {
        drop(line, "it stands before the part's begin marker");
      } else {
        after.add(line);
      }
    }
    if (after.isEmpty()) {
      if (!context.hasPart().test(key)) {
        refuse(begin, 0, "the generated part '" + key + "' is not closed, and the drill has no part '" + key
            + "': drill cannot tell where it ends", "add '" + GuideMarkers.end(key) + "' where it ends, or delete this marker");
        return Optional.empty();
      }
      return Optional.of(new Part(key, begin, -1, false));
    }
    List<Integer> closes = firstOfRuns(after);
    if (closes.size() > 1) {
      refuse(closes.get(1), 0, "a second 'drill:end " + key + "' (the first is at line " + (closes.get(0) + 1) + ")",
          "delete the one that does not belong (git diff shows it)");
      return Optional.empty();
    }
    after.stream().filter(line -> line != closes.get(0)).forEach(line -> drop(line, "it repeats the one above it"));
    return Optional.of(new Part(key, begin, closes.get(0), true));
  }

  /** Markers with only blank lines between them count once: the last of each run (for begins). */
  private List<Integer> repeated(List<Integer> markerLines) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < markerLines.size(); i++) {
      if (i + 1 < markerLines.size() && onlyBlankBetween(markerLines.get(i), markerLines.get(i + 1))) {
        continue;
      }
      out.add(markerLines.get(i));
    }
    return out;
  }

  /** The first of each run of markers with only blank lines between them (for ends). */
  private List<Integer> firstOfRuns(List<Integer> markerLines) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < markerLines.size(); i++) {
      if (i == 0 || !onlyBlankBetween(markerLines.get(i - 1), markerLines.get(i))) {
        out.add(markerLines.get(i));
      }
    }
    return out;
  }

  private boolean onlyBlankBetween(int a, int b) {
    for (int line = a + 1; line < b; line++) {
      if (!text(line).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** A part without its end marker ends before the next heading, marker or unreadable line. */
  private int lostEnd(int begin) {
    int end = lines.size();
    for (Integer next : new Integer[] {headings.higherKey(begin), blockMarkers.higherKey(begin), unreadable.higherKey(begin)}) {
      if (next != null) {
        end = Math.min(end, next);
      }
    }
    return end - 1;
  }

  // ---- what a part may hold, and what must be in one ----

  private void checkInsideParts() {
    for (Part part : parts.values()) {
      if (!part.closed()) {
        continue;
      }
      blockMarkers.subMap(part.begin(), false, part.end(), false).forEach((line, m) -> {
        if (m.kind() == MarkerKind.BEGIN || m.kind() == MarkerKind.END) {
          refuse(line, 0, "'drill:" + m.keyword() + " " + m.key() + "' inside the generated part '" + part.key()
              + "' (lines " + (part.begin() + 1) + " to " + (part.end() + 1) + ")",
              "drill cannot tell where the part '" + part.key() + "' ends: put the markers back as they were"
                  + " (git diff shows them)");
        }
      });
      if (!context.headingsIn().test(part.key())) {
        headings.subMap(part.begin(), false, part.end(), false).keySet().stream().findFirst().ifPresent(line ->
            refuse(line, 0, "a heading inside the generated part '" + part.key() + "' (lines " + (part.begin() + 1)
                + " to " + (part.end() + 1) + ")", "was its end marker moved? put '" + GuideMarkers.end(part.key())
                + "' back where the part ends, above this heading"));
      }
    }
    unreadable.forEach((line, why) -> {
      if (partAt(line).filter(Part::closed).isEmpty()) {
        refusals.add(why);
      }
    });
  }

  private void guideMarkers() {
    blockMarkers.forEach((line, m) -> {
      if (m.kind() != MarkerKind.GUIDE) {
        return;
      }
      if (context.drillId().isPresent() && !m.arg(0).equals(context.drillId().get())) {
        refusals.add(new Refusal(Code.D602, line + 1, 1, "this is the guide of drill '" + m.arg(0) + "', not of '"
            + context.drillId().get() + "'", "drill will not overwrite it: give the drill a guide path of its own"));
      } else if (partAt(line).isEmpty()) {
        guideLines.add(line);
      }
    });
    for (int line : guideLines.subList(Math.min(1, guideLines.size()), guideLines.size())) {
      drop(line, "the guide has its marker at line " + (guideLines.get(0) + 1));
    }
  }

  /** Signal and check markers outside every part: the check would read them, so they are cut from the team's text. */
  private void strayProbeMarkers() {
    for (MarkerKind kind : List.of(MarkerKind.SIGNAL, MarkerKind.CHECK)) {
      for (MarkerItem m : layout.markers(kind)) {
        int line = m.position().line() - 1;
        if (partAt(line).isPresent() || dropped.contains(line) || line >= lines.size()) {
          continue;
        }
        String text = text(line);
        int from = m.inline() ? m.position().column() - 1 : text.indexOf("<!--");
        int close = from < 0 ? -1 : text.indexOf("-->", from + 4);
        if (close < 0 || !MarkerLines.MARKER_LIKE.matcher(text).region(from, text.length()).lookingAt()) {
          continue;
        }
        while (from > 0 && (text.charAt(from - 1) == ' ' || text.charAt(from - 1) == '\t')) {
          from--;
        }
        cuts.add(new Cut(line, from, close + 3));
        notes.add("took the " + kind.part(m.marker().arg(0)) + " marker out of line " + (line + 1)
            + ", outside the generated parts (your text there is kept)");
      }
    }
  }

  // ---- helpers ----

  private void drop(int line, String why) {
    if (dropped.add(line)) {
      notes.add("removed the stray marker '" + text(line).strip() + "' at line " + (line + 1) + ": " + why);
    }
  }

  private void refuse(int line, int column, String message, String hint) {
    refusals.add(refusal(line, column, message, hint));
  }

  static Refusal refusal(int line, int column, String message, String hint) {
    return new Refusal(Code.D610, line + 1, column + 1, message, hint);
  }
}
