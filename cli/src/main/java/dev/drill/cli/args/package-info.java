/**
 * drill's own command-line parser: a command is declared in code, as a {@link
 * dev.drill.cli.args.CommandSpec} of {@link dev.drill.cli.args.Option}s and {@link
 * dev.drill.cli.args.Positional}s, read by {@link dev.drill.cli.args.Parser} into {@link
 * dev.drill.cli.args.Values}, and its help laid out as picocli laid it out.
 *
 * <p>Why not picocli: a cold {@code drill check} must start within a few times a bare {@code java
 * -version}, and picocli cost 110-160 ms of every start. Its jar is Java 5 bytecode, which no
 * class-data archive (CDS, AOT cache) takes, so the old verifier checks it on each start, and it
 * builds each command's model by reflection over annotations with dynamic proxies. Here there is
 * no reflection, no proxy, and no lambda on the way to a command: plain objects, archivable and
 * cheap for the interpreter.
 *
 * <p>To declare a command (converting a picocli one): give it a {@code static CommandSpec spec()}
 * and a constructor that reads the {@link dev.drill.cli.args.Values} into its fields, then name
 * it in {@code Main.spec} and {@code Main.command}:
 *
 * <pre>{@code
 * static CommandSpec spec() {                                  // @Command(name = "check", description = {...})
 *   return CommandSpec.command("check", "First paragraph.", "", "Second paragraph.")
 *       .positional(Positional.any(Type.PATH, "PATH", "..."))  // @Parameters(paramLabel = "PATH", arity = "0..*")
 *       .option(Option.path("--output", "DIR", "...").alias("-o"))       // @Option(names = {"-o", "--output"})
 *       .option(Option.string("--env", "NAME", "... (default: ${DEFAULT-VALUE})").withDefault("staging"))
 *       .option(Option.string("--set", "NAME=VALUE", "...").repeatable())  // List<String> set
 *       .option(Option.flag("--strict", "..."));                           // boolean strict
 * }
 *
 * CheckCommand(Values args, PrintWriter out, PrintWriter err) {
 *   paths = args.paths("PATH");                    // positionals by label, options by any name
 *   output = args.path("--output").orElse(null);
 *   environment = args.string("--env").orElseThrow();  // its default when not given
 *   set = args.strings("--set");
 *   strict = args.flag("--strict");
 * }
 * }</pre>
 *
 * Arity: {@code Positional.one} (1), {@code optional} (0..1), {@code any} (0..*), {@code some}
 * (1..*); positionals take the arguments in the order declared. Values: {@code Option.string},
 * {@code path}, {@code integer}, {@code longNumber} (a bad number is a usage error), {@code flag}.
 * Every command gets -h/--help and -V/--version; {@code CommandSpec.subcommand} nests commands
 * ({@code drill export ctk}); a mixin is a static method that adds its options to a spec (see
 * {@code StartOptions.addTo}).
 */
package dev.drill.cli.args;
