package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import dev.drill.plan.Markdown;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** User text cannot change a guide's structure: it reads back as the same text, in one paragraph. */
class MarkdownTest {

  private static final Parser PARSER = Parser.builder().build();

  /** The text of a document that must be one paragraph of plain text and nothing else. */
  private static String readBack(String markdown) {
    Node doc = PARSER.parse(markdown);
    List<String> problems = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    if (!(doc.getFirstChild() instanceof Paragraph) || doc.getFirstChild().getNext() != null) {
      problems.add("not a single paragraph: " + doc.getFirstChild());
    }
    doc.accept(new AbstractVisitor() {
      @Override
      public void visit(Text node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(Code node) {
        text.append("<code>").append(node.getLiteral()).append("</code>");
      }

      @Override
      protected void visitChildren(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
          if (!(child instanceof Text || child instanceof Paragraph || child instanceof Code)) {
            problems.add("markup: " + child.getClass().getSimpleName());
          }
          child.accept(this);
        }
      }
    });
    return problems.isEmpty() ? text.toString() : String.join("; ", problems);
  }

  @Test
  void knownAttacksStayText() {
    for (String title : List.of("# not a heading", "- not a list", "1. not a list", "> not a quote",
        "<script>alert(1)</script>", "**bold** _it_ `code` [link](http://x) ![img](y)", "| a | b |",
        "&amp; &#x41;", "\\ backslash", "~~~ fence", "--- rule", "=== setext", "+ plus", "2) paren")) {
      assertEquals(title, readBack(Markdown.text(title)), title);
    }
  }

  @Property(tries = 2000)
  void anyTextReadsBackAsItself(
      @ForAll @StringLength(min = 1, max = 40) @Chars({'a', ' ', '#', '*', '_', '`', '[', ']', '(', ')', '<', '>',
          '!', '|', '~', '&', ';', '\\', '-', '+', '=', '.', '1', ':', '"', '\''}) String raw) {
    String expected = raw.strip().replaceAll(" +", " ");
    String actual = readBack(Markdown.text(raw)).strip().replaceAll(" +", " ");
    if (!expected.isEmpty()) {
      assertEquals(expected, actual);
    }
  }

  @Property(tries = 1000)
  void aCodeSpanHoldsAnyText(
      @ForAll @StringLength(min = 1, max = 30) @Chars({'a', ' ', '`', '*', '<', '>', '\\'}) String raw) {
    assertEquals("<code>" + raw + "</code>", readBack("x " + Markdown.code(raw)).substring(2));
  }
}
