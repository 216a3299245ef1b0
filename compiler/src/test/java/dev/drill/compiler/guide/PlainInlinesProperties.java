package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.junit.jupiter.api.Test;

/**
 * A paragraph or heading that {@link PlainInlines} reads gets the code spans and comments
 * CommonMark's inline parser gives it: the same literals, the same source spans (line, column,
 * input index, length), each a child of the block itself, in the same order; and a guide reads
 * to the same items as a full CommonMark parse, over drill's marker lines and over guides edited
 * with the characters that change what CommonMark makes of a line.
 */
class PlainInlinesProperties {

  /** What one parse saw: how many blocks with a comment were read plain, and how many were left to CommonMark. */
  private static final class Seen {
    int plain;
    int givenUp;
  }

  /**
   * Parses as CommonMark does, and for every block that holds a comment also reads it with
   * {@link PlainInlines}: where that reads it, its nodes must be CommonMark's.
   */
  private static Seen compare(String markdown) {
    Seen seen = new Seen();
    Parser parser = Parser.builder()
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
        .inlineParserFactory(context -> {
          InlineParser commonMark = new InlineParserImpl(context);
          return (lines, block) -> {
            commonMark.parse(lines, block);
            if (lines.getContent().contains("<!--")) {
              Node shadow = new Paragraph();
              if (PlainInlines.read(lines, shadow)) {
                seen.plain++;
                assertEquals(codeAndHtml(block, block), codeAndHtml(shadow, shadow), markdown);
              } else {
                seen.givenUp++;
                assertNull(shadow.getFirstChild(), "a block given up on is left as it was");
              }
            }
          };
        })
        .build();
    parser.parse(markdown);
    return seen;
  }

  /** The code spans and HTML of a block, in document order, each with its literal, spans and whether the block is its parent. */
  private static List<String> codeAndHtml(Node node, Node block) {
    List<String> out = new ArrayList<>();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      String where = child.getParent() == block ? "child" : "nested";
      if (child instanceof Code code) {
        out.add("code " + code.getLiteral() + " " + spans(code) + " " + where);
      } else if (child instanceof HtmlInline html) {
        out.add("html " + html.getLiteral() + " " + spans(html) + " " + where);
      }
      out.addAll(codeAndHtml(child, block));
    }
    return out;
  }

  private static String spans(Node node) {
    List<String> out = new ArrayList<>();
    for (SourceSpan s : node.getSourceSpans()) {
      out.add(s.getLineIndex() + ":" + s.getColumnIndex() + "@" + s.getInputIndex() + "+" + s.getLength());
    }
    return out.toString();
  }

  private static final List<String> SNIPPETS = List.of(
      "`", "``", "```", "`c`", "``c``", "`` ` ``", "` c `", "` `", "`  `", "` \t `", "`a``b`", "*", "**", "***",
      "*w*", "**w**", "***w***", "x*", "*x", "_", "__", "_w_", "\\", "\\`", "&amp;", "&", "[x](y)", "[x]", "]", "![i](s)",
      "<b>", "</b>", "<http://x>", "<!-->", "<!--->", "<!---->", "<!-- a -- b -->", "<!-- a --->", "<!--a-->",
      "<!-- drill:check z h -->", "<!-- open", "-->", " -->", "é", "ß", "→", "\u00a0", " ", "  ", "\t", "!", ":", "(",
      "2m", "w");

  private static final List<String> LINES = List.of(
      "- **Sig** <!-- drill:signal s 1 -->: `probe`", "### 1. Step <!-- drill:step a 2 -->",
      "**Verify** within 2m: <!-- drill:verify v 3 --> `http GET \"x\" expect status == 200`, checked every 5s",
      "- **Check** <!-- drill:check c 4 -->: ``a `tick` b``, checked every 10s", "text <!-- drill:signal t 5 --> *em* `x`",
      "<!-- drill:begin step a -->", "<!-- drill:end step a -->", "", "plain words", "*Who:* `x` <!-- drill:check w 6 -->");

  /** Drill's marker lines and paragraphs, with snippets put in at random columns. */
  @Provide
  Arbitrary<String> markerLines() {
    Arbitrary<String> edited = Combinators.combine(Arbitraries.of(LINES),
            Arbitraries.of(SNIPPETS).list().ofMaxSize(3), Arbitraries.integers().between(0, 200).list().ofSize(3))
        .as((line, snippets, columns) -> {
          String out = line;
          for (int i = 0; i < snippets.size(); i++) {
            int at = columns.get(i) % (out.length() + 1);
            out = out.substring(0, at) + snippets.get(i) + out.substring(at);
          }
          return out;
        });
    return edited.list().ofMinSize(1).ofMaxSize(6).map(lines -> String.join("\n", lines) + "\n");
  }

  /** The guides of the samples and the corpus, with snippets put in at random columns, mostly of lines that hold a comment. */
  @Provide
  Arbitrary<String> editedGuide() throws IOException {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 100_000);
    return Arbitraries.of(GuideDocumentProperties.guides()).flatMap(text -> Combinators.combine(
            at.list().ofSize(4), at.list().ofSize(4), Arbitraries.of(SNIPPETS).list().ofMinSize(1).ofMaxSize(4))
        .as((lineChoices, columns, snippets) -> {
          List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
          List<Integer> marked = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("<!--") && !lines.get(i).startsWith("<!--")) {
              marked.add(i);
            }
          }
          for (int i = 0; i < snippets.size(); i++) {
            int choice = lineChoices.get(i);
            int where = marked.isEmpty() || choice % 4 == 0 ? choice % lines.size() : marked.get(choice % marked.size());
            String line = lines.get(where);
            int column = columns.get(i) % (line.length() + 1);
            lines.set(where, line.substring(0, column) + snippets.get(i) + line.substring(column));
          }
          return String.join("\n", lines);
        }));
  }

  @Property(tries = 3000)
  void markerLinesReadPlainAsCommonMarkReadsThem(@ForAll("markerLines") String markdown) {
    holdsAndCount(markdown);
  }

  @Property(tries = 4000)
  void editedGuidesReadPlainAsCommonMarkReadsThem(@ForAll("editedGuide") String markdown) {
    holdsAndCount(markdown);
  }

  private static void holdsAndCount(String markdown) {
    Seen seen = compare(markdown);
    GuideDocumentProperties.assertReadsAsAFullParse(markdown);
    Statistics.label("read plain").collect(seen.plain > 0);
    Statistics.label("given up").collect(seen.givenUp > 0);
    Statistics.label("read plain").coverage(c -> c.check(true).percentage(p -> p >= 20));
    Statistics.label("given up").coverage(c -> c.check(true).percentage(p -> p >= 20));
  }

  @Test
  void theGuidesOfTheSamplesAndTheCorpusAreReadPlainAsCommonMarkReadsThem() throws IOException {
    int plain = 0;
    for (String guide : GuideDocumentProperties.guides()) {
      plain += compare(guide).plain;
    }
    assertTrue(plain > 100, "marker lines read plain: " + plain);
  }

  @Test
  void drillsMarkerLinesAreReadPlain() {
    SourceLine line = SourceLine.of("**Verify** within 2m: <!-- drill:verify v h --> `` a`b ``, checked",
        SourceSpan.of(7, 2, 90, 66));
    Node block = new Paragraph();
    assertTrue(PlainInlines.read(SourceLines.of(line), block));
    assertEquals(List.of("html <!-- drill:verify v h --> [7:24@112+25] child", "code a`b [7:50@138+9] child"),
        codeAndHtml(block, block));
  }
}
