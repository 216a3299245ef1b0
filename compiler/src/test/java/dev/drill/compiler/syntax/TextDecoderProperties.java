package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * A string without escapes or references reads the same by the quick way as by the full
 * decoder; a reference's name is told by hand as the grammar's pattern tells it.
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

  private static final Pattern REFERENCE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
}
