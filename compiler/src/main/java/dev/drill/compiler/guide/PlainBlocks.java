package dev.drill.compiler.guide;

import java.nio.charset.StandardCharsets;
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
  /**
   * The Markdown one byte a character, a character past Latin-1 as {@code '?'}: every character
   * this reader tells apart is ASCII, and under C1 a loop over bytes costs a fraction of one of
   * {@code charAt}, which was a fifth of a guide check.
   */
  private final byte[] text;
  private final Document document = new Document();
  private final List<Inline> inlines = new ArrayList<>();
  private int lineIndex;
  /** Where the line being read starts and ends in the Markdown: lines are read in place, not copied out. */
  private int inputIndex;
  private int lineEnd;
  private Paragraph paragraph;
  private boolean paragraphInList;
  private boolean paragraphHoldsComment;
  private boolean lineHoldsComment;
  private FencedCodeBlock fence;
  private StringBuilder fenceLiteral;

  private PlainBlocks(String markdown) {
    this.markdown = markdown;
    this.text = markdown.getBytes(StandardCharsets.ISO_8859_1);
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
    int length = text.length;
    while (inputIndex < length) {
      // One pass finds the line's end, a comment in it, and what CommonMark reads otherwise:
      // a CR ends a line too, a NUL reads as U+FFFD.
      int end = inputIndex;
      boolean comment = false;
      for (byte c; end < length && (c = text[end]) != '\n'; end++) {
        if (c <= '<') {
          if (c == '\r' || c == '\0') {
            return false;
          }
          comment |= c == '<' && markdown.startsWith("<!--", end);
        }
      }
      lineHoldsComment = comment;
      lineEnd = end;
      if (!readLine()) {
        return false;
      }
      lineIndex++;
      inputIndex = end + 1;
    }
    closeParagraph();
    return fence == null;
  }

  private boolean readLine() {
    if (fence != null) {
      fenceLine();
      return true;
    }
    if (blank()) {
      closeParagraph();
      return true;
    }
    char first = charAt(0);
    if (startsWith("<!--")) {
      return htmlComment();
    }
    if (first == '#') {
      return heading();
    }
    if (startsWith("```")) {
      return openFence();
    }
    if (first == '-' || isDigit(first)) {
      return listItem();
    }
    if (!plainStart(0)) {
      return false;
    }
    if (paragraph == null) {
      openParagraph(false);
    } else if (paragraphInList) {
      return false;
    }
    addParagraphLine(0);
    return true;
  }

  /** An HTML block of one comment, which ends on its line; one that goes on over lines is not plain. */
  private boolean htmlComment() {
    int close = markdown.indexOf("-->", inputIndex + 4);
    if (close < 0 || close + 3 > lineEnd) {
      return false;
    }
    closeParagraph();
    HtmlBlock block = new HtmlBlock();
    block.setLiteral(markdown.substring(inputIndex, lineEnd));
    block.addSourceSpan(span(0, length()));
    document.appendChild(block);
    return true;
  }

  /** {@code #} to {@code ######}, one space, text that neither starts nor ends with whitespace nor ends with {@code #}. */
  private boolean heading() {
    int level = run(0, '#');
    int from = level + 1;
    char last = charAt(length() - 1);
    if (level > 6 || from >= length() || charAt(level) != ' ' || charAt(from) <= ' '
        || last <= ' ' || last == '#') {
      return false;
    }
    closeParagraph();
    Heading heading = new Heading();
    heading.setLevel(level);
    heading.addSourceSpan(span(0, length()));
    document.appendChild(heading);
    if (lineHoldsComment) {
      inlines.add(new Inline(SourceLines.of(sourceLine(span(from, length() - from))), heading));
    }
    return true;
  }

  /** A fence of backticks whose info string is one plain word (nothing to unescape). */
  private boolean openFence() {
    int length = run(0, '`');
    for (int i = length; i < length(); i++) {
      char c = charAt(i);
      if (!(isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '+' || c == '.')) {
        return false;
      }
    }
    closeParagraph();
    fence = new FencedCodeBlock();
    fence.setFenceCharacter("`");
    fence.setOpeningFenceLength(length);
    fence.setFenceIndent(0);
    fence.setInfo(markdown.substring(inputIndex + length, lineEnd));
    fence.addSourceSpan(span(0, length()));
    fenceLiteral = new StringBuilder();
    return true;
  }

  /** A line in a fenced code block: its closing fence (indented by up to three spaces), or a line of its code. */
  private void fenceLine() {
    int indent = run(0, ' ');
    int ticks = indent + run(indent, '`');
    if (indent < 4 && ticks - indent >= fence.getOpeningFenceLength() && spacesAndTabs(ticks)) {
      fence.setClosingFenceLength(ticks - indent);
      fence.setLiteral(fenceLiteral.toString());
      fence.addSourceSpan(span(0, length()));
      document.appendChild(fence);
      fence = null;
      return;
    }
    fenceLiteral.append(markdown, inputIndex, lineEnd).append('\n');
    if (lineEnd > inputIndex) {
      fence.addSourceSpan(span(0, length()));
    }
  }

  /**
   * {@code - } or a number with {@code .} or {@code )} and one space, then a paragraph line.
   * One that would interrupt a paragraph is not plain: whether it does depends on its number.
   */
  private boolean listItem() {
    int content;
    if (charAt(0) == '-') {
      content = 2;
    } else {
      int digits = 0;
      while (digits < length() && isDigit(charAt(digits))) {
        digits++;
      }
      if (digits > 9 || digits >= length() || (charAt(digits) != '.' && charAt(digits) != ')')) {
        return false;
      }
      content = digits + 2;
    }
    if (content > length() || charAt(content - 1) != ' ' || !plainStart(content)
        || (paragraph != null && !paragraphInList)) {
      return false;
    }
    closeParagraph();
    openParagraph(true);
    addParagraphLine(content);
    return true;
  }

  private void openParagraph(boolean inList) {
    paragraph = new Paragraph();
    paragraphInList = inList;
    paragraphHoldsComment = false;
  }

  private void addParagraphLine(int column) {
    SourceSpan span = span(column, length() - column);
    paragraph.addSourceSpan(span);
    paragraphHoldsComment |= lineHoldsComment;
  }

  private void closeParagraph() {
    if (paragraph != null) {
      document.appendChild(paragraph);
      if (paragraphHoldsComment) {
        // Only now is a line's text copied out: most paragraphs hold no comment.
        SourceLines lines = SourceLines.empty();
        for (SourceSpan span : paragraph.getSourceSpans()) {
          lines.addLine(sourceLine(span));
        }
        inlines.add(new Inline(lines, paragraph));
      }
      paragraph = null;
    }
  }

  private SourceSpan span(int column, int length) {
    return SourceSpan.of(lineIndex, column, inputIndex + column, length);
  }

  /** The text under a span, as the inline parser is handed it. */
  private SourceLine sourceLine(SourceSpan span) {
    return SourceLine.of(markdown.substring(span.getInputIndex(), span.getInputIndex() + span.getLength()), span);
  }

  /** The character at a column of the line being read. */
  private char charAt(int column) {
    return (char) (text[inputIndex + column] & 0xff);
  }

  private int length() {
    return lineEnd - inputIndex;
  }

  private boolean startsWith(String prefix) {
    return length() >= prefix.length() && markdown.startsWith(prefix, inputIndex);
  }

  /** How many times {@code c} stands in a row from a column of the line. */
  private int run(int from, char c) {
    int end = from;
    while (end < length() && charAt(end) == c) {
      end++;
    }
    return end - from;
  }

  /**
   * Whether a paragraph's text starts here, whatever came before: any character that starts no
   * other block, link definition or setext underline, one backtick, or emphasis on a word.
   */
  private boolean plainStart(int at) {
    if (at >= length()) {
      return false;
    }
    char c = charAt(at);
    char next = at + 1 < length() ? charAt(at + 1) : ' ';
    if (c == '`') {
      return next != '`';
    }
    if (c == '*') {
      return isLetter(next) || (next == '*' && at + 2 < length() && isLetter(charAt(at + 2)));
    }
    // Control characters, as whitespace before a '[', can start a link definition.
    return c > ' ' && !isDigit(c) && BLOCK_STARTS.indexOf(c) < 0;
  }

  /** Blank as far as this reads: only spaces (a line of tabs is left to CommonMark). */
  private boolean blank() {
    return run(0, ' ') == length();
  }

  private boolean spacesAndTabs(int from) {
    for (int i = from; i < length(); i++) {
      if (charAt(i) != ' ' && charAt(i) != '\t') {
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
