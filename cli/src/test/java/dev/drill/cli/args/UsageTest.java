package dev.drill.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drill.cli.args.Option.Type;
import org.junit.jupiter.api.Test;

/** Help as picocli laid it out: synopsis, paragraphs, a sorted table wrapped under one column, commands, footer. */
class UsageTest {

  @Test
  void aCommandsHelpHasItsSynopsisDescriptionAndTable() {
    CommandSpec spec = CommandSpec.command("run",
            "Run a drill: setup, steady state, inject the fault, watch the signals against their budgets.",
            "",
            "A second paragraph.")
        .positional(Positional.one(Type.PATH, "FILE", "a .drill file"))
        .option(Option.string("--set", "NAME=VALUE", "a param's value, taken verbatim (repeatable)").repeatable())
        .option(Option.string("--env", "NAME", "the environment this run targets (default: ${DEFAULT-VALUE})")
            .withDefault("staging"))
        .option(Option.path("--output", "DIR", "where the report goes, which is a long description that"
            + " needs to wrap onto a second line").alias("-o"))
        .option(Option.flag("--auto", "confirm every manual step"))
        .option(Option.string("--start-between", "HH:MM-HH:MM", "arm the drill"));
    assertEquals("""
        Usage: drill run [-hV] [--auto] [--env=NAME] [-o=DIR]
                         [--start-between=HH:MM-HH:MM] [--set=NAME=VALUE]... FILE
        Run a drill: setup, steady state, inject the fault, watch the signals against
        their budgets.

        A second paragraph.
              FILE               a .drill file
              --auto             confirm every manual step
              --env=NAME         the environment this run targets (default: staging)
          -h, --help             Show this help message and exit.
          -o, --output=DIR       where the report goes, which is a long description
                                   that needs to wrap onto a second line
              --set=NAME=VALUE   a param's value, taken verbatim (repeatable)
              --start-between=HH:MM-HH:MM
                                 arm the drill
          -V, --version          Print version information and exit.
        """, Usage.of(spec, "drill run"));
  }

  @Test
  void aCommandWithSubcommandsListsThemWithTheFirstParagraphOfEach() {
    CommandSpec spec = CommandSpec.command("drill", "Drills as code.")
        .subcommand(CommandSpec.command("compile", "Compile .drill files into plans.", "", "Not shown."))
        .subcommand(CommandSpec.command("fmt", "Rewrite .drill files in the canonical layout (indentation, aligned"
            + " values, blank lines); comments stay where they are."))
        .subcommand(CommandSpec.helpCommand())
        .footer("\nExit codes:\n   0   Success.\n");
    assertEquals("""
        Usage: drill [-hV] [COMMAND]
        Drills as code.
          -h, --help      Show this help message and exit.
          -V, --version   Print version information and exit.
        Commands:
          compile  Compile .drill files into plans.
          fmt      Rewrite .drill files in the canonical layout (indentation, aligned
                     values, blank lines); comments stay where they are.
          help     Display help information about the specified command.

        Exit codes:
           0   Success.
        """, Usage.of(spec, "drill"));
  }

  @Test
  void aLineTakesAWordThatEndsAtTheLastColumnOnlyWhenNoWordFollows() {
    assertEquals(java.util.List.of("aaaa bbbb", "cccc"), Usage.wrap("aaaa bbbb cccc", 10, 10));
    assertEquals(java.util.List.of("aaaa", "bbbb cccc"), Usage.wrap("aaaa bbbb cccc", 9, 9));
  }
}
