package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which references land in text that another shell (or interpreter) parses again, where
 * quoting cannot keep a value data. Over-approximates on purpose: a program is recognised
 * by the basename of any word of a simple command ({@code sudo sh -c}, {@code kubectl exec p
 * -- sh -c}), and where drill cannot tell what a word is, it assumes the worst.
 */
final class Reparsing {

  static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "busybox");
  /** Options of ssh that take an argument. */
  private static final String SSH_ARGUMENTS = "BbcDEeFIiJLlmOoPpQRSWw";
  /** Interpreters and the flags whose argument is a program to run. */
  private static final Map<String, String> INTERPRETERS = Map.of(
      "python", "c", "python2", "c", "python3", "c", "perl", "eE", "ruby", "e", "node", "ep", "nodejs", "ep",
      "php", "r");
  private static final Set<String> AWKS = Set.of("awk", "gawk", "mawk", "nawk");
  /** Programs that run text they are given as code; a pipeline stage holding one is taken to run its input. */
  private static final Set<String> RUNNERS = Set.of("ssh", "autossh", "eval", "trap", "watch", "su", "runuser",
      "xargs", ".", "source", "alias");

  static final String SSH_OPTION = "an option of 'ssh'";

  private final Reading reading;

  private Reparsing(Reading reading) {
    this.reading = reading;
  }

  static void mark(Reading reading) {
    Reparsing r = new Reparsing(reading);
    for (Command c : reading.simpleCommands) {
      r.words(c.words);
    }
    for (Pipeline p : reading.pipelines) {
      r.inputs(p);
    }
    for (Heredoc h : reading.heredocs) {
      if (h.quoted && h.body != null) {
        r.mark(h.body.refStart, h.body.refEnd, "a quoted here-document");
      }
    }
    for (int[] range : reading.arithmetic) {
      r.mark(range[0], range[1], "an arithmetic expression");
    }
    if (reading.brokenBy != null) {
      for (Occurrence o : reading.occurrences) {
        if (o.position >= reading.brokenAt) {
          o.reparse("the text after " + reading.brokenBy);
        }
      }
    }
  }

  private void mark(int from, int to, String place) {
    for (int i = from; i < to && i < reading.occurrences.length; i++) {
      reading.occurrences[i].reparse(place);
    }
  }

  private void mark(Word w, String place) {
    mark(w.refStart, w.refEnd, place);
  }

  private void markFrom(List<Word> words, int from, String place) {
    for (int i = from; i < words.size(); i++) {
      mark(words.get(i), place);
    }
  }

  static String basename(String value) {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  private static Optional<String> name(Word w) {
    return w.value().map(Reparsing::basename);
  }

  /** The words of one simple command that a program it runs parses again. */
  private void words(List<Word> words) {
    for (int i = 0; i < words.size(); i++) {
      String name = name(words.get(i)).orElse("");
      if (SHELLS.contains(name)) {
        shell(words, i, name);
      } else if (name.equals("ssh") || name.equals("autossh")) {
        ssh(words, i);
      } else if (name.equals("env")) {
        splitString(words, i);
      } else if (name.equals("eval") || name.equals("watch") || name.equals("alias")) {
        markFrom(words, i + 1, "'" + name + "'");
      } else if (name.equals("trap")) {
        int action = i + 1 < words.size() && words.get(i + 1).value().filter("--"::equals).isPresent() ? i + 2 : i + 1;
        if (action < words.size()) {
          mark(words.get(action), "the action of 'trap'");
        }
      } else if (name.equals("su") || name.equals("runuser") || name.equals("script")) {
        commandOption(words, i, name);
      } else if (INTERPRETERS.containsKey(name)) {
        interpreter(words, i, name);
      } else if (AWKS.contains(name)) {
        awk(words, i, name);
      }
    }
  }

  /**
   * How a shell at {@code at} is called: the index of its {@code -c} script (-1 without
   * {@code -c}), whether it reads its script from its input (no {@code -c} and no script
   * file, or {@code -s}), and from where drill cannot read its options (-1 when it can).
   */
  private record ShellCall(int script, boolean readsInput, int unreadableFrom) {}

  private static ShellCall shellCall(List<Word> words, int at) {
    boolean dashC = false;
    boolean dashS = false;
    for (int k = at + 1; k < words.size(); k++) {
      Optional<String> value = words.get(k).value();
      if (value.isEmpty()) {
        return dashC ? new ShellCall(k, false, -1) : new ShellCall(-1, true, k);
      }
      String v = value.get();
      if (v.equals("-") || v.equals("--")) {
        return dashC ? new ShellCall(v.equals("--") && k + 1 < words.size() ? k + 1 : -1, false, -1)
            : new ShellCall(-1, true, -1);
      }
      if (v.length() > 1 && (v.startsWith("-") || v.startsWith("+"))) {
        if (v.equals("-o") || v.equals("+o") || v.equals("-O") || v.equals("+O") || v.equals("--rcfile")
            || v.equals("--init-file")) {
          k++;
        } else if (v.startsWith("-") && !v.startsWith("--")) {
          dashC |= v.indexOf('c') > 0;
          dashS |= v.indexOf('s') > 0;
        }
        continue;
      }
      return dashC ? new ShellCall(k, false, -1) : new ShellCall(-1, dashS, -1);
    }
    return new ShellCall(-1, !dashC, -1);
  }

  /**
   * A shell's {@code -c} script is its first operand after the options; the operands after it
   * are positional parameters, data. An option drill cannot read makes it assume the rest is script.
   */
  private void shell(List<Word> words, int at, String name) {
    String place = "the script of '" + name + " -c'";
    ShellCall call = shellCall(words, at);
    if (call.unreadableFrom() >= 0) {
      markFrom(words, call.unreadableFrom(), place);
    } else if (call.script() >= 0) {
      mark(words.get(call.script()), place);
    }
  }

  /**
   * Whether code given as text (a {@code -c} script, ssh's remote command) may read its own
   * input as code: it names a shell, a runner or an interpreter anywhere, or drill cannot read it.
   */
  private static boolean mentionsRunner(Optional<String> code) {
    if (code.isEmpty()) {
      return true;
    }
    for (String token : code.get().split("[\\s;|&()`$'\"<>{}]+")) {
      String name = basename(token);
      if (SHELLS.contains(name) || RUNNERS.contains(name) || INTERPRETERS.containsKey(name) || AWKS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** Where the words of an ssh call are: the destination, and the remote command after it. */
  private record SshCall(int host, List<Word> options, boolean unreadable) {}

  private static SshCall sshCall(List<Word> words, int at) {
    List<Word> options = new ArrayList<>();
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      Optional<String> value = w.value();
      if (value.isEmpty()) {
        String prefix = w.literalPrefix();
        if (prefix.equals("-")) {
          return new SshCall(k, options, true);
        }
        if (prefix.startsWith("-") && !prefix.startsWith("--")) {
          options.add(w);
          continue;
        }
        return new SshCall(k, options, false);
      }
      String v = value.get();
      if (v.equals("--")) {
        return new SshCall(k + 1, options, false);
      }
      if (v.length() > 1 && v.startsWith("-")) {
        for (int j = 1; j < v.length(); j++) {
          char option = v.charAt(j);
          if (SSH_ARGUMENTS.indexOf(option) >= 0) {
            if (j == v.length() - 1 && k + 1 < words.size()) {
              k++;
              if (option == 'o') {
                options.add(words.get(k));
              }
            }
            break;
          }
        }
        continue;
      }
      return new SshCall(k, options, false);
    }
    return new SshCall(words.size(), options, false);
  }

  /** The remote shell joins every word after the destination and parses the result. */
  private void ssh(List<Word> words, int at) {
    SshCall call = sshCall(words, at);
    call.options().forEach(w -> mark(w, SSH_OPTION));
    markFrom(words, call.unreadable() ? call.host() : call.host() + 1, "the remote command of 'ssh'");
  }

  /** {@code env -S STRING} splits the string into words: a value in it can become more arguments, or options. */
  private void splitString(List<Word> words, int at) {
    String place = "the string of 'env -S'";
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      String v = w.value().orElse(w.literalPrefix());
      if (v.equals("-S") || v.equals("--split-string")) {
        if (k + 1 < words.size()) {
          mark(words.get(k + 1), place);
        }
        return;
      }
      if (v.startsWith("-S") || v.startsWith("--split-string=")) {
        mark(w, place);
        return;
      }
      if (!v.startsWith("-")) {
        return;
      }
    }
  }

  /** {@code su}, {@code runuser}, {@code script}: the argument of {@code -c} / {@code --command} is run by a shell. */
  private void commandOption(List<Word> words, int at, String name) {
    String place = "the command of '" + name + " -c'";
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      boolean literal = w.value().isPresent();
      String v = w.value().orElse(w.literalPrefix());
      if (v.equals("--command") || v.equals("--session-command")) {
        if (k + 1 < words.size()) {
          mark(words.get(++k), place);
        }
      } else if (v.startsWith("--command=") || v.startsWith("--session-command=")) {
        mark(w, place);
      } else if (v.startsWith("-") && !v.startsWith("--") && v.length() > 1) {
        int c = v.indexOf('c');
        if (!literal) {
          // Options drill cannot read: the word and the next may both be the command.
          mark(w, place);
          if (k + 1 < words.size()) {
            mark(words.get(k + 1), place);
          }
        } else if (c == v.length() - 1 && k + 1 < words.size()) {
          mark(words.get(++k), place);
        }
      }
    }
  }

  /** {@code python3 -c CODE}, {@code perl -e CODE}, ...: the program is the argument of the flag. */
  private void interpreter(List<Word> words, int at, String name) {
    String flags = INTERPRETERS.get(name);
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      String v = w.value().orElse(w.literalPrefix());
      if (v.equals("--eval") || v.equals("--print")) {
        if (k + 1 < words.size()) {
          mark(words.get(k + 1), "the program of '" + name + " " + v + "'");
        }
        continue;
      }
      if (!v.startsWith("-") || v.startsWith("--")) {
        continue;
      }
      for (int j = 1; j < v.length(); j++) {
        if (flags.indexOf(v.charAt(j)) >= 0) {
          String place = "the program of '" + name + " -" + v.charAt(j) + "'";
          if (j == v.length() - 1 && w.value().isPresent()) {
            if (k + 1 < words.size()) {
              mark(words.get(k + 1), place);
            }
          } else {
            mark(w, place);
          }
          break;
        }
      }
    }
  }

  /** awk's program is its first operand, unless it comes from a file ({@code -f}). */
  private void awk(List<Word> words, int at, String name) {
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      Optional<String> value = w.value();
      String v = value.orElse(w.literalPrefix());
      if (v.equals("--")) {
        if (k + 1 < words.size()) {
          mark(words.get(k + 1), "the program of '" + name + "'");
        }
        return;
      }
      if (v.startsWith("-") && v.length() > 1) {
        if (v.startsWith("-f") || v.equals("--file")) {
          return;
        }
        if (value.isPresent() && (v.equals("-F") || v.equals("-v"))) {
          k++;
        }
        continue;
      }
      mark(w, "the program of '" + name + "'");
      return;
    }
  }

  /**
   * Text that flows into a stage reading its input as code: the words of every earlier
   * stage, and the here-documents of those stages and of the reader itself.
   */
  private void inputs(Pipeline p) {
    String reader = null;
    for (int i = p.stages.size() - 1; i >= 0; i--) {
      Command stage = p.stages.get(i);
      if (reader != null) {
        String place = "the input of '" + reader + "'";
        mark(stage.refStart, stage.refEnd, place);
        heredocs(stage, place);
      }
      Optional<String> own = readsCode(stage);
      if (own.isPresent()) {
        reader = own.get();
        heredocs(stage, "the input of '" + reader + "'");
      }
    }
  }

  private void heredocs(Command c, String place) {
    for (Heredoc h : c.heredocs) {
      if (h.body != null) {
        mark(h.body, place);
      }
    }
    for (Pipeline p : c.nested()) {
      for (Command inner : p.stages) {
        heredocs(inner, place);
      }
    }
  }

  /**
   * The program that runs this command's input as code, when there is one. A substitution in
   * the words reads the same input, so a runner anywhere in a command holding one counts
   * ({@code sh -c "$(cat)"}).
   */
  private static Optional<String> readsCode(Command c) {
    if (c.compound || c.function) {
      return runner(c, true);
    }
    Optional<String> own = readsCode(c.words);
    if (own.isPresent()) {
      return own;
    }
    Optional<String> nested = runner(c, false);
    if (nested.isPresent()) {
      return nested;
    }
    boolean substitutes = c.words.stream().anyMatch(w -> !w.nested.isEmpty());
    return substitutes ? runnerWord(c.words) : Optional.empty();
  }

  private static Optional<String> readsCode(List<Word> words) {
    for (int i = 0; i < words.size(); i++) {
      String name = name(words.get(i)).orElse("");
      if (SHELLS.contains(name)) {
        ShellCall call = shellCall(words, i);
        if (call.readsInput() || call.script() >= 0 && mentionsRunner(words.get(call.script()).value())) {
          return Optional.of(name);
        }
      }
      if (name.equals("xargs") || name.equals("eval") || name.equals(".") || name.equals("source")) {
        return Optional.of(name);
      }
      if (name.equals("ssh") || name.equals("autossh")) {
        SshCall call = sshCall(words, i);
        List<Word> remote = words.subList(Math.min(call.host() + 1, words.size()), words.size());
        // The remote shell joins the words and splits them again: 'bash -s' is bash reading its input.
        Optional<String> joined = remote.stream().allMatch(w -> w.value().isPresent())
            ? Optional.of(remote.stream().map(w -> w.value().get()).collect(Collectors.joining(" ")))
            : Optional.empty();
        if (call.unreadable() || remote.isEmpty() || mentionsRunner(joined)) {
          return Optional.of(name);
        }
      }
      boolean su = name.equals("su") || name.equals("runuser");
      List<Word> after = words.subList(i + 1, words.size());
      if (su && after.stream().noneMatch(Reparsing::isCommandOption)
          || (su || name.equals("script")) && after.stream().anyMatch(w -> mentionsRunner(w.value()))) {
        return Optional.of(name);
      }
      if (INTERPRETERS.containsKey(name)
          && after.stream().allMatch(w -> w.value().filter(v -> v.startsWith("-")).isPresent()
              && w.value().get().chars().noneMatch(ch -> INTERPRETERS.get(name).indexOf(ch) >= 0))) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static boolean isCommandOption(Word w) {
    String v = w.value().orElse(w.literalPrefix());
    return v.startsWith("--command") || v.startsWith("--session-command")
        || v.startsWith("-") && !v.startsWith("--") && v.indexOf('c') > 0;
  }

  /**
   * A command nested in this one (in a compound's body, or a substitution in its words)
   * that could run its input as code: any shell, runner or interpreter, whatever its options.
   * With {@code all} false, only the substitutions are searched.
   */
  private static Optional<String> runner(Command c, boolean all) {
    if (all && !c.compound && !c.function) {
      Optional<String> own = runnerWord(c.words);
      if (own.isPresent()) {
        return own;
      }
    }
    for (Pipeline p : c.nested()) {
      for (Command inner : p.stages) {
        Optional<String> found = runner(inner, true);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> runnerWord(List<Word> words) {
    for (Word w : words) {
      Optional<String> name = name(w);
      if (name.isPresent() && (SHELLS.contains(name.get()) || RUNNERS.contains(name.get())
          || INTERPRETERS.containsKey(name.get()) || AWKS.contains(name.get()))) {
        return name;
      }
    }
    return Optional.empty();
  }
}
