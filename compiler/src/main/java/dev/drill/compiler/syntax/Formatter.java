package dev.drill.compiler.syntax;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import dev.drill.grammar.DrillLexer;
import dev.drill.grammar.DrillParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The canonical layout of a .drill file ({@code drill fmt}). Only whitespace moves: every
 * token is written exactly as in the source, in the same order (the line breaks inside a
 * {@code """} block become the file's, which the compiler reads alike), so the plan cannot change.
 *
 * <ul>
 *   <li>Indentation is two spaces per open block; a line that continues a statement (an
 *       http option on its own line, say) is indented two more. Probe options written on
 *       their own line ({@code every 10s}) stay level with their probe.
 *   <li>A block written on one line ({@code setup { run "x" }}) stays on one line. In any
 *       other block, each statement starts a line and the closing brace has a line of its
 *       own; the opening brace ends the line that opens the block.
 *   <li>Inside a statement, a line break is kept where the source has one and nowhere else.
 *   <li>Blank lines collapse to one; none follow an opening or precede a closing brace.
 *       Inside a drill, an item that takes more than one line is set off by blank lines.
 *   <li>Tokens are separated by one space, except before a comma. In a run of consecutive
 *       lines (no blank line between) the value column is aligned: metadata, param and
 *       secret (names too), roles, one-line blocks of a drill, the actions of an inject, and
 *       http options (header names too).
 *   <li>A comment on its own line stays on its own line, indented like the line it precedes;
 *       a trailing comment stays at the end of its line, keeping the spacing before it.
 *   <li>Every line ends with the line break most lines of the file end with (LF, CRLF or a
 *       lone CR), LF when there is a tie or none.
 * </ul>
 */
public final class Formatter {

  private Formatter() {}

  /** What formatting one file gave: its canonical text, or the errors that stop it. */
  public sealed interface Result permits Formatted, NotFormatted {}

  /** The file in canonical layout; {@code changed} when that is not the file as it was. */
  public record Formatted(String text, boolean changed) implements Result {}

  /**
   * The file cannot be formatted: it is not a text drill can read, or it has syntax errors
   * (or no drill, or several). {@code source} is its text, when it could be read, for excerpts.
   */
  public record NotFormatted(Optional<SourceFile> source, List<Diagnostic> errors) implements Result {
    public NotFormatted {
      errors = List.copyOf(errors);
    }
  }

  /** Formats a file's bytes, reported under {@code path}. The file is parsed once. */
  public static Result format(String path, byte[] bytes) {
    SourceReader.Result read = SourceReader.read(path, bytes);
    if (read instanceof SourceReader.Refused refused) {
      return new NotFormatted(Optional.empty(), List.of(refused.diagnostic()));
    }
    SourceFile source = SourceReader.file(read).orElseThrow();
    SyntaxAnalyzer.Analysis analysis = SyntaxAnalyzer.analyze(source);
    Optional<String> text = layout(analysis, source.text());
    if (text.isEmpty()) {
      return new NotFormatted(Optional.of(source),
          analysis.result().diagnostics().stream().filter(Diagnostic::isError).toList());
    }
    return new Formatted(text.get(), !text.get().equals(new String(bytes, StandardCharsets.UTF_8)));
  }

  /** Formats a file, reported under {@code shown}; one too large is refused before it is read whole. */
  public static Result format(Path file, String shown) throws IOException {
    if (SourceReader.isTooLarge(file) && SourceReader.read(file, shown) instanceof SourceReader.Refused refused) {
      return new NotFormatted(Optional.empty(), List.of(refused.diagnostic()));
    }
    return format(shown, SourceReader.readAtMostLimit(file));
  }

  /** The file in canonical layout; empty when the file has syntax errors. */
  public static Optional<String> format(SourceFile source) {
    return layout(SyntaxAnalyzer.analyze(source), source.text());
  }

  /**
   * Replaces a file's text with its formatted text: written beside it and moved over it, so
   * that a crash never leaves half a file.
   */
  public static void rewrite(Path file, String formatted) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".drill-fmt-", ".tmp");
    try {
      Files.writeString(temp, formatted, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Only a file that parses without errors, into exactly one drill, is laid out again. */
  private static Optional<String> layout(SyntaxAnalyzer.Analysis analysis, String source) {
    ParseResult parsed = analysis.result();
    if (parsed.diagnostics().stream().anyMatch(Diagnostic::isError) || parsed.ast().isEmpty()) {
      return Optional.empty();
    }
    // A """ block keeps the line breaks of the source: CRLF in a file that has them.
    String text = new Layout(analysis.tokens(), analysis.tree()).render().replace("\r\n", "\n");
    String lineBreak = lineBreak(source);
    return Optional.of(lineBreak.equals("\n") ? text : text.replace("\n", lineBreak));
  }

  /**
   * The line break most lines of the text end with: LF, CRLF or a lone CR (an old Mac's);
   * LF on a tie and in a text without any. A formatted file ends every line with it, so a
   * checkout with CRLF stays so, and a file that mixes them gets one.
   */
  static String lineBreak(String text) {
    int lf = 0;
    int crlf = 0;
    int cr = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lf++;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        crlf++;
        i++;
      } else if (c == '\r') {
        cr++;
      }
    }
    if (crlf > lf && crlf >= cr) {
      return "\r\n";
    }
    return cr > lf && cr > crlf ? "\r" : "\n";
  }

  /** What the parse tree says about one token. */
  private static final class Role {
    boolean statement;      // first token of a statement inside a block (or of a drill)
    boolean probeOption;    // first token of a probe option
    ParserRuleContext block; // the block the statement sits in (statements only)
    String group;           // alignment group of a line this token starts
    int alignColumns = 1;
    boolean drillItem;
  }

  private static final class Line {
    int depth;
    boolean continuation;
    final List<String> words = new ArrayList<>();
    String comment;
    int commentGap;
    boolean blankBefore;
    boolean isComment;
    String group;
    int alignColumns;
    ParserRuleContext block;
    int item = -1; // index of the drill item the line belongs to
  }

  private record Pending(String text, boolean blankBefore) {}

  private static final class Layout {
    private final List<Token> tokens;
    private final Map<Integer, Role> roles = new HashMap<>();
    /** Blocks whose braces are on the same source line. */
    private final Map<ParserRuleContext, Boolean> oneLine = new IdentityHashMap<>();
    private final Map<Integer, ParserRuleContext> braceBlock = new HashMap<>();
    private final List<Line> lines = new ArrayList<>();

    Layout(List<Token> tokens, DrillParser.FileContext tree) {
      this.tokens = tokens;
      walk(tree);
    }

    private Role role(Token t) {
      return roles.computeIfAbsent(t.getTokenIndex(), i -> new Role());
    }

    private void walk(ParserRuleContext ctx) {
      TerminalNode open = null;
      TerminalNode close = null;
      for (ParseTree child : ctx.children == null ? List.<ParseTree>of() : ctx.children) {
        if (child instanceof TerminalNode node) {
          if (node.getSymbol().getType() == DrillLexer.LBRACE) open = node;
          if (node.getSymbol().getType() == DrillLexer.RBRACE) close = node;
        }
      }
      if (open != null && close != null) {
        oneLine.put(ctx, open.getSymbol().getLine() == close.getSymbol().getLine());
        braceBlock.put(open.getSymbol().getTokenIndex(), ctx);
        braceBlock.put(close.getSymbol().getTokenIndex(), ctx);
        boolean inside = false;
        for (ParseTree child : ctx.children) {
          if (child == open) inside = true;
          if (child == close) inside = false;
          if (inside && child instanceof ParserRuleContext statement && statement.getStart() != null
              && statement.getStart().getTokenIndex() <= statement.getStop().getTokenIndex()) {
            Role r = role(statement.getStart());
            r.statement = true;
            r.block = ctx;
            classify(statement, r);
          }
        }
      }
      if (ctx instanceof DrillParser.DrillContext) {
        role(ctx.getStart()).statement = true;
      }
      if (ctx instanceof DrillParser.ProbeOptionContext) {
        role(ctx.getStart()).probeOption = true;
      }
      if (ctx instanceof DrillParser.HttpOptionContext) {
        Role r = role(ctx.getStart());
        r.group = "http-option";
        r.block = ctx.getParent();
        r.alignColumns = ctx instanceof DrillParser.HeaderOptionContext ? 2 : 1;
      }
      for (ParseTree child : ctx.children == null ? List.<ParseTree>of() : ctx.children) {
        if (child instanceof ParserRuleContext rule) walk(rule);
      }
    }

    private void classify(ParserRuleContext statement, Role r) {
      if (statement instanceof DrillParser.DrillItemContext item) {
        r.drillItem = true;
        ParseTree inner = item.getChild(0);
        if (inner instanceof DrillParser.MetadataContext) {
          r.group = "metadata";
        } else if (inner instanceof DrillParser.ParamDeclContext || inner instanceof DrillParser.SecretDeclContext) {
          r.group = "declaration";
          r.alignColumns = 2;
        } else if (inner instanceof ParserRuleContext block && isOneLineBlock(block)) {
          r.group = "one-line-block";
        }
      } else if (statement instanceof DrillParser.RoleDeclContext) {
        r.group = "role";
      } else if (statement instanceof DrillParser.InjectItemContext) {
        r.group = "inject";
      }
    }

    private static boolean isOneLineBlock(ParserRuleContext block) {
      Token open = null;
      Token close = null;
      for (ParseTree child : block.children) {
        if (child instanceof TerminalNode node && node.getSymbol().getType() == DrillLexer.LBRACE) open = node.getSymbol();
        if (child instanceof TerminalNode node && node.getSymbol().getType() == DrillLexer.RBRACE) close = node.getSymbol();
      }
      return open != null && close != null && open.getLine() == close.getLine();
    }

    String render() {
      build();
      separateDrillItems();
      align();
      StringBuilder out = new StringBuilder();
      for (Line line : lines) {
        if (line.blankBefore && out.length() > 0) out.append('\n');
        out.append("  ".repeat(line.depth + (line.continuation ? 1 : 0)));
        for (int i = 0; i < line.words.size(); i++) {
          String w = line.words.get(i);
          if (i > 0 && !w.equals(",") && !(w.equals("}") && line.words.get(i - 1).equals("{"))) out.append(' ');
          out.append(w);
        }
        if (line.comment != null) {
          if (!line.words.isEmpty()) out.append(" ".repeat(Math.max(1, line.commentGap)));
          out.append(line.comment);
        }
        out.append('\n');
      }
      return out.toString();
    }

    private void build() {
      int depth = 0;
      int item = -1;
      Line current = null;
      List<Pending> pending = new ArrayList<>();
      int newlines = 0;
      boolean sawComment = false;
      int lastWs = 0;
      for (Token t : tokens) {
        if (t.getChannel() != Token.DEFAULT_CHANNEL) {
          if (t.getType() == DrillLexer.LINE_COMMENT) {
            String text = t.getText().stripTrailing();
            if (current != null && newlines == 0 && !sawComment) {
              current.comment = text;
              current.commentGap = lastWs;
            } else {
              pending.add(new Pending(text, newlines >= 2));
            }
            sawComment = true;
            newlines = 0;
          } else {
            String ws = t.getText();
            newlines += (int) ws.chars().filter(c -> c == '\n').count();
            lastWs = ws.contains("\n") ? 0 : ws.length();
          }
          continue;
        }
        boolean sourceBreak = newlines > 0 || sawComment;
        boolean blank = newlines >= 2;
        if (t.getType() == Token.EOF) {
          for (Pending p : pending) lines.add(commentLine(p, 0, false, -1));
          break;
        }
        Role r = roles.getOrDefault(t.getTokenIndex(), new Role());
        int type = t.getType();
        boolean isClose = type == DrillLexer.RBRACE;
        boolean breakHere;
        if (current == null || sawComment) {
          breakHere = true;
        } else if (type == DrillLexer.LBRACE) {
          breakHere = false;
        } else if (isClose) {
          breakHere = !oneLine.getOrDefault(braceBlock.get(t.getTokenIndex()), true);
        } else if (r.statement) {
          breakHere = r.block == null || !oneLine.getOrDefault(r.block, true);
        } else {
          breakHere = sourceBreak;
        }
        if (isClose) depth--;
        if (r.statement && r.drillItem) item++;
        if (isClose && depth == 0) item = -1;
        if (breakHere) {
          boolean afterOpen = current != null && !current.words.isEmpty()
              && current.words.get(current.words.size() - 1).equals("{") && current.comment == null;
          boolean continuation = !(r.statement || r.probeOption || isClose || type == DrillLexer.LBRACE || current == null);
          int commentDepth = isClose ? depth + 1 : depth;
          for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            boolean pBlank = p.blankBefore() && !(i == 0 && afterOpen);
            Line c = commentLine(p, commentDepth, continuation && !isClose, isClose ? -1 : item);
            c.blankBefore = pBlank;
            lines.add(c);
            afterOpen = false;
          }
          pending.clear();
          current = new Line();
          current.depth = depth;
          current.continuation = continuation;
          current.blankBefore = blank && !afterOpen && !isClose;
          current.group = r.group;
          current.alignColumns = r.alignColumns;
          current.block = r.block;
          current.item = item;
          lines.add(current);
        }
        current.words.add(t.getText());
        if (type == DrillLexer.LBRACE) depth++;
        newlines = 0;
        sawComment = false;
        lastWs = 0;
      }
    }

    private static Line commentLine(Pending p, int depth, boolean continuation, int item) {
      Line c = new Line();
      c.isComment = true;
      c.comment = p.text();
      c.depth = depth;
      c.continuation = continuation;
      c.blankBefore = p.blankBefore();
      c.item = item;
      return c;
    }

    /** Inside a drill, an item taking more than one line gets a blank line on each side. */
    private void separateDrillItems() {
      Map<Integer, Integer> codeLines = new HashMap<>();
      for (Line l : lines) {
        if (!l.isComment && l.item >= 0) codeLines.merge(l.item, 1, Integer::sum);
      }
      int previous = -1;
      for (Line l : lines) {
        if (l.item < 0) {
          if (!l.isComment || l.depth == 0) previous = -1;
          continue;
        }
        if (l.item != previous && previous >= 0
            && (codeLines.getOrDefault(l.item, 0) > 1 || codeLines.getOrDefault(previous, 0) > 1)) {
          l.blankBefore = true;
        }
        previous = l.item;
      }
    }

    /** Pads the first (and for some groups the second) word of runs of similar lines. */
    private void align() {
      int i = 0;
      while (i < lines.size()) {
        Line first = lines.get(i);
        if (!alignable(i)) {
          i++;
          continue;
        }
        List<Line> run = new ArrayList<>();
        run.add(first);
        int j = i + 1;
        while (j < lines.size()) {
          Line l = lines.get(j);
          if (l.blankBefore) break;
          if (l.isComment) {
            j++;
            continue;
          }
          if (!alignable(j) || !first.group.equals(l.group) || first.block != l.block || first.depth != l.depth) break;
          run.add(l);
          j++;
        }
        for (int column = 0; column < 2; column++) {
          // A declaration keyword column is as wide as "secret", so a lone param lines up too.
          int width = column == 0 && first.group.equals("declaration") ? "secret".length() : 0;
          for (Line l : run) {
            if (l.alignColumns > column && l.words.size() > column + 1) width = Math.max(width, length(l.words.get(column)));
          }
          for (Line l : run) {
            if (l.alignColumns > column && l.words.size() > column + 1) {
              String w = l.words.get(column);
              l.words.set(column, w + " ".repeat(width - length(w)));
            }
          }
        }
        i = Math.max(j, i + 1);
      }
    }

    /** Inject actions align only while each takes a single line. */
    private boolean alignable(int index) {
      Line l = lines.get(index);
      if (l.isComment || l.group == null) return false;
      if (!l.group.equals("inject")) return true;
      boolean continued = index + 1 < lines.size() && lines.get(index + 1).continuation;
      return !continued && l.words.stream().noneMatch(w -> w.contains("\n"));
    }

    private static int length(String s) {
      return s.codePointCount(0, s.length());
    }
  }
}
