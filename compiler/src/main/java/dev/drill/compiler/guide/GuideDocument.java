package dev.drill.compiler.guide;

import dev.drill.compiler.guide.GuideMarkers.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * A guide as the check and the updater see it: the markers, headings, code blocks and
 * code spans of the Markdown, in document order, each with its 1-based position. Read
 * with CommonMark, so a marker inside a code block is text, not a marker.
 */
final class GuideDocument {

  private static final Parser PARSER = Parser.builder()
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
      .inlineParserFactory(GuideDocument::markerBlocksOnly)
      .build();

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** A position in the guide, 1-based. */
  record Position(int line, int column) {}

  sealed interface Item {
    Position position();
  }

  /** A marker; {@code block} is the paragraph or heading an inline marker stands in, if any. */
  record MarkerItem(Marker marker, Position position, boolean inline, Optional<Node> block) implements Item {}

  record HeadingItem(int level, Position position, List<Marker> markers) implements Item {}

  record CodeBlockItem(String info, String code, Position position) implements Item {}

  record CodeSpanItem(String code, Position position, Node block) implements Item {}

  private final List<Item> items;

  private GuideDocument(List<Item> items) {
    this.items = List.copyOf(items);
  }

  static GuideDocument parse(String markdown) {
    List<Item> items = new ArrayList<>();
    PARSER.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        for (Marker marker : GuideMarkers.parseAll(block.getLiteral())) {
          items.add(new MarkerItem(marker, position(block), false, Optional.empty()));
        }
      }

      @Override
      public void visit(HtmlInline inline) {
        for (Marker marker : GuideMarkers.parseAll(inline.getLiteral())) {
          items.add(new MarkerItem(marker, position(inline), true, Optional.of(inline.getParent())));
        }
      }

      @Override
      public void visit(Heading heading) {
        List<Marker> markers = new ArrayList<>();
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof HtmlInline) {
            markers.addAll(GuideMarkers.parseAll(((HtmlInline) child).getLiteral()));
          }
        }
        items.add(new HeadingItem(heading.getLevel(), position(heading), markers));
      }

      @Override
      public void visit(FencedCodeBlock block) {
        String info = block.getInfo() == null ? "" : block.getInfo().trim();
        items.add(new CodeBlockItem(WHITESPACE.split(info)[0], block.getLiteral(), position(block)));
      }

      @Override
      public void visit(Code code) {
        items.add(new CodeSpanItem(code.getLiteral(), position(code), code.getParent()));
      }
    });
    return new GuideDocument(items);
  }

  /**
   * Inline-parses only the paragraphs and headings that hold an HTML comment. Only they can
   * hold an inline marker, and code spans are compared only next to one: the rest of a
   * guide's prose and tables (most of it) is never looked at, and inline parsing is most
   * of CommonMark's work. commonmark-java has no public handle on its default inline
   * parser, hence the internal class (the version is pinned).
   */
  private static InlineParser markerBlocksOnly(InlineParserContext context) {
    InlineParser full = new InlineParserImpl(context);
    return (lines, block) -> {
      if (holdsComment(lines)) {
        full.parse(lines, block);
      }
    };
  }

  private static boolean holdsComment(SourceLines lines) {
    for (SourceLine line : lines.getLines()) {
      if (line.getContent().toString().contains("<!--")) {
        return true;
      }
    }
    return false;
  }

  List<Item> items() {
    return items;
  }

  private static Position position(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      return new Position(1, 1);
    }
    return new Position(spans.get(0).getLineIndex() + 1, spans.get(0).getColumnIndex() + 1);
  }
}
