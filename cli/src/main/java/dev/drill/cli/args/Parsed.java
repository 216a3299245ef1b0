package dev.drill.cli.args;

/** What a command line asks for: a command to run, a help, the version, or nothing, with the one line that says why. */
public sealed interface Parsed {

  /** Run {@code command} ("drill export ctk") with the values given. */
  record Run(CommandSpec spec, String command, Values values) implements Parsed {
    public String usage() {
      return Usage.of(spec, command);
    }
  }

  /** Print the help of {@code command}. */
  record Help(CommandSpec spec, String command) implements Parsed {
    public String usage() {
      return Usage.of(spec, command);
    }
  }

  /** Print the version. */
  record Version() implements Parsed {}

  /** A usage error of {@code command}, told by {@link #line()}: {@code drill run: missing FILE; ...}. */
  record Refused(String command, String reason) implements Parsed {
    public String line() {
      return command + ": " + reason;
    }
  }
}
