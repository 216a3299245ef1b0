package dev.drill.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.cli.args.Option.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line as a user types it: every form of an option, and every mistake as one line in drill's words. */
class ParserTest {

  private static CommandSpec tool() {
    return CommandSpec.command("tool", "A tool.")
        .subcommand(CommandSpec.command("check", "Check things.")
            .positional(Positional.any(Type.PATH, "PATH", "paths"))
            .option(Option.string("--format", "FORMAT", "the format").withDefault("text"))
            .option(Option.path("--output", "DIR", "where").alias("-o"))
            .option(Option.integer("--port", "PORT", "a port").withDefault("8787"))
            .option(Option.longNumber("--seed", "N", "a seed"))
            .option(Option.string("--set", "NAME=VALUE", "a value").repeatable())
            .option(Option.flag("--strict", "strictly")))
        .subcommand(CommandSpec.command("note", "Note.")
            .positional(Positional.one(Type.PATH, "JOURNAL", "the journal"))
            .positional(Positional.some(Type.STRING, "TEXT", "the words")))
        .subcommand(CommandSpec.command("export", "Export.")
            .subcommand(CommandSpec.command("ctk", "To ctk.").positional(Positional.one(Type.PATH, "FILE", "a file"))))
        .subcommand(CommandSpec.helpCommand());
  }

  private static Values run(String... args) {
    Parsed parsed = Parser.parse(tool(), args);
    return assertInstanceOf(Parsed.Run.class, parsed, () -> parsed.toString()).values();
  }

  private static String refused(String... args) {
    return assertInstanceOf(Parsed.Refused.class, Parser.parse(tool(), args)).line();
  }

  @Test
  void anOptionsValueComesAfterAnEqualsSignOrAsTheNextArgument() {
    assertEquals(Optional.of("json"), run("check", "--format=json").string("--format"));
    assertEquals(Optional.of("json"), run("check", "--format", "json").string("--format"));
    assertEquals(Optional.of(""), run("check", "--format=").string("--format"));
    assertEquals(Optional.of("a=b"), run("check", "--format=a=b").string("--format"));
    assertEquals(Optional.of("-1"), run("check", "--format", "-1").string("--format"), "not an option: a value");
  }

  @Test
  void aShortNameTakesItsValueAttachedSeparateOrAfterEquals() {
    for (String[] args : new String[][] {{"check", "-o", "out"}, {"check", "-o=out"}, {"check", "-oout"},
        {"check", "--output", "out"}}) {
      assertEquals(Optional.of(Path.of("out")), run(args).path("-o"), String.join(" ", args));
      assertEquals(Optional.of(Path.of("out")), run(args).path("--output"));
    }
  }

  @Test
  void optionsNotGivenHaveTheirDefaultOrNothing() {
    Values values = run("check");
    assertEquals(Optional.of("text"), values.string("--format"));
    assertEquals(8787, values.integer("--port"));
    assertEquals(Optional.empty(), values.path("--output"));
    assertEquals(Optional.empty(), values.longNumber("--seed"));
    assertEquals(List.of(), values.strings("--set"));
    assertEquals(List.of(), values.paths("PATH"));
    assertFalse(values.flag("--strict"));
  }

  @Test
  void numbersAndFlagsAreRead() {
    Values values = run("check", "--port", "0", "--seed=-42", "--strict");
    assertEquals(0, values.integer("--port"));
    assertEquals(Optional.of(-42L), values.longNumber("--seed"));
    assertTrue(values.flag("--strict"));
    assertFalse(run("check", "--strict=false").flag("--strict"));
  }

  @Test
  void aRepeatableOptionKeepsEveryValueInOrder() {
    assertEquals(List.of("b=2", "a=1", "b=3"), run("check", "--set", "b=2", "--set=a=1", "--set", "b=3").strings("--set"));
  }

  @Test
  void doubleDashEndsTheOptions() {
    Values values = run("check", "a", "--", "--strict", "-o");
    assertEquals(List.of(Path.of("a"), Path.of("--strict"), Path.of("-o")), values.paths("PATH"));
    assertFalse(values.flag("--strict"));
  }

  @Test
  void positionalsTakeTheArgumentsInOrderAndOptionsMayComeBetween() {
    Values note = run("note", "j.jsonl", "the", "page");
    assertEquals(Optional.of(Path.of("j.jsonl")), note.path("JOURNAL"));
    assertEquals(List.of("the", "page"), note.strings("TEXT"));
    Values check = run("check", "a", "--strict", "b");
    assertEquals(List.of(Path.of("a"), Path.of("b")), check.paths("PATH"));
    assertTrue(check.flag("--strict"));
  }

  @Test
  void subcommandsNestUnderTheirQualifiedName() {
    Parsed parsed = Parser.parse(tool(), new String[] {"export", "ctk", "x.drill"});
    assertEquals("tool export ctk", assertInstanceOf(Parsed.Run.class, parsed).command());
    assertEquals("tool", assertInstanceOf(Parsed.Run.class, Parser.parse(tool(), new String[0])).command());
  }

  @Test
  void helpAndVersionWinWhereverTheyAre() {
    assertEquals("tool check", help("check", "--help"));
    assertEquals("tool check", help("check", "x", "-h", "--bogus"));
    assertEquals("tool check", help("check", "-hV"));
    assertEquals("tool", help("--help", "check"));
    assertEquals("tool check", help("help", "check"));
    assertEquals("tool", help("help"));
    assertEquals("tool help", help("help", "--help"));
    assertInstanceOf(Parsed.Version.class, Parser.parse(tool(), new String[] {"--version"}));
    assertInstanceOf(Parsed.Version.class, Parser.parse(tool(), new String[] {"check", "-V"}));
  }

  private static String help(String... args) {
    return assertInstanceOf(Parsed.Help.class, Parser.parse(tool(), args)).command();
  }

  @Test
  void unknownOptionsAndCommandsGetADidYouMeanOrWhereToLook() {
    assertEquals("tool check: unknown option '--strct'; did you mean '--strict'?", refused("check", "--strct"));
    assertEquals("tool check: unknown option '--formt'; did you mean '--format'?", refused("check", "--formt=x"));
    assertEquals("tool check: unknown option '--colour'; tool check --help lists the options",
        refused("check", "--colour"));
    assertEquals("tool check: unknown option '-Zq'; tool check --help lists the options", refused("check", "-Zq"));
    assertEquals("tool check: unknown option '-Z'; did you mean '-V'?", refused("check", "-Z=1"));
    assertEquals(Optional.of(Path.of("a=b")), run("check", "-oa=b").path("--output"));
    assertEquals("tool: unknown command 'chek'; did you mean 'check'?", refused("chek"));
    assertEquals("tool: unknown command 'deploy'; tool --help lists the commands", refused("deploy", "x"));
    assertEquals("tool: unknown command 'nte'; did you mean 'note'?", refused("help", "nte"));
    assertEquals("tool export: unexpected argument 'nope'; tool export --help shows what it takes",
        refused("export", "nope"));
  }

  @Test
  void missingAndSurplusArgumentsAreNamed() {
    assertEquals("tool note: missing JOURNAL; tool note --help shows what it takes", refused("note"));
    assertEquals("tool note: missing TEXT; tool note --help shows what it takes", refused("note", "j"));
    assertEquals("tool export ctk: unexpected argument 'b'; tool export ctk --help shows what it takes",
        refused("export", "ctk", "a", "b"));
    assertEquals("tool help: too many arguments; tool help --help shows what it takes", refused("help", "a", "b"));
  }

  @Test
  void anOptionWithoutItsValueOrGivenTwiceOrNotANumberIsRefused() {
    assertEquals("tool check: --format needs a value (FORMAT)", refused("check", "--format"));
    assertEquals("tool check: --format needs a value (FORMAT)", refused("check", "--format", "--strict"));
    assertEquals("tool check: --output needs a value (DIR)", refused("check", "-o"));
    assertEquals("tool check: --format is given more than once; give it once",
        refused("check", "--format", "a", "--format=b"));
    assertEquals("tool check: --port: 'x' is not a valid PORT", refused("check", "--port", "x"));
    assertEquals("tool check: --port: '99999999999' is not a valid PORT", refused("check", "--port=99999999999"));
    assertEquals("tool check: --seed: '1.5' is not a valid N", refused("check", "--seed", "1.5"));
    assertEquals("tool check: --strict: 'yes' is not a valid true or false", refused("check", "--strict=yes"));
  }
}
