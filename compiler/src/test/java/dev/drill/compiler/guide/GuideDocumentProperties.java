package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.guide.GuideDocument.BlockItem;
import dev.drill.compiler.guide.GuideDocument.BlockKind;
import dev.drill.compiler.guide.GuideDocument.CodeBlockItem;
import dev.drill.compiler.guide.GuideDocument.CodeSpanItem;
import dev.drill.compiler.guide.GuideDocument.HeadingItem;
import dev.drill.compiler.guide.GuideDocument.Item;
import dev.drill.compiler.guide.GuideDocument.MarkerItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * A guide reads as a full CommonMark parse reads it, though only the paragraphs and headings
 * that hold an HTML comment are inline-parsed: the same markers, headings, code blocks and
 * code spans at the same positions, grouped by the same paragraphs, over Markdown made of the
 * pieces that matter (markers, code spans, links to definitions, containers, lazy lines, tabs).
 */
class GuideDocumentProperties {

  private static final Parser FULL = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();

  /** An item as a comparable value; a paragraph or heading is named by where it starts. */
  private static List<String> described(List<Item> items) {
    Map<Node, String> blocks = new IdentityHashMap<>();
    List<String> out = new ArrayList<>();
    for (Item item : items) {
      if (item instanceof MarkerItem m) {
        out.add("marker " + m.marker() + " " + m.position() + " inline=" + m.inline() + " in "
            + m.block().map(b -> block(b, blocks)).orElse("-"));
      } else if (item instanceof HeadingItem h) {
        out.add("heading " + h.level() + " " + h.position() + "-" + h.lastLine() + " "
            + h.markers().stream().map(m -> m.marker() + "@" + m.position()).toList());
      } else if (item instanceof CodeBlockItem c) {
        out.add("code block " + c.info() + " " + c.position() + " " + c.code());
      } else if (item instanceof BlockItem b) {
        out.add("block " + b.kind() + " " + b.position() + "-" + b.lastLine() + " closed=" + b.closed());
      } else if (item instanceof CodeSpanItem c) {
        out.add("code " + c.code() + " " + c.position() + " in " + block(c.block(), blocks));
      }
    }
    return out;
  }

  private static String block(Node node, Map<Node, String> names) {
    return names.computeIfAbsent(node, n -> n.getClass().getSimpleName() + "@"
        + (n.getSourceSpans().isEmpty() ? "?" : n.getSourceSpans().get(0).getLineIndex() + ":"
            + n.getSourceSpans().get(0).getColumnIndex()) + "#" + names.size());
  }

  /** The items of a full parse, keeping inline ones only where the guide reader looks: blocks with a comment. */
  private static List<Item> fullParse(String markdown) {
    List<Item> items = new ArrayList<>();
    FULL.parse(markdown).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        items.add(new BlockItem(BlockKind.HTML, position(block), lastLine(block), GuideDocument.closes(block.getLiteral())));
        GuideMarkers.parseAll(block.getLiteral())
            .forEach(m -> items.add(new MarkerItem(m, position(block), false, Optional.empty())));
      }

      @Override
      public void visit(HtmlInline inline) {
        if (looked(inline, markdown)) {
          GuideMarkers.parseAll(inline.getLiteral())
              .forEach(m -> items.add(new MarkerItem(m, position(inline), true, Optional.of(inline.getParent()))));
        }
      }

      @Override
      public void visit(Heading heading) {
        List<MarkerItem> markers = new ArrayList<>();
        if (looked(heading, markdown)) {
          for (Node child = heading.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof HtmlInline html) {
              GuideMarkers.parseAll(html.getLiteral())
                  .forEach(m -> markers.add(new MarkerItem(m, position(html), true, Optional.of(heading))));
            }
          }
        }
        List<SourceSpan> spans = heading.getSourceSpans();
        items.add(new HeadingItem(heading.getLevel(), position(heading),
            spans.get(spans.size() - 1).getLineIndex() + 1, markers));
      }

      @Override
      public void visit(IndentedCodeBlock block) {
        items.add(new BlockItem(BlockKind.CODE, position(block), lastLine(block), true));
      }

      @Override
      public void visit(FencedCodeBlock block) {
        items.add(new BlockItem(BlockKind.CODE, position(block), lastLine(block), block.getClosingFenceLength() != null));
        String info = block.getInfo() == null ? "" : block.getInfo().trim();
        items.add(new CodeBlockItem(info.split("\\s+")[0], block.getLiteral(), position(block)));
      }

      @Override
      public void visit(Code code) {
        if (looked(code, markdown)) {
          items.add(new CodeSpanItem(code.getLiteral(), position(code), code.getParent()));
        }
      }
    });
    return items;
  }

  /** Whether the paragraph or heading a node stands in holds an HTML comment. */
  private static boolean looked(Node node, String markdown) {
    Node block = node;
    while (!(block instanceof Paragraph || block instanceof Heading)) {
      block = block.getParent();
    }
    for (SourceSpan span : block.getSourceSpans()) {
      if (markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()).contains("<!--")) {
        return true;
      }
    }
    return false;
  }

  private static int lastLine(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? 1 : spans.get(spans.size() - 1).getLineIndex() + 1;
  }

  private static GuideDocument.Position position(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    return spans.isEmpty() ? new GuideDocument.Position(1, 1)
        : new GuideDocument.Position(spans.get(0).getLineIndex() + 1, spans.get(0).getColumnIndex() + 1);
  }

  static void assertReadsAsAFullParse(String markdown) {
    assertEquals(described(fullParse(markdown)), described(GuideDocument.parse(markdown).items()), markdown);
  }

  @Provide
  Arbitrary<String> markdown() {
    Arbitrary<String> line = Arbitraries.of(
        "", "", "", "# Title <!-- drill:guide d sha256:1 -->", "### 1. Restart <!-- drill:step a h1 -->",
        "## 2. Replay <!-- drill:step b h2 --> `not a probe`", "## Procedure", "Setext <!-- drill:step c h -->", "===",
        "---", "<!-- drill:begin step a -->", "<!-- drill:end step a -->", "<!-- drill:guide d sha256:2 -->",
        "- **Signal** <!-- drill:signal s h -->: `probe x`", "**Verify** <!-- drill:verify a h --> `cmd`",
        "> quote <!-- drill:check c h --> `q`", "> plain `q2`", "lazy `after quote`", "text `code` more",
        "[link `c` <!-- drill:signal t h -->][ref]", "[ref] `after` <!-- drill:check r h -->", "[ref]: /url",
        "[Ref]: /other 'title'", "*emph <!-- drill:check e h --> `x`*", "```sh", "```", "~~~http", "run `x`",
        "\tindented `tab` <!-- drill:signal i h -->", "  - nested <!-- drill:verify v h --> `y`",
        " \t> tabbed quote <!-- drill:check q h --> `tq`", "1. item `z` <!-- drill:step n h -->", "2) `two`",
        "<div>", "</div>", "text <!-- not closed", "`` double `tick` <!-- drill:signal d h --> ``",
        "\\<!-- drill:signal escaped h --> `e`", "<b>html</b> `code` <!-- drill:check b h -->",
        "    indented code <!-- drill:step ic h -->", "<!-- drill:begin procedure --><!-- drill:end procedure -->",
        "![img `alt` <!-- drill:verify im h -->](/src)", "[inline `l` <!-- drill:check il h -->](/x)");
    return line.list().ofMinSize(1).ofMaxSize(25).map(lines -> String.join("\n", lines) + "\n");
  }

  @Property(tries = 3000)
  void readsWhatAFullParseReadsWhereItLooks(@ForAll("markdown") String markdown) {
    assertReadsAsAFullParse(markdown);
    Statistics.collect(markdown.contains("][ref]") && markdown.contains("[ref]: ") ? "reference link" : "other");
    Statistics.coverage(c -> c.check("reference link").percentage(p -> p >= 5));
  }

  /** The guides of the samples and the test corpus, as drill generated them or as their tests edited them. */
  static List<String> guides() throws IOException {
    List<Path> guides;
    try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("src/test/resources/testdata")),
        Files.walk(Path.of("../samples")))) {
      guides = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    List<String> out = new ArrayList<>();
    for (Path guide : guides) {
      out.add(Files.readString(guide));
    }
    return out;
  }

  /**
   * Guides edited a line at a time, with lines at the edge of what {@link PlainBlocks} reads:
   * a list or a fence that almost is one, a lazy line, a setext underline, an indented line.
   */
  @Provide
  Arbitrary<String> editedGuide() throws IOException {
    Arbitrary<String> line = Arbitraries.of(
        "", "   ", "text `code` <!-- drill:signal s h -->", "more text", "(paren `p`) <!-- drill:check p h -->",
        "| a | `b` |", "|---|---|", "`span` first <!-- drill:verify v h --> `x`", "``two`` ticks", "*emph* <!-- drill:check e h --> `e`",
        "**bold <!-- drill:verify b h --> `y`**", "**Who:** `operator`", "* star item", "*", "- item `i` <!-- drill:signal i h -->",
        "- **Sig** <!-- drill:signal t h -->: `probe`", "- ", "-", "-x", "- - -", "---", "===", "***", "1. one <!-- drill:check o h --> `o`",
        "2. two", "2) paren `two`", "10. ten", "1234567890. long", "1.", "1. ", "  indented `i`", "    code <!-- drill:step c h -->",
        "  - nested <!-- drill:verify n h --> `n`", "```", "````", "```sh", "``` sh", "```sh x", "```s`h", "```~", "  ```", "    ```",
        "~~~", "<!-- drill:begin step a -->", "<!-- drill:end step a -->", "<!-- drill:end step a", "<!-- drill:begin method --> trailing",
        "<!-->", "<!---->", "-->", "<div>", "# ", "#", "####### seven", "## Heading ##", "## Heading #", "## Heading ", "#hash",
        "##  two spaces", "### 1. Step <!-- drill:step a h1 -->", "## Step <!-- drill:step b h --> `c`", "[ref]: /u",
        "[x][ref] <!-- drill:check r h --> `r`", "\\<!-- drill:signal esc h -->", "> quote <!-- drill:check q h --> `q`",
        "text\ttab", "```\t", "\t```", "\t", "# \fform feed", "#\ttab <!-- drill:step t h -->", "## tab\t", "-\ttab item",
        "text\rcr <!-- drill:signal cr h --> `cr`", "<!-- drill:begin a -->\r", "café `c` <!-- drill:signal u h -->", "&amp; entity", "Setext <!-- drill:step s h -->", "A\u0000nul",
        // Past Latin-1, some with the low byte of a character PlainBlocks tells apart ('\n', '#', '`', '<', '-').
        "\u2192 arrow `a` <!-- drill:signal ar h -->", "## Step \u2192 <!-- drill:step ar h -->", "```sh\u2192", "- \u2713 done",
        "\u010a newline's byte", "\u0123 hash's byte", "\u0160\u0160\u0160 ticks' bytes", "\u013c!-- lt's byte -->", "\u012d item");
    Arbitrary<String> guide = Arbitraries.of(guides());
    return guide.flatMap(text -> {
      List<String> lines = List.of(text.split("\n", -1));
      Arbitrary<Integer> at = Arbitraries.integers().between(0, lines.size());
      Arbitrary<List<Object[]>> edits = Combinators.combine(at, line, Arbitraries.integers().between(0, 2))
          .as((where, what, how) -> new Object[] {where, what, how}).list().ofMaxSize(4);
      return edits.map(list -> {
        List<String> edited = new ArrayList<>(lines);
        for (Object[] edit : list) {
          int where = Math.min((Integer) edit[0], edited.size() - 1);
          switch ((Integer) edit[2]) {
            case 0 -> edited.add(where, (String) edit[1]);
            case 1 -> edited.set(where, (String) edit[1]);
            default -> edited.remove(where);
          }
        }
        return String.join("\n", edited);
      });
    });
  }

  @Property(tries = 3000)
  void anEditedGuideReadsAsAFullParse(@ForAll("editedGuide") String markdown) {
    assertReadsAsAFullParse(markdown);
    Statistics.collect(PlainBlocks.read(markdown, (lines, block) -> { }).isPresent() ? "plain" : "parsed in full");
    Statistics.coverage(c -> {
      c.check("plain").percentage(p -> p >= 20);
      c.check("parsed in full").percentage(p -> p >= 20);
    });
  }

  @Test
  void theGuidesDrillWritesAreReadWithoutCommonMarksBlockParser() throws IOException {
    for (String guide : guides()) {
      if (guide.contains("<!-- drill:guide") && !guide.contains("\t") && !guide.contains("\r")) {
        assertTrue(PlainBlocks.read(guide, (lines, block) -> { }).isPresent(), guide);
      }
    }
  }

  @Test
  void theGuidesOfTheSamplesAndTheCorpusReadAsAFullParse() throws IOException {
    List<Path> guides;
    try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("src/test/resources/testdata")),
        Files.walk(Path.of("../samples")))) {
      guides = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    for (Path guide : guides) {
      assertReadsAsAFullParse(Files.readString(guide));
    }
  }
}
