package dev.drill.compiler.guide;

import dev.drill.compiler.guide.GuideDocument.BlockItem;
import dev.drill.compiler.guide.GuideDocument.BlockKind;
import dev.drill.compiler.guide.GuideDocument.HeadingItem;
import dev.drill.compiler.guide.GuideDocument.Item;
import dev.drill.compiler.guide.GuideDocument.MarkerItem;
import dev.drill.compiler.guide.GuideMarkers.Marker;
import dev.drill.compiler.guide.LineLayout.Heading;
import dev.drill.compiler.guide.LineLayout.Line;
import dev.drill.compiler.guide.LineLayout.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What CommonMark reads on each line of a guide, for the update: the markers that stand alone
 * on their line, the headings and their step markers, and the markers it hides (in a code
 * block, an HTML block of several lines, cut short) where drill cannot tell what they were.
 */
final class MarkerLines {

  static final Pattern MARKER_LIKE = Pattern.compile("<!--\\s*drill:");

  final TreeMap<Integer, Heading> headings = new TreeMap<>();
  final TreeMap<Integer, Marker> blockMarkers = new TreeMap<>();
  /** Lines holding a marker that CommonMark does not read as one, with why. */
  final TreeMap<Integer, Refusal> unreadable = new TreeMap<>();
  /** The first line of a code or HTML block that never closes, if any: it runs to the end. */
  Optional<Integer> openAtEnd = Optional.empty();

  private final List<Line> lines;

  MarkerLines(List<Line> lines, List<Item> items) {
    this.lines = lines;
    read(items);
  }

  private String text(int line) {
    return lines.get(line).text();
  }

  private void read(List<Item> items) {
    for (Item item : items) {
      if (item instanceof BlockItem block) {
        readBlock(block);
      } else if (item instanceof HeadingItem heading) {
        readHeading(heading);
      }
    }
  }

  private void readBlock(BlockItem block) {
    int first = block.position().line() - 1;
    int last = Math.min(block.lastLine() - 1, lines.size() - 1);
    if (!block.closed() && openAtEnd.isEmpty()) {
      openAtEnd = Optional.of(first);
    }
    if (block.kind() == BlockKind.HTML && first == last) {
      Optional<Marker> marker = alone(text(first));
      if (marker.isPresent()) {
        blockMarkers.put(first, marker.get());
        return;
      }
      Matcher like = MARKER_LIKE.matcher(text(first));
      if (like.find() && !startsWithProbeMarker(text(first).strip())) {
        unreadable.putIfAbsent(first, LineLayout.refusal(first, like.start(), "a drill marker that drill cannot read:"
            + " cut short, or not alone on its line", "restore it on a line of its own (git diff shows it), or delete it"));
      }
      return;
    }
    for (int line = first; line <= last; line++) {
      String text = text(line);
      Matcher like = MARKER_LIKE.matcher(text);
      if (!like.find()) {
        continue;
      }
      if (block.kind() == BlockKind.HTML) {
        unreadable.putIfAbsent(line, LineLayout.refusal(line, like.start(), (line == first
            ? "a drill marker cut short: its HTML comment does not close on its line"
            : "a drill marker inside an HTML comment or block that starts at line " + (first + 1))
            + ": drill cannot read it",
            "restore the markers on lines of their own (git diff shows them), or delete what is left of one"));
      } else if (text.strip().startsWith("<!--") || text.strip().startsWith("#")) {
        unreadable.putIfAbsent(line, LineLayout.refusal(line, like.start(), "a drill marker inside a code block that starts at line "
            + (first + 1) + (block.closed() ? "" : " and never closes") + ": drill cannot tell whether it marks a part",
            "close the code block above it if it was left open, or take the marker out of the code block"));
      }
    }
  }

  /** A line that is exactly one marker, as CommonMark reads it: an HTML block of one comment. */
  private static Optional<Marker> alone(String text) {
    String stripped = text.strip();
    if (!stripped.startsWith("<!--") || !stripped.endsWith("-->") || stripped.indexOf("<!--", 4) >= 0
        || stripped.indexOf("-->", 4) != stripped.length() - 3) {
      return Optional.empty();
    }
    List<Marker> markers = GuideMarkers.parseAll(stripped);
    return markers.size() == 1 ? Optional.of(markers.get(0)) : Optional.empty();
  }

  /** A signal, check, verify or step marker that starts a line: it marks no part (the check reads it alone). */
  private static boolean startsWithProbeMarker(String text) {
    int close = text.indexOf("-->");
    if (close < 0 || text.indexOf("<!--", 4) >= 0 && text.indexOf("<!--", 4) < close) {
      return false;
    }
    List<Marker> markers = GuideMarkers.parseAll(text.substring(0, close + 3));
    return markers.size() == 1 && !Set.of(MarkerKind.BEGIN, MarkerKind.END, MarkerKind.GUIDE).contains(markers.get(0).kind())
        && !MARKER_LIKE.matcher(text.substring(close + 3)).find();
  }

  private void readHeading(HeadingItem item) {
    int line = item.position().line() - 1;
    Optional<Marker> step = Optional.empty();
    int markerLine = line;
    int from = -1;
    int to = -1;
    for (MarkerItem m : item.markers()) {
      if (m.marker().kind() != MarkerKind.STEP) {
        continue;
      }
      int at = m.position().line() - 1;
      int column = m.position().column() - 1;
      if (step.isPresent()) {
        unreadable.putIfAbsent(at, LineLayout.refusal(at, column, "a second 'drill:step' marker in one heading",
            "keep one marker per step heading (git diff shows which was added)"));
        continue;
      }
      int close = text(at).indexOf("-->", column + 4);
      step = Optional.of(m.marker());
      markerLine = at;
      from = column;
      to = close < 0 ? text(at).length() : close + 3;
    }
    int read = item.markers().size();
    for (int l = line; l < item.lastLine() && l < lines.size(); l++) {
      String text = text(l);
      Matcher like = MARKER_LIKE.matcher(text);
      while (like.find()) {
        if (!escaped(text, like.start()) && --read < 0) {
          unreadable.putIfAbsent(l, LineLayout.refusal(l, like.start(), "a drill marker in this heading that drill cannot read"
              + " (cut short?)", "restore it (git diff shows it), or delete it"));
        }
      }
      for (int open = text.indexOf("<!--"); open >= 0; open = text.indexOf("<!--", open + 1)) {
        if (!escaped(text, open) && text.indexOf("-->", open + 2) < 0) {
          unreadable.putIfAbsent(l, LineLayout.refusal(l, open, "an HTML comment cut short in this heading: drill cannot tell"
              + " whether it was a marker", "restore it (git diff shows it), or delete it"));
        }
      }
    }
    headings.put(line, new Heading(line, item.lastLine() - 1, item.level(), step, markerLine, from, to));
  }

  /** Whether the character at {@code at} is escaped by an odd run of backslashes before it. */
  static boolean escaped(String text, int at) {
    int backslashes = 0;
    for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
