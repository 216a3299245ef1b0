package dev.drill.compiler.guide;

import dev.drill.compiler.guide.GuideLayout.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings an existing guide up to date with a freshly rendered one without losing a word
 * of the team's own text: the generated parts (between drill:begin and drill:end) are
 * replaced, parts for new steps and sections are inserted, step sections follow the
 * drill's order carrying their prose with them, and the section of a removed step keeps
 * its text under a heading that is no longer marked.
 */
final class GuideUpdater {

  private GuideUpdater() {}

  /** The updated guide, and what the user should know about it. */
  record Result(String text, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  /**
   * @throws GuideException when the existing file has no drill markers at all: it is not a
   *     generated guide, and overwriting it could lose a hand-written document
   */
  static Result update(String existing, String fresh) throws GuideException {
    Lines old = layout(existing);
    if (old.guideLine() < 0 && old.parts().isEmpty()) {
      throw new GuideException("the file has no drill markers: it is not a generated guide,"
          + " and drill will not overwrite it; move it away and run drill guide again");
    }
    Lines next = layout(fresh);
    if (!old.guideId().isEmpty() && !old.guideId().equals(next.guideId())) {
      throw new GuideException("this is the guide of drill '" + old.guideId() + "', not of '" + next.guideId()
          + "'; drill will not overwrite it: give the drill a guide path of its own");
    }
    if (!next.unclosed().isEmpty()) {
      throw new GuideException("the template's guide has broken markers (no drill:end for '"
          + next.unclosed().get(0) + "'); fix the template");
    }
    for (String step : next.stepHeadings().keySet()) {
      if (!next.parts().containsKey(GuideMarkers.stepPart(step)) || next.guideLine() < 0) {
        throw new GuideException("the template's guide has broken markers (step '" + step
            + "' has no complete drill:begin/drill:end part); fix the template");
      }
    }
    List<String> freshLines = lines(fresh);
    List<String> notes = new ArrayList<>();

    List<String> lines = replaceRegions(lines(existing), old, next, freshLines, notes);
    lines = arrangeSteps(lines, next, freshLines, notes);
    lines = insertMissingSections(lines, next, freshLines, notes);
    return new Result(String.join("\n", lines) + "\n", notes);
  }

  /** A change of lines [from, to) of the old guide. */
  private record Edit(int from, int to, List<String> with) {}

  /**
   * Every generated part replaced or removed, step headings re-marked and renumbered, the
   * guide marker renewed; applied bottom-up so line numbers stay valid. A section whose
   * part is gone goes with it when nothing but that part was in it; with the team's text
   * in it, the text stays under its heading.
   */
  private static List<String> replaceRegions(
      List<String> lines, Lines old, Lines next, List<String> freshLines, List<String> notes) {
    List<Edit> edits = new ArrayList<>();
    List<String> steps = new ArrayList<>(next.stepHeadings().keySet());
    old.stepHeadings().forEach((id, line) -> {
      int[] region = old.parts().get(GuideMarkers.stepPart(id));
      if (next.stepHeadings().containsKey(id)) {
        String original = old.unmarked(line)
            ? lines.get(line) + " " + GuideMarkers.item(MarkerKind.STEP, id, "0") : lines.get(line);
        String heading = original
            .replaceAll("<!--\\s*drill:step\\s[^>]*-->", java.util.regex.Matcher.quoteReplacement(
                GuideMarkers.parseAll(freshLines.get(next.stepHeadings().get(id))).stream()
                    .filter(m -> m.kind() == MarkerKind.STEP).findFirst()
                    .map(m -> GuideMarkers.item(MarkerKind.STEP, m.arg(0), m.arg(1))).orElseThrow()))
            .replaceFirst("^(#+\\s+)\\d+\\.", "$1" + (steps.indexOf(id) + 1) + ".");
        edits.add(new Edit(line, line + 1, List.of(heading)));
        return;
      }
      int end = old.sectionEnd(line, 2, lines.size(), true);
      if (region != null && onlyBlankOutside(lines, line + 1, end, region)) {
        edits.add(new Edit(line, end, List.of()));
        notes.add("removed the section of step '" + id + "', which is no longer in the drill");
      } else {
        edits.add(new Edit(line, line + 1, List.of(lines.get(line).replaceAll("\\s*<!--\\s*drill:step\\s[^>]*-->", ""))));
        notes.add("step '" + id + "' is no longer in the drill: its section keeps your text under"
            + " an unmarked heading; delete it when you no longer need it");
      }
    });
    old.parts().forEach((key, range) -> {
      int[] replacement = next.parts().get(key);
      if (replacement != null) {
        edits.add(new Edit(range[0], range[1] + 1, freshLines.subList(replacement[0], replacement[1] + 1)));
        return;
      }
      if (GuideMarkers.stepOfPart(key).filter(step -> !next.stepHeadings().containsKey(step)).isPresent()
          && edits.stream().anyMatch(e -> e.from() < range[0] && e.to() > range[1])) {
        return;
      }
      int heading = headingAbove(old, lines, range[0]);
      int end = old.sectionEnd(range[1], 2, lines.size(), false);
      if (GuideMarkers.stepOfPart(key).isEmpty() && heading >= 0 && onlyBlankOutside(lines, heading + 1, end, range)) {
        edits.add(new Edit(heading, end, List.of()));
      } else {
        edits.add(new Edit(range[0], range[1] + 1, List.of()));
      }
    });
    List<String> out = new ArrayList<>(lines);
    edits.sort((a, b) -> Integer.compare(b.from(), a.from()));
    for (Edit edit : edits) {
      replace(out, edit.from(), edit.to(), edit.with());
    }
    Lines now = layout(String.join("\n", out));
    if (now.guideLine() >= 0) {
      out.set(now.guideLine(), freshLines.get(next.guideLine()));
    } else {
      out.add(0, freshLines.get(next.guideLine()));
    }
    return out;
  }

  /** The section heading right above a line, with only blank lines between; or -1. */
  private static int headingAbove(Lines layout, List<String> lines, int line) {
    int i = line - 1;
    while (i >= 0 && lines.get(i).isBlank()) {
      i--;
    }
    return i >= 0 && layout.headings().containsKey(i) ? i : -1;
  }

  /** True when lines [from, to) hold nothing but the given region and blank lines. */
  private static boolean onlyBlankOutside(List<String> lines, int from, int to, int[] region) {
    for (int i = from; i < to; i++) {
      if ((i < region[0] || i > region[1]) && !lines.get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Step sections in the drill's order, each with its prose; new steps get a fresh section. */
  private static List<String> arrangeSteps(
      List<String> lines, Lines next, List<String> freshLines, List<String> notes) {
    if (next.stepHeadings().isEmpty()) {
      return lines;
    }
    Lines now = layout(String.join("\n", lines));
    Map<String, List<String>> sections = new LinkedHashMap<>();
    List<int[]> taken = new ArrayList<>();
    for (String id : next.stepHeadings().keySet()) {
      Integer start = now.stepHeadings().get(id);
      if (start == null) {
        continue;
      }
      int level = now.headings().get(start);
      int end = now.sectionEnd(start, Math.min(level, 2), lines.size(), true);
      List<String> section = new ArrayList<>(lines.subList(start, end));
      if (!now.parts().containsKey(GuideMarkers.stepPart(id))) {
        int[] fresh = next.parts().get(GuideMarkers.stepPart(id));
        List<String> part = new ArrayList<>(List.of(""));
        part.addAll(freshLines.subList(fresh[0], fresh[1] + 1));
        section.addAll(1, part);
        notes.add("restored the generated part of step '" + id + "'");
      }
      sections.put(id, section);
      taken.add(new int[] {start, end});
    }
    int insertAt;
    if (!taken.isEmpty()) {
      insertAt = taken.stream().mapToInt(r -> r[0]).min().getAsInt();
    } else {
      int[] procedure = now.parts().get("procedure");
      insertAt = procedure != null
          ? now.sectionEnd(procedure[1], 2, lines.size(), true)
          : lines.size();
    }
    List<String> arranged = new ArrayList<>();
    for (Map.Entry<String, Integer> step : next.stepHeadings().entrySet()) {
      List<String> section = sections.get(step.getKey());
      if (section == null) {
        int end = next.parts().get(GuideMarkers.stepPart(step.getKey()))[1];
        section = new ArrayList<>(freshLines.subList(step.getValue(), end + 1));
        section.add("");
        notes.add("added a section for the new step '" + step.getKey() + "'");
      }
      arranged.addAll(section);
    }
    List<String> out = new ArrayList<>();
    taken.sort((a, b) -> Integer.compare(a[0], b[0]));
    int i = 0;
    for (int line = 0; line <= lines.size(); line++) {
      if (line == insertAt) {
        if (!out.isEmpty() && !out.get(out.size() - 1).isBlank() && taken.isEmpty()) {
          out.add("");
        }
        out.addAll(arranged);
      }
      if (line == lines.size()) {
        break;
      }
      while (i < taken.size() && line >= taken.get(i)[1]) {
        i++;
      }
      boolean inSection = i < taken.size() && line >= taken.get(i)[0] && line < taken.get(i)[1];
      if (!inSection) {
        out.add(lines.get(line));
      }
    }
    return out;
  }

  /** A section the guide lacks (the drill gained comms, say) goes after the one before it. */
  private static List<String> insertMissingSections(
      List<String> lines, Lines next, List<String> freshLines, List<String> notes) {
    List<String> out = new ArrayList<>(lines);
    String previous = null;
    for (Map.Entry<String, int[]> region : next.parts().entrySet()) {
      String key = region.getKey();
      if (GuideMarkers.stepOfPart(key).isPresent()) {
        continue;
      }
      Lines now = layout(String.join("\n", out));
      if (!now.parts().containsKey(key)) {
        int from = region.getValue()[0];
        for (Map.Entry<Integer, Integer> h : next.headings().entrySet()) {
          if (h.getKey() < region.getValue()[0] && h.getValue() <= 2 && !next.stepHeadings().containsValue(h.getKey())) {
            from = h.getKey();
          }
        }
        if (previous != null && next.parts().get(previous)[1] >= from) {
          from = region.getValue()[0];
        }
        int existingHeading = from < region.getValue()[0] ? out.indexOf(freshLines.get(from)) : -1;
        List<String> section;
        int at;
        if (existingHeading >= 0) {
          // The heading is still there (only the part was deleted): the part goes right under it.
          section = new ArrayList<>(freshLines.subList(region.getValue()[0], region.getValue()[1] + 1));
          at = existingHeading + 1;
        } else {
          section = new ArrayList<>(freshLines.subList(from, region.getValue()[1] + 1));
          at = previous == null || !now.parts().containsKey(previous)
              ? (now.guideLine() >= 0 ? now.guideLine() + 1 : 0)
              : now.sectionEnd(now.parts().get(previous)[1], 2, out.size(), false);
        }
        List<String> padded = new ArrayList<>();
        if (at > 0 && !out.get(at - 1).isBlank()) {
          padded.add("");
        }
        padded.addAll(section);
        padded.add("");
        out.addAll(at, padded);
        notes.add("added the generated part '" + key + "'");
      }
      previous = key;
    }
    return out;
  }

  private static Lines layout(String text) {
    return GuideLayout.read(text).lines();
  }

  private static void replace(List<String> lines, int from, int to, List<String> with) {
    lines.subList(from, to).clear();
    lines.addAll(from, with);
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
