package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.Severity;
import dev.drill.compiler.source.SourceFile;
import dev.drill.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * "A drill that compiles gets a guide that passes the check", over any text the drill can
 * hold: titles, step texts, commands, manual instructions, param values, probes and debrief
 * questions made of Markdown and HTML syntax, comment openers and closers, drill markers,
 * backticks and fences, control characters written as escapes (\u001b, \t, \u0000), line
 * breaks of every kind, very long lines and any Unicode (beyond U+FFFF escaped as its pair).
 * The guide escapes what it must and the check reads it back; the update of a current guide
 * changes nothing, and the update of one a team edited keeps their text.
 */
class AnyTextGuideProperties {

  /** Pieces a text is made of: what Markdown, HTML, CommonMark's line reading and the markers react to. */
  private static final String[] PIECES = {
      "<!--", "-->", "<!-- drill:begin procedure -->", "<!-- drill:end step s0 -->", "<!-- drill:step s1 00000000 -->",
      "<!-- drill:guide x sha256:0000000000000000 -->", "`", "``", "```", "~~~", "<b>", "</pre>", "<pre>", "<script>",
      "<?", "?>", "<![CDATA[", "]]>", "<!X", "&amp;", "&#0;", "*", "**", "_", "#", "# ", "### ", "|", "\\", "\\`",
      "[x](http://y)", "![i](j)", "<http://a>", "> ", "- ", "1. ", "---", "===", "    ", "  ", "\t", "\n", "\r", "\r\n",
      "\n\n", "\u001b[31m", "\u0000", "\u0007", "\u000b", "\u000c", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029",
      "\u200b", "\u200e", "\u202e", "\ufeff", "\ufffd", "é", "中文", "😀", "ß", "İ", "{", "}",
      "\"", "'", "$", "${", "%", "'''", "a", "word", " x ", "0"};

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(12).map(p -> String.join("", p));
    // Characters, not halves of a surrogate pair: half a pair alone is no text, and refused (D004).
    Arbitrary<String> chars = Arbitraries.strings().all().ofMaxLength(16)
        .filter(s -> s.codePoints().noneMatch(c -> c <= 0xffff && Character.isSurrogate((char) c)));
    Arbitrary<String> longLine = Arbitraries.integers().between(200, 5000).map(n -> "x`<".repeat(n / 3) + "y");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, pieces),
        net.jqwik.api.Tuple.of(3, chars),
        net.jqwik.api.Tuple.of(1, longLine),
        net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
  }

  @Provide
  Arbitrary<String> drills() {
    return Combinators.combine(texts(), texts(), texts(), texts(), texts(), texts(), texts(), texts())
        .as((title, step, command, manual, value, probe, question, summary) -> String.join("\n",
            "drill any-text {",
            "  title " + quote("T" + title),
            "  owner " + quote("o" + question),
            "  summary " + quote("s" + summary),
            "  timebox 2h",
            "  param host = " + quote("h" + value),
            "  roles { operator " + quote("r" + manual) + " }",
            "  inject fault { run " + quote("i" + command) + " undo " + quote("u" + probe) + " }",
            "  detect any within 5m {",
            "    signal down " + quote("S" + title) + " { command " + quote("c" + probe) + " expect output contains "
                + quote("o" + value) + " }",
            "  }",
            "  recover within 1h {",
            "    step s0 " + quote("A" + step) + " by operator {",
            "      run " + quote("r" + command),
            "      manual " + quote("m" + manual),
            "      verify { command " + quote("v" + command) + " } within 5m",
            "    }",
            "    step s1 " + quote("B" + manual) + " by operator after s0 {",
            "      run " + quote(command + " ${host}"),
            "      http POST \"http://example.test/a\" body " + quote("b" + value) + " expect status 200",
            "    }",
            "  }",
            "  debrief { ask " + quote("q" + question) + " }",
            "}",
            ""));
  }

  @Property(tries = 800)
  void aDrillThatCompilesGetsAGuideThatPassesTheCheck(@ForAll("drills") String drill) throws GuideException {
    CompileResult result = DrillCompiler.compile("any-text.drill", drill.getBytes(StandardCharsets.UTF_8));
    List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    Statistics.label("compiles").collect(errors.isEmpty() ? "yes" : "no: " + errors.get(0).code());
    // About 57% compile (a NUL is D013, a param default unsafe in its command D407): 50 keeps the law from going vacuous.
    Statistics.label("compiles").coverage(c -> c.check("yes").percentage(p -> p > 50));
    Assume.that(result.plan().isPresent());
    Plan plan = result.plan().get();
    String guide = GuideRenderer.builtIn().render(plan);
    assertEquals("", GuideUpdaterProperties.show(GuideChecker.check(plan, new SourceFile("g.md", guide)), guide),
        drill + "\n---\n" + guide);
    String again = GuideUpdaterTest.merged(guide, guide).text();
    assertEquals(guide, again, () -> "an update of a current guide changes nothing: " + difference(guide, again));
  }

  /** Where two texts part, escaped, for a failure message. */
  static String difference(String a, String b) {
    int at = 0;
    while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 80);
    return "at " + at + ": expected [" + escaped(a.substring(from, Math.min(a.length(), at + 80))) + "] but was ["
        + escaped(b.substring(from, Math.min(b.length(), at + 80))) + "]";
  }

  private static String escaped(String s) {
    StringBuilder out = new StringBuilder();
    s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return out.toString();
  }

  @Property(tries = 300)
  void theTeamsTextIsKeptWhateverTheDrillSays(@ForAll("drills") String drill, @ForAll long seed) throws GuideException {
    CompileResult result = DrillCompiler.compile("any-text.drill", drill.getBytes(StandardCharsets.UTF_8));
    Assume.that(result.plan().isPresent());
    Plan plan = result.plan().get();
    String fresh = GuideRenderer.builtIn().render(plan);
    String edited = GuideUpdaterProperties.damage(fresh, new Random(seed));
    GuideUpdaterProperties.updateAndHold(plan, fresh, edited);
  }

  /** A .drill string literal holding exactly the text: controls and lone surrogates as \\uXXXX escapes. */
  static String quote(String raw) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '$' -> out.append(raw.startsWith("${host}", i) ? "$" : "\\$");
        case '\n' -> out.append("\\n");
        default -> {
          if (Character.isISOControl(c) || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
              || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
              || Character.isWhitespace(c) && c != ' ' || !Character.isDefined(c) || c == '\ufffd'
              || Character.getType(c) == Character.PRIVATE_USE) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
