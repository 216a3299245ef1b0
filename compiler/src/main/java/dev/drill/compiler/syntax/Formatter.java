package dev.drill.compiler.syntax;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.compiler.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

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

}
