package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake never hides the next: input -> every diagnostic it gives. In each case a first
 * mistake (a bad duration, an unterminated string, a stray token, a missing brace...) is
 * followed by a misspelt keyword on the next line, which must be reported as well.
 */
class SyntaxRecoveryTest {

  private static final String HEAD = "drill x {\n  owner \"o\"\n";

  static Stream<Arguments> cascades() {
    return Stream.of(
        Arguments.of("a duration written with a space",
            "  timebox 5 m\n  cadense 30d\n  title \"t\"\n}\n",
            List.of("D006 3:11 expected a duration such as 5m after 'timebox', found the number 5",
                "D006 4:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after 'm',"
                    + " found 'cadense' [did you mean 'cadence'?]")),
        Arguments.of("a duration written as a string",
            "  timebox \"5m\"\n  cadense 30d\n  title \"t\"\n}\n",
            List.of("D006 3:11 expected a duration such as 5m after 'timebox', found the string \"5m\"",
                "D006 4:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after \"5m\","
                    + " found 'cadense' [did you mean 'cadence'?]")),
        Arguments.of("a duration with an unknown unit, then one with a space in a step",
            "  timebox 2hrs\n  recover {\n    step a within 5 m {\n      rnu \"x\"\n    }\n  }\n}\n",
            List.of("D005 3:11 '2hrs' is not a duration: unknown unit 'hrs' [a duration is a number with ms, s, m, h, d"
                    + " or w, such as 90s, 5m or 1h30m]",
                "D006 5:19 expected a duration such as 5m after 'within', found the number 5",
                "D006 6:7 expected an action (run, http, manual or wait), 'verify' or '}' after '{', found 'rnu'"
                    + " [did you mean 'run'?]")),
        Arguments.of("an unterminated string",
            "  title \"Loss of one cache node\n  tilte \"again\"\n}\n",
            List.of("D002 3:9 string is not closed before the end of the line [add the closing '\"'; for text over"
                    + " several lines use a \"\"\" block]",
                "D006 4:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after"
                    + " \"Loss of one cache node, found 'tilte' [did you mean 'title'?]")),
        Arguments.of("a stray string after a statement",
            "  title \"t\" \"u\"\n  cadense 30d\n}\n",
            List.of("D006 3:13 expected an attribute such as 'title' or a block such as 'recover' or '}' after"
                    + " \"t\", found the string \"u\"",
                "D006 4:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after \"u\","
                    + " found 'cadense' [did you mean 'cadence'?]")),
        Arguments.of("a stray word inside a block",
            "  title \"t\"\n  setup {\n    run \"a\" now\n    wiat 5s\n  }\n}\n",
            List.of("D006 5:13 expected an action (run, http, manual or wait) or '}' after \"a\", found 'now'",
                "D006 6:5 expected an action (run, http, manual or wait) or '}' after 'now', found 'wiat'"
                    + " [did you mean 'wait'?]")),
        // Keywords are names: 'by by' is a clause naming the role 'by'.
        Arguments.of("a stray token in a step's clauses",
            "  title \"t\"\n  recover {\n    step a by by ops {\n      manul \"x\"\n    }\n  }\n}\n",
            List.of("D006 5:18 expected 'after', 'by', 'within' or '{' after 'by', found 'ops'",
                "D006 6:7 expected an action (run, http, manual or wait), 'verify' or '}' after '{', found 'manul'"
                    + " [did you mean 'manual'?]")),
        Arguments.of("a broken statement over several lines: its other lines are not errors of their own",
            "  title \"t\"\n  setup {\n    http PUT \"http://x/y\" now\n      header \"A\" = \"b\"\n"
                + "      expect status 200\n    rnu \"a\"\n  }\n}\n",
            List.of("D006 5:27 expected an action (run, http, manual or wait) or '}' after \"http://x/y\", found 'now'",
                "D006 8:5 expected an action (run, http, manual or wait) or '}' after '200', found 'rnu'"
                    + " [did you mean 'run'?]")),
        Arguments.of("a missing closing brace",
            "  title \"t\"\n  detect any within 5m {\n    signal s {\n      manual \"ok?\"\n"
                + "    signal t { manual \"t?\" }\n  }\n  cadense 30d\n}\n",
            List.of("D006 6:19 expected '}' after \"ok?\", found 'signal' [is the 'signal' block at line 5 missing its '}'?]",
                "D006 9:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after '}',"
                    + " found 'cadense' [did you mean 'cadence'?]")),
        Arguments.of("a missing opening brace",
            "  title \"t\"\n  setup run \"a\" }\n  cadense 30d\n}\n",
            List.of("D006 4:9 expected '{' after 'setup', found 'run'",
                "D006 5:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after '}',"
                    + " found 'cadense' [did you mean 'cadence'?]")),
        Arguments.of("a missing value at the end of a line",
            "  title\n  cadense 30d\n  owner \"p\"\n}\n",
            List.of("D006 3:8 expected a string in double quotes after 'title', found 'cadense'",
                "D006 4:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after 'title',"
                    + " found 'cadense' [did you mean 'cadence'?]")),
        Arguments.of("a misplaced keyword",
            "  title \"t\"\n  step a { run \"x\" }\n  cadense 30d\n}\n",
            List.of("D006 4:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after \"t\","
                    + " found 'step'",
                "D006 5:3 expected an attribute such as 'title' or a block such as 'recover' or '}' after '}',"
                    + " found 'cadense' [did you mean 'cadence'?]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cascades")
  void everyMistakeIsReported(String name, String body, List<String> expected) {
    List<Diagnostic> diagnostics = SyntaxAnalyzer.parse(new SourceFile("t.drill", HEAD + body)).diagnostics();
    assertEquals(expected, diagnostics.stream().map(SyntaxRecoveryTest::describe).collect(Collectors.toList()),
        HEAD + body);
  }

  private static String describe(Diagnostic d) {
    String hints = d.hints().isEmpty() ? "" : " [" + String.join("; ", d.hints()) + "]";
    return d.code() + " " + d.span().line() + ":" + d.span().column() + " " + d.message() + hints;
  }
}
