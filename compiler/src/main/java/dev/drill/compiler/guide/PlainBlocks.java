package dev.drill.compiler.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Block;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * The blocks of a guide written in the plain Markdown drill generates, read line by line
 * instead of by CommonMark's block parser (most of the time a check spends on a guide). It
 * knows ATX headings, HTML comments on a line of their own, backtick-fenced code, paragraphs
 * and list items of one paragraph, and reads a line only when its first characters leave no
 * doubt what CommonMark makes of it. On anything else (a leading tab, an indented line, a quote, a
 * setext heading, a link definition, a lazy line, ...) it gives up, and the guide is parsed in
 * full. It gives the blocks, literals and source spans CommonMark gives, and hands the same
 * lines of each paragraph and heading to the inline parser: a property test holds the guide
 * read either way to the same items.
 */
final class PlainBlocks {

  /** The characters that can start a block other than a paragraph, or a link definition. */
  private static final String BLOCK_STARTS = ">#`~<*-_+=[";

  private record Inline(SourceLines lines, Block block) {}

  private final String markdown;
  private final Document document = new Document();
  private final List<Inline> inlines = new ArrayList<>();
  private int lineIndex;
  private int inputIndex;
  private Paragraph paragraph;
  private List<SourceLine> paragraphLines;
  private boolean paragraphInList;
  private boolean paragraphHoldsComment;
  private boolean lineHoldsComment;
  private FencedCodeBlock fence;
  private StringBuilder fenceLiteral;

  private PlainBlocks(String markdown) {
    this.markdown = markdown;
  }

  /**
   * The document's blocks, each paragraph and heading that holds an HTML comment handed to
   * {@code inlineParser} as CommonMark's block parse hands it; empty when the guide is not
   * plain enough to read so.
   */
  static Optional<Node> read(String markdown, InlineParser inlineParser) {
    PlainBlocks blocks = new PlainBlocks(markdown);
    if (!blocks.readAll()) {
      return Optional.empty();
    }
    for (Inline inline : blocks.inlines) {
      inlineParser.parse(inline.lines(), inline.block());
    }
    return Optional.of(blocks.document);
  }

  private boolean readAll() {
    int length = markdown.length();
    while (inputIndex < length) {
      // One pass finds the line's end, a comment in it, and what CommonMark reads otherwise:
      // a CR ends a line too, a NUL reads as U+FFFD.
      int end = inputIndex;
      boolean comment = false;
      for (char c; end < length && (c = markdown.charAt(end)) != '\n'; end++) {
        if (c <= '<') {
          if (c == '\r' || c == '\0') {
            return false;
          }
          comment |= c == '<' && markdown.startsWith("<!--", end);
        }
      }
      lineHoldsComment = comment;
      if (!readLine(markdown.substring(inputIndex, end))) {
        return false;
      }
      lineIndex++;
      inputIndex = end + 1;
    }
    closeParagraph();
    return fence == null;
  }

  private boolean readLine(String line) {
    if (fence != null) {
      fenceLine(line);
      return true;
    }
    if (blank(line)) {
      closeParagraph();
      return true;
    }
    char first = line.charAt(0);
    if (line.startsWith("<!--")) {
      return htmlComment(line);
    }
    if (first == '#') {
      return heading(line);
    }
    if (line.startsWith("```")) {
      return openFence(line);
    }
    if (first == '-' || isDigit(first)) {
      return listItem(line);
    }
    if (!plainStart(line, 0)) {
      return false;
    }
    if (paragraph == null) {
      openParagraph(false);
    } else if (paragraphInList) {
      return false;
    }
    addParagraphLine(line, 0);
    return true;
  }

  /** An HTML block of one comment, which ends on its line; one that goes on over lines is not plain. */
  private boolean htmlComment(String line) {
    if (line.indexOf("-->", 4) < 0) {
      return false;
    }
    closeParagraph();
    HtmlBlock block = new HtmlBlock();
    block.setLiteral(line);
    block.addSourceSpan(span(0, line.length()));
    document.appendChild(block);
    return true;
  }

  /** {@code #} to {@code ######}, one space, text that neither starts nor ends with whitespace nor ends with {@code #}. */
  private boolean heading(String line) {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    int from = level + 1;
    char last = line.charAt(line.length() - 1);
    if (level > 6 || from >= line.length() || line.charAt(level) != ' ' || line.charAt(from) <= ' '
        || last <= ' ' || last == '#') {
      return false;
    }
    closeParagraph();
    Heading heading = new Heading();
    heading.setLevel(level);
    heading.addSourceSpan(span(0, line.length()));
    document.appendChild(heading);
    if (lineHoldsComment) {
      inlines.add(new Inline(SourceLines.of(SourceLine.of(line.substring(from), span(from, line.length() - from))), heading));
    }
    return true;
  }

  /** A fence of backticks whose info string is one plain word (nothing to unescape). */
  private boolean openFence(String line) {
    int length = 0;
    while (length < line.length() && line.charAt(length) == '`') {
      length++;
    }
    for (int i = length; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!(isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '+' || c == '.')) {
        return false;
      }
    }
    closeParagraph();
    fence = new FencedCodeBlock();
    fence.setFenceCharacter("`");
    fence.setOpeningFenceLength(length);
    fence.setFenceIndent(0);
    fence.setInfo(line.substring(length));
    fence.addSourceSpan(span(0, line.length()));
    fenceLiteral = new StringBuilder();
    return true;
  }

  /** A line in a fenced code block: its closing fence (indented by up to three spaces), or a line of its code. */
  private void fenceLine(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    int ticks = indent;
    while (ticks < line.length() && line.charAt(ticks) == '`') {
      ticks++;
    }
    if (indent < 4 && ticks - indent >= fence.getOpeningFenceLength() && spacesAndTabs(line, ticks)) {
      fence.setClosingFenceLength(ticks - indent);
      fence.setLiteral(fenceLiteral.toString());
      fence.addSourceSpan(span(0, line.length()));
      document.appendChild(fence);
      fence = null;
      return;
    }
    fenceLiteral.append(line).append('\n');
    if (!line.isEmpty()) {
      fence.addSourceSpan(span(0, line.length()));
    }
  }

  /**
   * {@code - } or a number with {@code .} or {@code )} and one space, then a paragraph line.
   * One that would interrupt a paragraph is not plain: whether it does depends on its number.
   */
  private boolean listItem(String line) {
    int content;
    if (line.charAt(0) == '-') {
      content = 2;
    } else {
      int digits = 0;
      while (digits < line.length() && isDigit(line.charAt(digits))) {
        digits++;
      }
      if (digits > 9 || digits >= line.length() || (line.charAt(digits) != '.' && line.charAt(digits) != ')')) {
        return false;
      }
      content = digits + 2;
    }
    if (content > line.length() || line.charAt(content - 1) != ' ' || !plainStart(line, content)
        || (paragraph != null && !paragraphInList)) {
      return false;
    }
    closeParagraph();
    openParagraph(true);
    addParagraphLine(line, content);
    return true;
  }

  private void openParagraph(boolean inList) {
    paragraph = new Paragraph();
    paragraphLines = new ArrayList<>();
    paragraphInList = inList;
    paragraphHoldsComment = false;
  }

  private void addParagraphLine(String line, int column) {
    SourceSpan span = span(column, line.length() - column);
    paragraphLines.add(SourceLine.of(column == 0 ? line : line.substring(column), span));
    paragraph.addSourceSpan(span);
    paragraphHoldsComment |= lineHoldsComment;
  }

  private void closeParagraph() {
    if (paragraph != null) {
      document.appendChild(paragraph);
      if (paragraphHoldsComment) {
        inlines.add(new Inline(SourceLines.of(paragraphLines), paragraph));
      }
      paragraph = null;
    }
  }

  private SourceSpan span(int column, int length) {
    return SourceSpan.of(lineIndex, column, inputIndex + column, length);
  }

  /**
   * Whether a paragraph's text starts here, whatever came before: any character that starts no
   * other block, link definition or setext underline, one backtick, or emphasis on a word.
   */
  private static boolean plainStart(String line, int at) {
    if (at >= line.length()) {
      return false;
    }
    char c = line.charAt(at);
    char next = at + 1 < line.length() ? line.charAt(at + 1) : ' ';
    if (c == '`') {
      return next != '`';
    }
    if (c == '*') {
      return isLetter(next) || (next == '*' && at + 2 < line.length() && isLetter(line.charAt(at + 2)));
    }
    // Control characters, as whitespace before a '[', can start a link definition.
    return c > ' ' && !isDigit(c) && BLOCK_STARTS.indexOf(c) < 0;
  }

  /** Blank as far as this reads: only spaces (a line of tabs is left to CommonMark). */
  private static boolean blank(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) != ' ') {
        return false;
      }
    }
    return true;
  }

  private static boolean spacesAndTabs(String line, int from) {
    for (int i = from; i < line.length(); i++) {
      if (line.charAt(i) != ' ' && line.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
