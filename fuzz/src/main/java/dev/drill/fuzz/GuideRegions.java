package dev.drill.fuzz;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Which lines of a guide are begin and end markers, as CommonMark reads them: an HTML block of
 * one line that is nothing but the marker. The same line inside a code block, a list item or
 * an HTML comment that swallowed it marks nothing, and the harness must not count it.
 */
final class GuideRegions {

  private static final Parser BLOCKS = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();
  private static final Pattern REGION = Pattern.compile("\\s*<!-- drill:(begin|end) [^>]*-->\\s*");

  private GuideRegions() {}

  /** For each line (the guide split at "\n"): "begin", "end", or null when it is no marker. */
  static String[] markers(List<String> lines) {
    String[] kind = new String[lines.size()];
    BLOCKS.parse(String.join("\n", lines)).accept(new AbstractVisitor() {
      @Override
      public void visit(HtmlBlock block) {
        List<SourceSpan> spans = block.getSourceSpans();
        int line = spans.isEmpty() ? -1 : spans.get(0).getLineIndex();
        if (spans.size() == 1 && line >= 0 && line < lines.size() && REGION.matcher(lines.get(line)).matches()) {
          kind[line] = lines.get(line).contains("drill:begin") ? "begin" : "end";
        }
      }
    });
    return kind;
  }
}
