package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * A string without escapes or references reads the same by the quick way as by the full
 * decoder; an escaped character reads as itself, half a surrogate pair alone is refused; a
 * reference's name is told by hand as the grammar's pattern tells it.
 */
class TextDecoderProperties {

  @Property(tries = 500)
  void aPlainStringDecodesAsTheFullDecoderReadsIt(
      @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') @Chars({'\u00e9', '\ud83d', '\ude00', '\u4e2d'})
          String content,
      @ForAll @IntRange(min = 1, max = 500) int line, @ForAll @IntRange(min = 1, max = 80) int column,
      @ForAll boolean terminated) {
    String plain = content.replace("\\", "").replace("$", "").replace("\"", "");
    String raw = "\"" + plain + (terminated ? "\"" : "");
    List<Diagnostic> quick = new ArrayList<>();
    List<Diagnostic> full = new ArrayList<>();
    assertEquals(TextDecoder.decodeAnyString("f.drill", raw, line, column, terminated, full),
        TextDecoder.decodeString("f.drill", raw, line, column, terminated, quick));
    assertEquals(full, quick);
  }

  @Property(tries = 2000)
  void aReferenceNameIsWhatItsPatternMatches(
      @ForAll @StringLength(max = 6) @Chars({'a', 'Z', '_', '-', '0', '9', '$', ' ', '{', '\u00e9', '/'}) String name) {
    assertEquals(REFERENCE_NAME.matcher(name).matches(), TextDecoder.isReferenceName(name), name);
  }

  /** Any character but NUL, escaped as {@code \}{@code uXXXX}, or as its pair beyond U+FFFF, reads as itself. */
  @Property(tries = 2000)
  void anEscapedCharacterReadsAsItself(
      @ForAll @IntRange(min = 1, max = Character.MAX_CODE_POINT) int codePoint, @ForAll boolean upperCase) {
    Assume.that(!Character.isSurrogate((char) codePoint) || codePoint > 0xffff);
    StringBuilder escaped = new StringBuilder();
    for (char unit : Character.toChars(codePoint)) {
      String hex = String.format("%04x", (int) unit);
      escaped.append("\\u").append(upperCase ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Text text = TextDecoder.decodeAnyString("f.drill", "\"a" + escaped + "b\"", 3, 7, true, diagnostics);
    assertEquals(List.of(), diagnostics);
    assertEquals("a" + Character.toString(codePoint) + "b", text.literal());
    // "a, the escape, b": the closing quote is where the escape's length puts it.
    assertEquals(new SourceSpan("f.drill", 3, 7, 3, 7 + 3 + escaped.length()), text.span());
  }

  /** Half a surrogate pair alone is no character: D004 at its escape, whatever comes after it. */
  @Property(tries = 1000)
  void halfAPairAloneIsRefusedWhereItIs(
      @ForAll @CharRange(from = '\ud800', to = '\udfff') char half,
      @ForAll @StringLength(max = 8) @Chars({'a', '\\', 'u', 'D', 'C', '0', 'F', '8', '\u00e9'}) String after) {
    String escape = String.format("\\u%04X", (int) half);
    Assume.that(!(Character.isHighSurrogate(half) && after.matches("(?s)\\\\u[Dd][C-Fc-f][0-9A-Fa-f]{2}.*")));
    List<Diagnostic> diagnostics = new ArrayList<>();
    TextDecoder.decodeAnyString("f.drill", "\"x" + escape + after + "\"", 3, 7, true, diagnostics);
    assertEquals(Code.D004, diagnostics.get(0).code());
    assertEquals(new SourceSpan("f.drill", 3, 9, 3, 14), diagnostics.get(0).span());
  }

  private static final Pattern REFERENCE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
}
