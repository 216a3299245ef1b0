package dev.drill.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input and expected output of {@code drill fmt}. */
class FormatterTest {

  private static String fmt(String text) {
    return Formatter.format(new SourceFile("t.drill", text)).orElseThrow();
  }

  @Test
  void commentsStayWhereTheyWereAndBlankLinesCollapse() {
    String in = """
        # header comment


        drill   demo {
        # before metadata
        title "T"     # trailing
           owner "team"
        timebox 1h
        param host = "h"
        secret token = env "TOKEN"


          // before roles
        roles {

        operator "Runs"
        commander "Leads"

        }
        inject kill "Kill" { run "x" undo "y" }
        recover {
        step a "A" {
            # between steps
            run "a"   # after a
        run
          "b"
        # before the brace
        }
        step b "B" { run "c" }
        }
        }
        # end of file
        """;
    String out = """
        # header comment

        drill demo {
          # before metadata
          title   "T"     # trailing
          owner   "team"
          timebox 1h
          param  host  = "h"
          secret token = env "TOKEN"

          // before roles
          roles {
            operator  "Runs"
            commander "Leads"
          }

          inject kill "Kill" { run "x" undo "y" }

          recover {
            step a "A" {
              # between steps
              run "a"   # after a
              run
                "b"
              # before the brace
            }
            step b "B" { run "c" }
          }
        }
        # end of file
        """;
    assertEquals(out, fmt(in));
    assertEquals(out, fmt(out));
  }

  @Test
  void patternsOfParamsAndSecretsFollowTheirDeclaration() {
    String in = """
        drill d {
        param host="h"   matches   "^[a-z]+$"
        param   ticket matches "^CHG-[0-9]+$"
        secret token = env "TOKEN"
            matches "[A-Za-z0-9]{32}"
        }
        """;
    String out = """
        drill d {
          param  host   = "h" matches "^[a-z]+$"
          param  ticket matches "^CHG-[0-9]+$"

          secret token = env "TOKEN"
            matches "[A-Za-z0-9]{32}"
        }
        """;
    assertEquals(out, fmt(in));
    assertEquals(out, fmt(out));
  }

  @Test
  void statementsOfAMultiLineBlockGetLinesOfTheirOwn() {
    String in = "drill d { title \"T\"\n  debrief { ask \"a\"\n ask \"b\" } }\n";
    String out = """
        drill d {
          title "T"

          debrief {
            ask "a"
            ask "b"
          }
        }
        """;
    assertEquals(out, fmt(in));
  }

  @Test
  void keywordsUsedAsNamesAreNotStatements() {
    String in = "drill d {\nrecover {\nstep wait \"W\" by operator {\nwait 5m\n}\n}\n}\n";
    String out = """
        drill d {
          recover {
            step wait "W" by operator {
              wait 5m
            }
          }
        }
        """;
    assertEquals(out, fmt(in));
  }

  @Test
  void blockStringsAreKeptByteForByte() {
    String in = "drill d {\nsummary   \"\"\"\n   odd\n      indent\n\"\"\"\ntags \"a\" , \"b\"\n}\n";
    String out = "drill d {\n  summary \"\"\"\n   odd\n      indent\n\"\"\"\n  tags    \"a\", \"b\"\n}\n";
    assertEquals(out, fmt(in));
  }

  @Test
  void httpOptionsAlign() {
    String in = """
        drill d {
          setup {
            http PUT "http://x"
              header "A" = "1"
              header "Long-Name" = "2"
              body "{}"
              expect status 200
          }
        }
        """;
    String out = """
        drill d {
          setup {
            http PUT "http://x"
              header "A"         = "1"
              header "Long-Name" = "2"
              body   "{}"
              expect status 200
          }
        }
        """;
    assertEquals(out, fmt(in));
  }

  @Test
  void aFileWithSyntaxErrorsIsNotFormatted() {
    assertTrue(Formatter.format(new SourceFile("t.drill", "drill d { title }\n")).isEmpty());
  }

  @Test
  void aFileIsFormattedFromItsBytesAndSaysWhetherItChanged() {
    String formatted = fmt("drill d {\ntitle \"T\"\nowner \"o\"\n kind ics\n}\n");
    Formatter.Result changed = Formatter.format("t.drill", "drill d {\ntitle \"T\"\nowner \"o\"\n kind ics\n}\n"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(new Formatter.Formatted(formatted, true), changed);
    assertEquals(new Formatter.Formatted(formatted, false),
        Formatter.format("t.drill", formatted.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aByteOrderMarkIsAChange() {
    String formatted = fmt("drill d {\n  title \"T\"\n  owner \"o\"\n  kind  ics\n}\n");
    assertEquals(new Formatter.Formatted(formatted, true),
        Formatter.format("t.drill", ("\uFEFF" + formatted).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void syntaxErrorsAreGivenWithTheSourceForExcerpts() {
    Formatter.NotFormatted not = assertInstanceOf(Formatter.NotFormatted.class,
        Formatter.format("t.drill", "drill d { title }\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("drill d { title }\n", not.source().orElseThrow().text());
    assertEquals(List.of(Code.D006), not.errors().stream().map(Diagnostic::code).distinct().toList());
  }

  @Test
  void aFileWithTwoDrillsIsNotFormatted() {
    Formatter.NotFormatted not = assertInstanceOf(Formatter.NotFormatted.class, Formatter.format("t.drill",
        "drill a { title \"A\" owner \"o\" }\ndrill b { title \"B\" owner \"o\" }\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(Code.D010), not.errors().stream().map(Diagnostic::code).toList());
  }

  @Test
  void aFileThatIsNotTextIsNotFormatted() {
    Formatter.NotFormatted not = assertInstanceOf(Formatter.NotFormatted.class,
        Formatter.format("t.drill", new byte[] {'d', (byte) 0xff, '\n'}));
    assertEquals(Optional.empty(), not.source());
    assertEquals(List.of(Code.D008), not.errors().stream().map(Diagnostic::code).toList());
  }

  @Test
  void rewritingReplacesTheFileWhole(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("d.drill"), "old text that is longer than the new\n");
    Formatter.rewrite(file, "new\n");
    assertEquals("new\n", Files.readString(file));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(file), left.toList());
    }
  }
}
