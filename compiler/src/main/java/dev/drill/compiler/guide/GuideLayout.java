package dev.drill.compiler.guide;

import dev.drill.compiler.guide.GuideDocument.CodeSpanItem;
import dev.drill.compiler.guide.GuideDocument.HeadingItem;
import dev.drill.compiler.guide.GuideDocument.Item;
import dev.drill.compiler.guide.GuideDocument.MarkerItem;
import dev.drill.compiler.guide.GuideDocument.Position;
import dev.drill.compiler.guide.GuideMarkers.Marker;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.node.Node;

/**
 * The layout of a guide, read once from its Markdown: its markers by kind, its generated
 * parts, the sections of its recovery steps (headings with a {@code drill:step} marker) and
 * the code spans beside its markers. {@code drill check} holds it against the plan;
 * {@code drill guide --update} edits the guide by its {@link #lines() lines}.
 *
 * <p>The two read a broken guide differently, on purpose. The check pairs begin and end
 * markers strictly: a part opened inside another, a second part with the same key, an end
 * without its begin and a part never closed are {@link BrokenPart broken} (D610), and a part
 * runs from its begin marker to the next begin or end marker. The update reads the same
 * items by line ({@link LineLayout}): it repairs what it can and refuses what it cannot tell.
 */
final class GuideLayout {

  /** A generated part as the check reads it: where its begin marker is, and what stands after it. */
  record Part(String key, Position begin, List<Item> items) {}

  /** How the begin and end markers of a guide fail to pair up. */
  enum Breakage {
    /** A begin marker while another part is open ({@code open}). */
    NESTED,
    /** A begin marker of a part the guide already has. */
    SECOND,
    /** An end marker that does not close the open part ({@code open}, if any). */
    END_WITHOUT_BEGIN,
    /** A part still open at the end of the guide. */
    UNCLOSED
  }

  /** A marker that breaks the pairing, where it is, and the part open at that point. */
  record BrokenPart(Breakage breakage, String key, Optional<String> open, Position at) {}

  /** A {@code drill:step} marker in a heading: the section of a recovery step. */
  record StepHeading(String id, String hash, HeadingItem heading) {}

  private final String markdown;
  private final List<Item> items;
  private final Map<MarkerKind, List<MarkerItem>> markers = new EnumMap<>(MarkerKind.class);
  private final List<Marker> allMarkers = new ArrayList<>();
  private final List<StepHeading> stepHeadings = new ArrayList<>();
  private final Map<String, Part> parts = new LinkedHashMap<>();
  private final List<BrokenPart> broken = new ArrayList<>();
  private Map<Node, List<CodeSpanItem>> codeSpans;

  private GuideLayout(String markdown) {
    this.markdown = markdown;
    this.items = GuideDocument.parse(markdown).items();
    for (Item item : items) {
      if (item instanceof HeadingItem heading) {
        for (MarkerItem marker : heading.markers()) {
          Marker m = marker.marker();
          allMarkers.add(m);
          if (m.kind() == MarkerKind.STEP) {
            stepHeadings.add(new StepHeading(m.arg(0), m.arg(1), heading));
          }
        }
      } else if (item instanceof MarkerItem m) {
        allMarkers.add(m.marker());
        markers.computeIfAbsent(m.marker().kind(), k -> new ArrayList<>()).add(m);
      }
    }
    pairParts();
  }

  static GuideLayout read(String markdown) {
    return new GuideLayout(markdown);
  }

  /** Every marker outside headings of this kind, in the paragraph it stands in or on a line of its own. */
  List<MarkerItem> markers(MarkerKind kind) {
    return markers.getOrDefault(kind, List.of());
  }

  /** Every marker, headings' included, in document order. */
  List<Marker> allMarkers() {
    return allMarkers;
  }

  /** The first {@code drill:guide} marker on a line of its own, else the first anywhere. */
  Optional<MarkerItem> guideMarker() {
    List<MarkerItem> guides = markers(MarkerKind.GUIDE);
    for (MarkerItem guide : guides) {
      if (!guide.inline()) {
        return Optional.of(guide);
      }
    }
    return guides.isEmpty() ? Optional.empty() : Optional.of(guides.get(0));
  }

  /** Everything read from the Markdown, in document order. */
  List<Item> items() {
    return items;
  }

  /** The Markdown the layout was read from. */
  String markdown() {
    return markdown;
  }

  /** Every step marker of every heading, in document order. */
  List<StepHeading> stepHeadings() {
    return stepHeadings;
  }

  /** The generated parts, the first of each key. */
  Map<String, Part> parts() {
    return parts;
  }

  /** What breaks the pairing of begin and end markers, in document order. */
  List<BrokenPart> broken() {
    return broken;
  }

  /** Where a part begins; without it, at the guide marker, or the top. */
  Position partBegin(String key) {
    Part part = parts.get(key);
    if (part != null) {
      return part.begin();
    }
    return guideMarker().map(MarkerItem::position).orElse(new Position(1, 1));
  }

  /** The code spans in a paragraph or list item, in order: where probes are documented. */
  List<CodeSpanItem> codeSpansIn(Node block) {
    if (codeSpans == null) {
      codeSpans = new IdentityHashMap<>();
      for (Item item : items) {
        if (item instanceof CodeSpanItem span) {
          codeSpans.computeIfAbsent(span.block(), b -> new ArrayList<>()).add(span);
        }
      }
    }
    return codeSpans.getOrDefault(block, List.of());
  }

  private void pairParts() {
    Part open = null;
    for (Item item : items) {
      if (item instanceof MarkerItem m && !m.inline()) {
        MarkerKind kind = m.marker().kind();
        String key = m.marker().key();
        if (kind == MarkerKind.BEGIN) {
          if (open != null) {
            broken.add(new BrokenPart(Breakage.NESTED, key, Optional.of(open.key()), m.position()));
          } else if (parts.containsKey(key)) {
            broken.add(new BrokenPart(Breakage.SECOND, key, Optional.empty(), m.position()));
          }
          open = new Part(key, m.position(), new ArrayList<>());
          parts.putIfAbsent(key, open);
          continue;
        }
        if (kind == MarkerKind.END) {
          if (open == null || !open.key().equals(key)) {
            broken.add(new BrokenPart(Breakage.END_WITHOUT_BEGIN, key,
                Optional.ofNullable(open).map(Part::key), m.position()));
          } else {
            open = null;
          }
          continue;
        }
      }
      if (open != null) {
        open.items().add(item);
      }
    }
    if (open != null) {
      broken.add(new BrokenPart(Breakage.UNCLOSED, open.key(), Optional.empty(), open.begin()));
    }
  }
}
