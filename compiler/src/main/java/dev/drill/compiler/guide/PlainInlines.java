package dev.drill.compiler.guide;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * The code spans and HTML comments of a paragraph or heading written the way drill writes its
 * marker lines ({@code - **Signal** <!-- drill:signal s h -->: `probe`}), read without
 * CommonMark's inline parser (most of the time a check spends on a guide's inlines). It reads a
 * block only when nothing in it can change what CommonMark makes of it: code spans closed on
 * their line, comments {@code <!-- ... -->} closed on their line, and {@code *} emphasis around
 * plain words. On anything else (a backslash, an entity, a link, an {@code _}, other HTML, a
 * control character, a code span or comment inside emphasis, ...) it gives up and the block is
 * left to CommonMark. What it reads is what CommonMark gives the guide reader: the
 * {@link Code} and {@link HtmlInline} nodes, with their literals and source spans, as children
 * of the block; a property test holds the guide read either way to the same items.
 */
final class PlainInlines {

  private final List<Node> nodes = new ArrayList<>();
  /** The length of the {@code *} run that opened emphasis not yet closed, 0 outside emphasis. */
  private int emphasis;

  private PlainInlines() {}

  /** Appends the block's code spans and comments to it and answers true, or answers false and leaves it as it was. */
  static boolean read(SourceLines lines, Node block) {
    PlainInlines inlines = new PlainInlines();
    for (SourceLine line : lines.getLines()) {
      if (!inlines.readLine(line)) {
        return false;
      }
    }
    if (inlines.emphasis != 0) {
      return false;
    }
    for (Node node : inlines.nodes) {
      block.appendChild(node);
    }
    return true;
  }

  private boolean readLine(SourceLine line) {
    String text = line.getContent().toString(); // no copy: PlainBlocks hands Strings
    int at = 0;
    while (at >= 0 && at < text.length()) {
      char c = text.charAt(at);
      switch (c) {
        case '`' -> at = codeSpan(line, text, at);
        case '<' -> at = comment(line, text, at);
        case '*' -> at = emphasis(text, at);
        case '\\', '&', '[', ']', '_' -> at = -1;
        default -> at = c < ' ' ? -1 : at + 1;
      }
    }
    return at >= 0;
  }

  /** A code span closed by the first run of as many backticks on its line; the index after it, or -1. */
  private int codeSpan(SourceLine line, String text, int open) {
    int ticks = run(text, open, '`');
    int close = open + ticks;
    while (true) {
      close = text.indexOf('`', close);
      if (close < 0 || emphasis != 0) {
        return -1; // closed on a later line or never, or inside emphasis: CommonMark knows
      }
      int closing = run(text, close, '`');
      if (closing == ticks) {
        break;
      }
      close += closing;
    }
    String content = text.substring(open + ticks, close);
    // CommonMark strips one space from each end of content that has more than spaces.
    if (content.length() >= 3 && content.charAt(0) == ' ' && content.charAt(content.length() - 1) == ' '
        && hasNonSpace(content)) {
      content = content.substring(1, content.length() - 1);
    }
    Code code = new Code(content);
    code.addSourceSpan(span(line, open, close + ticks - open));
    nodes.add(code);
    return close + ticks;
  }

  /**
   * A comment {@code <!-- text -->} closed on its line whose text has no {@code --} and does not
   * end with {@code -} (where CommonMark's versions disagree); the index after it, or -1.
   */
  private int comment(SourceLine line, String text, int open) {
    int close = text.indexOf("-->", open + 4);
    if (!text.startsWith("<!-- ", open) || close < 0 || emphasis != 0) {
      return -1;
    }
    if (text.indexOf("--", open + 4) < close) {
      return -1; // also a text ending with '-', whose "--" starts before the "-->"
    }
    HtmlInline html = new HtmlInline();
    html.setLiteral(text.substring(open, close + 3));
    html.addSourceSpan(span(line, open, close + 3 - open));
    nodes.add(html);
    return close + 3;
  }

  /**
   * A {@code *} run that opens emphasis (after a space or at a line start, before a letter or
   * digit) or closes the one open with a run as long (after a letter or digit, before a space, a
   * line end or punctuation). Emphasis so paired around plain text holds no code span or
   * comment, which stay children of the block. The index after the run, or -1.
   */
  private int emphasis(String text, int at) {
    int length = run(text, at, '*');
    char before = at == 0 ? ' ' : text.charAt(at - 1);
    char after = at + length == text.length() ? ' ' : text.charAt(at + length);
    if (emphasis == 0 && before == ' ' && isLetterOrDigit(after)) {
      emphasis = length;
    } else if (emphasis == length && isLetterOrDigit(before) && (after == ' ' || isPunctuation(after))) {
      emphasis = 0;
    } else {
      return -1;
    }
    return at + length;
  }

  private static int run(String text, int from, char c) {
    int end = from;
    while (end < text.length() && text.charAt(end) == c) {
      end++;
    }
    return end - from;
  }

  private static SourceSpan span(SourceLine line, int from, int length) {
    SourceSpan whole = line.getSourceSpan();
    return SourceSpan.of(whole.getLineIndex(), whole.getColumnIndex() + from, whole.getInputIndex() + from, length);
  }

  /** Whether the text holds a character other than a space (a tab counts, as in CommonMark). */
  private static boolean hasNonSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != ' ') {
        return true;
      }
    }
    return false;
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** ASCII punctuation that is not itself a delimiter. */
  private static boolean isPunctuation(char c) {
    return c > ' ' && c < 0x7f && !isLetterOrDigit(c) && c != '*' && c != '_';
  }
}
