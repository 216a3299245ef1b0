package dev.drill.plan.shell;

import dev.drill.plan.Interpolation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A command template ({@code run} and {@code command} text) read the way {@code /bin/sh}
 * reads it, so that a value can stay data.
 *
 * <p>Every {@code ${name}} is written into the {@linkplain #script script} as a reference to
 * the environment variable holding the value ({@link #variable}), quoted for where it
 * stands: {@code "${DRILL_X}"} in a plain word, {@code ${DRILL_X}} inside double quotes or
 * an unquoted here-document, single quotes closed around {@code "${DRILL_X}"}; inside
 * {@code $(...)} and backquotes by the quoting inside them. The shell then expands it
 * without reading it as code.
 *
 * <p>Quoting cannot help where the text a value lands in is <em>parsed again</em> by another
 * shell: the script of {@code sh -c}, the remote command of {@code ssh}, {@code eval}, the
 * input of {@code ... | sh}, a quoted here-document, an arithmetic expression, and the
 * others in docs/security.md. Each such {@linkplain #uses() use} names the place, and its
 * value must pass the strict check ({@link #refusals}) before anything runs. A script drill
 * cannot follow (unbalanced quotes, an unterminated substitution or here-document) is never
 * an exception: every reference from the point where it stops making sense is taken as
 * re-parsed.
 */
public final class ShellScript {

  /** The characters a value may hold where another shell parses it again, for messages. */
  public static final String STRICT_CHARACTERS = "letters, digits and _ . / : @ + , = % -";

  /** The way to keep any value data in a nested shell, for messages. */
  public static String argumentIdiom(String name) {
    return "sh -c 'echo \"$1\"' _ ${" + name + "}";
  }

  private static final String STRICT_PUNCTUATION = "_./:@+,=%-";

  private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case",
      "esac", "while", "until", "for", "in", "{", "}", "!", "[[", "]]", "function", "select", "time", "coproc");
  /** Builtins of POSIX sh, dash and bash: never looked up on the PATH. */
  private static final Set<String> BUILTINS = Set.of(":", ".", "[", "alias", "bg", "break", "builtin", "cd",
      "command", "continue", "echo", "eval", "exec", "exit", "export", "false", "fc", "fg", "getopts", "hash",
      "jobs", "kill", "local", "printf", "pwd", "read", "readonly", "return", "set", "shift", "test", "times",
      "trap", "true", "type", "ulimit", "umask", "unalias", "unset", "wait", "source", "let", "declare",
      "typeset", "enable", "help", "history", "logout", "mapfile", "readarray", "shopt", "suspend", "bind",
      "caller", "compgen", "complete", "compopt", "dirs", "disown", "popd", "pushd", "newgrp");

  /** One {@code ${name}} of the template, in order, and why its text is parsed again when it is. */
  public record Use(int index, String name, Optional<String> reparsedIn) {}

  /**
   * A value that may not go where it would: the use's {@link Use#index}, the name, the place
   * ({@code the script of 'sh -c'}) and what is wrong with the value there, to follow "the
   * value" ({@code holds characters other than ...}). The reason never quotes the value.
   */
  public record Refusal(int index, String name, String place, String reason) {}

  private final int[] code;
  private final Occurrence[] occurrences;
  private final List<Heredoc> quotedHeredocs;
  private final List<String> programs;

  private ShellScript(int[] code, Occurrence[] occurrences, List<Heredoc> quotedHeredocs, List<String> programs) {
    this.code = code;
    this.occurrences = occurrences;
    this.quotedHeredocs = quotedHeredocs;
    this.programs = programs;
  }

  /** Reads a command template; never throws, whatever the text. */
  public static ShellScript parse(String template) {
    List<Integer> codes = new ArrayList<>();
    List<Occurrence> found = new ArrayList<>();
    for (Interpolation.Part part : Interpolation.parse(template)) {
      if (part instanceof Interpolation.Reference reference) {
        found.add(new Occurrence(found.size(), reference.name(), codes.size()));
        codes.add(-found.size());
      } else if (part instanceof Interpolation.Literal literal) {
        literal.text().codePoints().forEach(codes::add);
      } else {
        throw new IllegalStateException("a part of no known kind: " + part.getClass().getName());
      }
    }
    int[] code = codes.stream().mapToInt(Integer::intValue).toArray();
    Occurrence[] occurrences = found.toArray(new Occurrence[0]);
    Reading reading = new Reading(occurrences);
    try {
      new Parser(new Lexer(new Cursor(code, reading), reading), reading).script();
      Reparsing.mark(reading);
    } catch (RuntimeException | StackOverflowError e) {
      // A bug in reading must not make a command run with a value as code: assume the worst.
      for (Occurrence o : occurrences) {
        o.context = Context.UNQUOTED;
        o.dollarBefore = false;
        o.escapedBy = -1;
        o.reparsedIn = "a command drill could not read";
      }
      return new ShellScript(code, occurrences, List.of(), List.of());
    }
    List<Heredoc> quoted = new ArrayList<>();
    reading.heredocs.stream().filter(h -> h.quoted && !h.lines.isEmpty()).forEach(quoted::add);
    return new ShellScript(code, occurrences, quoted, programs(reading));
  }

  /**
   * The environment variable a value reaches commands as: {@code host-name} is {@code
   * DRILL_HOST_NAME}. Any character that cannot be in a variable name becomes '_', so even a
   * name from a hand-edited plan is only a name in the script.
   */
  public static String variable(String name) {
    return "DRILL_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /**
   * The script for {@code sh -c}, the values coming from the environment ({@link #variable}).
   * Only in a quoted here-document, where nothing is expanded, is a value itself written:
   * such a use is always re-parsed, so its value has passed {@link #refusals} first.
   *
   * @param valueOf the value of a name, or null when it has none
   */
  public String script(Function<String, String> valueOf) {
    Set<Integer> dropped = droppedBackslashes();
    StringBuilder out = new StringBuilder();
    for (int pos = 0; pos < code.length; pos++) {
      int c = code[pos];
      if (c >= 0) {
        if (!dropped.contains(pos)) {
          out.appendCodePoint(c);
        }
        continue;
      }
      Occurrence o = occurrences[-c - 1];
      String variable = "${" + variable(o.name) + "}";
      switch (o.context) {
        case DOUBLE_QUOTED:
          // After a literal '$', "$${X}" would read as '$$': close and reopen the quotes between them.
          out.append(o.dollarBefore ? "\"\"" + variable : variable);
          break;
        case SINGLE_QUOTED:
          out.append("'\"").append(variable).append("\"'");
          break;
        case HEREDOC:
          // No quotes in a here-document: the literal '$' before it is escaped instead.
          if (o.dollarBefore && out.length() > 0 && out.charAt(out.length() - 1) == '$') {
            out.insert(out.length() - 1, '\\');
          }
          out.append(variable);
          break;
        case ARITHMETIC:
          out.append(variable);
          break;
        case QUOTED_HEREDOC:
          String value = valueOf.apply(o.name);
          out.append(value == null ? "" : value);
          break;
        default:
          out.append('"').append(variable).append('"');
      }
    }
    return out.toString();
  }

  /**
   * The script as a person should read it: each value written in, quoted for where it stands
   * so that sh reads it as {@link #script} has it, one word of data ({@code echo 'a b; $(x)'},
   * {@code "id: a\\$b"}), not code. For {@code --dry-run}; what runs is {@link #script}.
   *
   * @param valueOf the value of a name, or null when it has none (then {@code ${name}} is shown)
   */
  public String shown(Function<String, String> valueOf) {
    Set<Integer> dropped = droppedBackslashes();
    StringBuilder out = new StringBuilder();
    for (int pos = 0; pos < code.length; pos++) {
      int c = code[pos];
      if (c >= 0) {
        if (!dropped.contains(pos)) {
          out.appendCodePoint(c);
        }
        continue;
      }
      Occurrence o = occurrences[-c - 1];
      String value = valueOf.apply(o.name);
      if (value == null) {
        out.append("${").append(o.name).append('}');
        continue;
      }
      switch (o.context) {
        case DOUBLE_QUOTED:
          out.append(o.dollarBefore ? "\"\"" : "").append(value.replaceAll("([\\\\\"$`])", "\\\\$1"));
          break;
        case SINGLE_QUOTED:
          out.append(value.replace("'", "'\\''"));
          break;
        case HEREDOC:
          if (o.dollarBefore && out.length() > 0 && out.charAt(out.length() - 1) == '$') {
            out.insert(out.length() - 1, '\\');
          }
          out.append(value.replaceAll("([\\\\$`])", "\\\\$1"));
          break;
        case UNQUOTED:
          out.append(isStrict(value) ? value : "'" + value.replace("'", "'\\''") + "'");
          break;
        default:
          // Arithmetic, a quoted here-document, a comment: the value as it stands.
          out.append(value);
      }
    }
    return out.toString();
  }

  /** The backslashes right before a reference, which would escape what it is written as. */
  private Set<Integer> droppedBackslashes() {
    Set<Integer> dropped = new HashSet<>();
    for (Occurrence o : occurrences) {
      if (o.escapedBy >= 0) {
        dropped.add(o.escapedBy);
      }
    }
    return dropped;
  }

  /** Every reference of the template, in order. */
  public List<Use> uses() {
    List<Use> uses = new ArrayList<>();
    for (Occurrence o : occurrences) {
      uses.add(new Use(o.index, o.name, Optional.ofNullable(o.reparsedIn)));
    }
    return uses;
  }

  /**
   * The plain names of the programs the script starts, in order: the first word of every
   * simple command, at any depth, when it is written without quotes, '$', '/' or glob
   * characters; shell keywords, builtins and functions the script defines left out.
   */
  public List<String> programs() {
    return programs;
  }

  /**
   * The re-parsed uses whose value fails the strict check: it must not be empty, must not
   * start with '-', and may hold only {@link #STRICT_CHARACTERS}; in a quoted
   * here-document it must also not make its line the delimiter.
   *
   * @param valueOf the value of a name, or null when it is not known (not checked)
   */
  public List<Refusal> refusals(Function<String, String> valueOf) {
    List<Refusal> out = new ArrayList<>();
    Set<Integer> refused = new HashSet<>();
    for (Occurrence o : occurrences) {
      String value = o.reparsedIn == null ? null : valueOf.apply(o.name);
      if (value != null) {
        strictProblem(value).or(() -> sshOptionProblem(o, value)).ifPresent(p -> {
          out.add(new Refusal(o.index, o.name, o.reparsedIn, p));
          refused.add(o.index);
        });
      }
    }
    for (Heredoc h : quotedHeredocs) {
      for (List<Object> line : h.lines) {
        endsEarly(h, line, valueOf).ifPresent(o -> {
          if (refused.add(o.index)) {
            out.add(new Refusal(o.index, o.name, o.reparsedIn,
                "would end the here-document early (its line would read '" + h.delimiter + "')"));
          }
        });
      }
    }
    out.sort(java.util.Comparator.comparingInt(Refusal::index));
    return out;
  }

  private static Optional<Occurrence> endsEarly(Heredoc h, List<Object> line, Function<String, String> valueOf) {
    StringBuilder text = new StringBuilder();
    Occurrence first = null;
    for (Object part : line) {
      if (part instanceof Occurrence o) {
        String value = valueOf.apply(o.name);
        if (value == null) {
          return Optional.empty();
        }
        text.append(value);
        first = first == null ? o : first;
      } else {
        text.append((String) part);
      }
    }
    int from = 0;
    while (h.stripTabs && from < text.length() && text.charAt(from) == '\t') {
      from++;
    }
    return text.substring(from).equals(h.delimiter) ? Optional.ofNullable(first) : Optional.empty();
  }

  /** ssh options that run a command or load code: a strict value can still name one. */
  private static final Set<String> SSH_COMMAND_OPTIONS = Set.of("proxycommand", "localcommand", "remotecommand",
      "knownhostscommand", "permitlocalcommand", "match", "include", "pkcs11provider", "securitykeyprovider");

  private static Optional<String> sshOptionProblem(Occurrence o, String value) {
    if (!CodeArguments.SSH_OPTION.equals(o.reparsedIn)) {
      return Optional.empty();
    }
    String key = value.split("=", 2)[0].toLowerCase(Locale.ROOT);
    return SSH_COMMAND_OPTIONS.contains(key) ? Optional.of("names an ssh option that runs a command") : Optional.empty();
  }

  /**
   * Whether a value passes the strict check wherever it stands (except as a line that
   * would end a quoted here-document, which only {@link #refusals} can tell).
   */
  public static boolean isStrict(String value) {
    return strictProblem(value).isEmpty();
  }

  /** Why a value may not stand where another shell parses it again, when it may not. */
  private static Optional<String> strictProblem(String value) {
    if (value.isEmpty()) {
      return Optional.of("is empty");
    }
    if (value.startsWith("-")) {
      return Optional.of("starts with '-'");
    }
    boolean strict = value.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || STRICT_PUNCTUATION.indexOf(c) >= 0);
    return strict ? Optional.empty() : Optional.of("holds characters other than " + STRICT_CHARACTERS);
  }

  private static List<String> programs(Reading reading) {
    Set<String> names = new LinkedHashSet<>();
    for (Command c : reading.simpleCommands) {
      if (c.words.isEmpty()) {
        continue;
      }
      c.words.get(0).plain()
          .filter(ShellScript::isProgramName)
          .filter(n -> !KEYWORDS.contains(n) && !BUILTINS.contains(n) && !reading.functions.contains(n))
          .ifPresent(names::add);
    }
    return List.copyOf(names);
  }

  private static boolean isProgramName(String word) {
    return !word.isEmpty() && !word.startsWith("-")
        && word.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || "-_.+:@%,".indexOf(c) >= 0);
  }
}
