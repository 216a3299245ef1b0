package dev.drill.compiler.syntax;

import dev.drill.compiler.ast.Drill;
import dev.drill.compiler.ast.DrillFile;
import dev.drill.compiler.ast.Import;
import dev.drill.compiler.ast.Template;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import dev.drill.grammar.DrillLexer;
import dev.drill.grammar.DrillParser;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Source text to AST: lexical pass, parse, then the AST when both found nothing wrong. */
public final class SyntaxAnalyzer {

  /** Past this many errors in one file, the rest are noise: one more line says so. */
  public static final int MAX_ERRORS = 100;

  private SyntaxAnalyzer() {}

  /**
   * The AST of a file, or every lexical and syntax error in it (up to {@link #MAX_ERRORS}).
   * A well-formed file is read by the {@link DirectParser}; ANTLR's reads the rest, and
   * reports what is wrong.
   */
  public static ParseResult parse(SourceFile source) {
    Optional<DrillFile> direct = DirectParser.parse(source.path(), lexerText(source.text()));
    if (direct.isPresent()) {
      return checked(direct.get());
    }
    return analyze(source).result();
  }

  /** A parse with what only this package sees: the tokens and the parse tree they make. */
  record Analysis(ParseResult result, List<Token> tokens, DrillParser.FileContext tree) {}

  static Analysis analyze(SourceFile source) {
    String file = source.path();
    List<Diagnostic> diagnostics = new ArrayList<>();

    DrillLexer lexer = new DrillLexer(CharStreams.fromString(lexerText(source.text()), file));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    TokenScanner scanner = new TokenScanner(file, diagnostics);
    scanner.scan(tokens.getTokens());

    DrillParser parser = new DrillParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(new SyntaxErrorListener(file, diagnostics));
    parser.setErrorHandler(new BlockErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    DrillParser.FileContext tree = parser.file();

    if (!diagnostics.isEmpty()) {
      return new Analysis(new ParseResult(Optional.empty(), capped(diagnostics, file)), tokens.getTokens(), tree);
    }
    DrillFile ast = new AstBuilder(file, scanner.texts()).file(tree);
    return new Analysis(checked(ast), tokens.getTokens(), tree);
  }

  /** A well-formed file's AST, with what is wrong with the file as a whole. */
  private static ParseResult checked(DrillFile ast) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    checkDrillCount(ast, diagnostics);
    checkImportsFirst(ast, diagnostics);
    return new ParseResult(Optional.of(ast), diagnostics);
  }

  /**
   * The text as the lexer reads it: a lone CR (an old Mac's line break) becomes LF, so that it
   * breaks a line as LF and CRLF do, for positions, comments, strings and blocks alike. Every
   * character keeps its offset.
   */
  static String lexerText(String text) {
    int cr = text.indexOf('\r');
    if (cr < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = cr; i < chars.length; i++) {
      if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
        chars[i] = '\n';
      }
    }
    return new String(chars);
  }

  private static void checkDrillCount(DrillFile ast, List<Diagnostic> diagnostics) {
    if (ast.drills().isEmpty() && !ast.isLibrary()) {
      diagnostics.add(Diagnostic.of(Code.D009, SourceSpan.at(ast.span().file(), 1, 1),
          "file has no drill", "a drill file holds one block: drill <name> { ... }"));
    }
    for (Drill extra : ast.drills().subList(Math.min(1, ast.drills().size()), ast.drills().size())) {
      diagnostics.add(Diagnostic.of(Code.D010, extra.name().span(),
          "drill '" + extra.name().value() + "' is the second drill in this file",
          "put each drill in a file of its own")
          .withRelated(ast.drills().get(0).name().span(), "the file's drill"));
    }
  }

  /** Imports come before what may use them, so a reader finds them at the top. */
  private static void checkImportsFirst(DrillFile ast, List<Diagnostic> diagnostics) {
    Optional<SourceSpan> firstBody = Stream.concat(
            ast.templates().stream().map(Template::span), ast.drills().stream().map(Drill::span))
        .min(Comparator.naturalOrder());
    if (firstBody.isEmpty()) {
      return;
    }
    for (Import late : ast.imports()) {
      if (late.span().compareTo(firstBody.get()) > 0) {
        diagnostics.add(Diagnostic.of(Code.D806, late.span(),
            "import after a template or drill", "move the import to the top of the file")
            .withRelated(firstBody.get(), "the first template or drill"));
      }
    }
  }

  private static List<Diagnostic> capped(List<Diagnostic> diagnostics, String file) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Comparator.comparing(Diagnostic::span));
    if (sorted.size() <= MAX_ERRORS) {
      return sorted;
    }
    List<Diagnostic> kept = new ArrayList<>(sorted.subList(0, MAX_ERRORS));
    // At the first error not shown: that is where reading on finds the rest.
    kept.add(Diagnostic.of(Code.D012, sorted.get(MAX_ERRORS).span(),
        "too many errors; " + (sorted.size() - MAX_ERRORS) + " more not shown",
        "fix the errors above and compile again"));
    return kept;
  }
}
