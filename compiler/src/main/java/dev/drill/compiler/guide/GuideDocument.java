package dev.drill.compiler.guide;

import dev.drill.compiler.guide.GuideMarkers.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.DefinitionMap;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * A guide as the check and the updater see it: the markers, headings, code blocks and
 * code spans of the Markdown, in document order, each with its 1-based position. Read
 * with CommonMark, so a marker inside a code block is text, not a marker.
 */
final class GuideDocument {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** A position in the guide, 1-based. */
  record Position(int line, int column) {}

  sealed interface Item {
    Position position();
  }

  /** A marker; {@code block} is the paragraph or heading an inline marker stands in, if any. */
  record MarkerItem(Marker marker, Position position, boolean inline, Optional<Node> block) implements Item {}

  /** A heading, over its lines ({@code lastLine} 1-based: a setext heading has two), and the markers in it. */
  record HeadingItem(int level, Position position, int lastLine, List<MarkerItem> markers) implements Item {}

  record CodeBlockItem(String info, String code, Position position) implements Item {}

  /** The kinds of block whose lines CommonMark does not read as Markdown. */
  enum BlockKind {
    /** A fenced or indented code block. */
    CODE,
    /** An HTML block (a comment, a tag). */
    HTML
  }

  /**
   * A code or HTML block over its lines ({@code lastLine} 1-based); {@code closed} is false for a
   * fenced code block without its closing fence, which runs to the end of the document.
   */
  record BlockItem(BlockKind kind, Position position, int lastLine, boolean closed) implements Item {}

  record CodeSpanItem(String code, Position position, Node block) implements Item {}

  private final List<Item> items;

  private GuideDocument(List<Item> items) {
    this.items = List.copyOf(items);
  }

  static GuideDocument parse(String markdown) {
    Node document = Inlines.parseDeferred(markdown);
    List<Item> items = new ArrayList<>();
    document.accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        items.add(new BlockItem(BlockKind.HTML, position(block), lastLine(block), closes(block.getLiteral())));
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
        List<MarkerItem> markers = new ArrayList<>();
        for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
          if (child instanceof HtmlInline html) {
            for (Marker marker : GuideMarkers.parseAll(html.getLiteral())) {
              markers.add(new MarkerItem(marker, position(html), true, Optional.of(heading)));
            }
          }
        }
        items.add(new HeadingItem(heading.getLevel(), position(heading), lastLine(heading), markers));
      }

      @Override
      public void visit(FencedCodeBlock block) {
        items.add(new BlockItem(BlockKind.CODE, position(block), lastLine(block),
            block.getClosingFenceLength() != null));
        String info = block.getInfo() == null ? "" : block.getInfo().trim();
        items.add(new CodeBlockItem(WHITESPACE.split(info)[0], block.getLiteral(), position(block)));
      }

      @Override
      public void visit(IndentedCodeBlock block) {
        items.add(new BlockItem(BlockKind.CODE, position(block), lastLine(block), true));
      }

      @Override
      public void visit(Code code) {
        items.add(new CodeSpanItem(code.getLiteral(), position(code), code.getParent()));
      }
    });
    return new GuideDocument(items);
  }

  List<Item> items() {
    return items;
  }

  /**
   * Whether an HTML block met its end condition (CommonMark's kinds 1 to 5 end at a closing
   * text, the others at a blank line); one that did not runs to the end of the document.
   */
  static boolean closes(String html) {
    if (html.startsWith("<!--")) {
      return html.indexOf("-->", 2) >= 0; // as below, without copying the text twice
    }
    String text = html.strip().toLowerCase(Locale.ROOT);
    if (text.startsWith("<!--")) {
      return text.indexOf("-->", 2) >= 0;
    }
    if (text.startsWith("<![cdata[")) {
      return text.contains("]]>");
    }
    if (text.startsWith("<?")) {
      return text.indexOf("?>", 2) >= 0;
    }
    if (text.startsWith("<!")) {
      return text.indexOf('>', 2) >= 0;
    }
    for (String tag : new String[] {"pre", "script", "style", "textarea"}) {
      if (text.matches("^<" + tag + "(\\s|>|$)(?s).*")) {
        return text.contains("</" + tag + ">");
      }
    }
    return true;
  }

  /** The 1-based line a block ends on. */
  private static int lastLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 1 : spans.get(spans.size() - 1).getLineIndex() + 1;
  }

  private static Position position(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      return new Position(1, 1);
    }
    return new Position(spans.get(0).getLineIndex() + 1, spans.get(0).getColumnIndex() + 1);
  }

  /**
   * Inline-parses only the paragraphs and headings that hold an HTML comment. Only they can
   * hold an inline marker, and code spans are compared only next to one: the rest of a
   * guide's prose and tables (most of it) is never looked at, and inline parsing is most of
   * CommonMark's work. Those written as drill writes them are read by {@link PlainInlines};
   * only the others go to CommonMark's inline parser.
   *
   * <p>commonmark-java has no public handle on its inline parser, but hands it to every block
   * parser. So the blocks are read first with inline parsing put off (by {@link PlainBlocks}
   * when the guide is plain, as drill writes it); then a second parse, of
   * one line whose only block is a {@link Host}, gets the inline parser, with the guide's link
   * reference definitions, that runs over the lines put off, into their own blocks: every
   * node and source position is what a full parse gives. Both parsers are built once; what
   * one parse of a guide puts off is kept for its thread, and so is the inline parser for
   * guides without definitions (it is reset for each block, as in any parse).
   */
  private static final class Inlines {

    private record Deferred(SourceLines lines, Node block) {}

    /** What the guide being read on this thread put off, its link reference definitions, and the host's inline parser. */
    private static final class Work {
      final List<Deferred> deferred = new ArrayList<>();
      DefinitionMap<LinkReferenceDefinition> definitions;
      InlineParser parser;

      /** Reads the block's inlines now when they are plain, else puts them off for CommonMark's inline parser. */
      void defer(SourceLines lines, Node block) {
        if (!PlainInlines.read(lines, block)) {
          deferred.add(new Deferred(lines, block));
        }
      }
    }

    private static final ThreadLocal<Work> WORK = new ThreadLocal<>();

    /**
     * This thread's inline parser for a guide without link reference definitions (nearly
     * every guide), kept: getting one is a parse of its own, and it holds nothing of a guide.
     */
    private static final ThreadLocal<InlineParser> WITHOUT_DEFINITIONS = new ThreadLocal<>();

    private static final Parser BLOCKS = Parser.builder()
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
        .inlineParserFactory(context -> (lines, block) -> {
          if (holdsComment(lines)) {
            WORK.get().defer(lines, block);
          }
        })
        .build();

    private static final Parser HOST = Parser.builder()
        .customBlockParserFactory(new AbstractBlockParserFactory() {
          @Override
          public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
            return BlockStart.of(new Host(WORK.get())).atIndex(state.getLine().getContent().length());
          }
        })
        .build();

    static Node parseDeferred(String markdown) {
      Work work = new Work();
      WORK.set(work);
      try {
        Optional<Node> plain = PlainBlocks.read(markdown, work::defer);
        Node document = plain.orElseGet(() -> BLOCKS.parse(markdown));
        if (!work.deferred.isEmpty()) {
          // A plain guide has no link reference definitions: none of its paragraphs starts with '['.
          DefinitionMap<LinkReferenceDefinition> definitions = plain.isPresent()
              ? new DefinitionMap<>(LinkReferenceDefinition.class) : definitions(document, markdown);
          InlineParser parser = definitions.keySet().isEmpty() ? withoutDefinitions(work) : parser(work, definitions);
          for (Deferred d : work.deferred) {
            parser.parse(d.lines(), d.block());
          }
        }
        return document;
      } finally {
        WORK.remove();
      }
    }

    private static InlineParser withoutDefinitions(Work work) {
      InlineParser parser = WITHOUT_DEFINITIONS.get();
      if (parser == null) {
        parser = parser(work, new DefinitionMap<>(LinkReferenceDefinition.class));
        WITHOUT_DEFINITIONS.set(parser);
      }
      return parser;
    }

    /** The inline parser of a document with these link reference definitions, from the host. */
    private static InlineParser parser(Work work, DefinitionMap<LinkReferenceDefinition> definitions) {
      work.definitions = definitions;
      // One line for the host; not a letter, since CommonMark tries no block start on one.
      HOST.parse("0");
      return work.parser;
    }

    /** The guide's link reference definitions, the first of each label winning, as CommonMark keeps them. */
    private static DefinitionMap<LinkReferenceDefinition> definitions(Node document, String markdown) {
      DefinitionMap<LinkReferenceDefinition> definitions = new DefinitionMap<>(LinkReferenceDefinition.class);
      if (markdown.contains("]:")) {
        document.accept(new AbstractVisitor() {
          @Override
          public void visit(LinkReferenceDefinition definition) {
            definitions.putIfAbsent(definition.getLabel(), definition);
          }
        });
      }
      return definitions;
    }

    private static boolean holdsComment(SourceLines lines) {
      for (SourceLine line : lines.getLines()) {
        if (line.getContent().toString().contains("<!--")) {
          return true;
        }
      }
      return false;
    }

    /** The block that receives the inline parser, for the guide's deferred lines. */
    private static final class Host extends AbstractBlockParser {
      private final Block block = new CustomBlock() {};
      private final Work work;

      Host(Work work) {
        this.work = work;
      }

      @Override
      public Block getBlock() {
        return block;
      }

      @Override
      public BlockContinue tryContinue(ParserState state) {
        return BlockContinue.none();
      }

      @Override
      public List<DefinitionMap<?>> getDefinitions() {
        return List.of(work.definitions);
      }

      @Override
      public void parseInlines(InlineParser inlineParser) {
        work.parser = inlineParser;
      }
    }
  }
}
