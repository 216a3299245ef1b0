package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors in the user's words: input -> exact first message and position. */
class SyntaxMessagesTest {

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      drill x { timebox soon }                         | D006 1:19 expected a duration such as 5m after 'timebox', found 'soon'
      drill x { detect all within { }                  | D006 1:29 expected a duration such as 5m after 'within', found '{'
      drill x { reocver within 5m { } }                | D006 1:11 expected an attribute such as 'title' or a block such as 'recover' or '}' after '{', found 'reocver'
      drill x { title }                                | D006 1:17 expected a string in double quotes after 'title', found '}'
      drill x { roles { commander "a" }                | D006 1:34 expected an attribute such as 'title' or a block such as 'recover' or '}' after '}', found the end of the file; the 'drill' block at line 1 is not closed
      drill { }                                        | D006 1:7 expected a name after 'drill', found '{'
      drill x { setup { rn "a" } }                     | D006 1:19 expected an action (run, http, manual or wait) or '}' after '{', found 'rn'
      drill x { steady { check a { htp GET "u" } } }   | D006 1:30 expected a probe (http, command, prometheus, log or manual) after '{', found 'htp'
      drill x { title "a" @ }                          | D001 1:21 unexpected character '@'
      drill x { timebox 5x }                           | D005 1:19 '5x' is not a duration: unknown unit 'x'
      drill x { timebox 10sec }                        | D005 1:19 '10sec' is not a duration: unknown unit 'sec'
      drill x { title "a\\qb" }                         | D004 1:19 invalid escape '\\q' in string
      drill x { title "abc }                           | D002 1:17 string is not closed before the end of the line
      drill x { summary \"\"\"abc }                    | D003 1:19 '\"\"\"' block is not closed before the end of the file
      drill x { title "${" }                           | D007 1:18 '${' is not closed with '}'
      drill x { title "${}" }                          | D007 1:18 '${}' names no param
      drill x { title "${a b}" }                       | D007 1:18 '${a b}' is not a param reference
      ''                                               | D009 1:1 file has no drill
      '# only a comment'                               | D009 1:1 file has no drill
      drill a { } drill b { }                          | D010 1:19 drill 'b' is the second drill in this file
      """)
  void firstDiagnostic(String source, String expected) {
    List<Diagnostic> diagnostics = SyntaxAnalyzer.parse(new SourceFile("t.drill", source)).diagnostics();
    Diagnostic first = diagnostics.get(0);
    assertEquals(expected,
        first.code() + " " + first.span().line() + ":" + first.span().column() + " " + first.message(),
        diagnostics.stream().map(Diagnostic::message).collect(Collectors.joining("\n")));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      drill x { reocver within 5m { } }                | did you mean 'recover'?
      drill x { tittle "a" }                           | did you mean 'title'?
      drill x { setup { rnu "a" } }                    | did you mean 'run'?
      """)
  void misspeltKeywordsGetAHint(String source, String hint) {
    Diagnostic first = SyntaxAnalyzer.parse(new SourceFile("t.drill", source)).diagnostics().get(0);
    assertEquals(List.of(hint), first.hints());
  }
}
