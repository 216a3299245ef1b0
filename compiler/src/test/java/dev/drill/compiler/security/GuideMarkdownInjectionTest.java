package dev.drill.compiler.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.guide.GuideChecker;
import dev.drill.compiler.guide.GuideRenderer;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Titles, step titles and manual instructions are the drill author's text; whatever they
 * hold (headings, HTML, fences, tables, drill's own markers), the guide keeps the structure
 * it has with plain text: the same headings, the same HTML, the same blocks.
 */
class GuideMarkdownInjectionTest {

  private static final Parser PARSER = Parser.builder().build();

  private static final String PLAIN = "Plain words";

  private static String drill(String text) {
    return String.join("\n",
        "drill cache-node-loss {",
        "  title \"" + text + "\"",
        "  owner \"platform\"",
        "  roles { operator \"" + text + "\" }",
        "  inject kill { manual \"" + text + "\" }",
        "  detect any within 5m {",
        "    signal paged \"" + text + "\" { manual \"" + text + "\" }",
        "  }",
        "  recover within 20m {",
        "    step restart \"" + text + "\" by operator { manual \"" + text + "\" }",
        "    step tell \"" + text + "\" by operator after restart { run \"echo '" + text + "'\" }",
        "  }",
        "}", "");
  }

  private static Plan plan(String text) {
    CompileResult result = DrillCompiler.compile("x.drill", drill(text).getBytes(StandardCharsets.UTF_8));
    return result.plan().orElseThrow(() -> new AssertionError(result.diagnostics()));
  }

  /** Block and inline structure: every node's type, headings with their level, raw HTML as it is. */
  private static List<String> structure(String markdown) {
    List<String> out = new ArrayList<>();
    Node doc = PARSER.parse(markdown);
    doc.accept(new AbstractVisitor() {
      @Override
      protected void visitChildren(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
          if (n instanceof Heading) {
            out.add("h" + ((Heading) n).getLevel());
          } else if (n instanceof HtmlBlock) {
            out.add("html-block " + ((HtmlBlock) n).getLiteral().strip().replaceAll("\\b[0-9a-f]{8,}\\b", "#"));
          } else if (n instanceof HtmlInline) {
            out.add("html-inline " + ((HtmlInline) n).getLiteral().replaceAll("\\b[0-9a-f]{8,}\\b", "#"));
          } else if (!(n instanceof org.commonmark.node.Text)) {
            out.add(n.getClass().getSimpleName());
          }
          n.accept(this);
        }
      }
    });
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "# heading",
      "<script>alert(1)</script>",
      "``` fence",
      "~~~ tilde",
      "| a | b |",
      "--- rule ---",
      "[link](javascript:alert(1)) ![img](x.png) *em* **strong** _u_",
      "<!-- drill:end --> <!-- drill:begin step restart -->",
      "1. ordered > quote - dash + plus",
      "back`tick ``two`` and \\\\ backslash &amp; entity",
  })
  void hostileTextKeepsTheGuidesStructure(String hostile) throws Exception {
    GuideRenderer renderer = GuideRenderer.builtIn();
    String plain = renderer.render(plan(PLAIN));
    String hostileGuide = renderer.render(plan(hostile));
    assertEquals(structure(plain), structure(hostileGuide), hostileGuide);
    // so no raw HTML came in: "<script>" appears only escaped, in code spans and in fences
    assertTrue(GuideChecker.check(plan(hostile), new SourceFile("x.md", hostileGuide)).isEmpty(),
        "the guide still checks against its drill");
  }
}
