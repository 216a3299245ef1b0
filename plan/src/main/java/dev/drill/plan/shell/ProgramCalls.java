package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The programs that run text as code, and how drill reads their calls: where a shell's
 * {@code -c} script stands, where ssh's destination and remote command start. A program is
 * recognised by the basename of a word; where drill cannot read a word, it assumes the worst.
 */
final class ProgramCalls {

  static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "busybox");
  /** Options of ssh that take an argument. */
  private static final String SSH_ARGUMENTS = "BbcDEeFIiJLlmOoPpQRSWw";
  /** Interpreters and the flags whose argument is a program to run. */
  static final Map<String, String> INTERPRETERS = Map.of(
      "python", "c", "python2", "c", "python3", "c", "perl", "eE", "ruby", "e", "node", "ep", "nodejs", "ep",
      "php", "r");
  static final Set<String> AWKS = Set.of("awk", "gawk", "mawk", "nawk");
  /** Programs that run text they are given as code; a pipeline stage holding one is taken to run its input. */
  private static final Set<String> RUNNERS = Set.of("ssh", "autossh", "eval", "trap", "watch", "su", "runuser",
      "xargs", ".", "source", "alias");

  private ProgramCalls() {}

  static String basename(String value) {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** The program a word names, when nothing in it is expanded. */
  static Optional<String> name(Word w) {
    return w.value().map(ProgramCalls::basename);
  }

  /** A shell, a runner, an interpreter or an awk: a program that may run text as code. */
  static boolean isRunner(String name) {
    return SHELLS.contains(name) || RUNNERS.contains(name) || INTERPRETERS.containsKey(name) || AWKS.contains(name);
  }

  /**
   * How a shell at {@code at} is called: the index of its {@code -c} script (-1 without
   * {@code -c}), whether it reads its script from its input (no {@code -c} and no script
   * file, or {@code -s}), and from where drill cannot read its options (-1 when it can).
   */
  record ShellCall(int script, boolean readsInput, int unreadableFrom) {}

  static ShellCall shellCall(List<Word> words, int at) {
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

  /** Where the words of an ssh call are: the destination, and the remote command after it. */
  record SshCall(int host, List<Word> options, boolean unreadable) {}

  static SshCall sshCall(List<Word> words, int at) {
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

  /**
   * Whether code given as text (a {@code -c} script, ssh's remote command) may read its own
   * input as code: it names a shell, a runner or an interpreter anywhere, or drill cannot read it.
   */
  static boolean mentionsRunner(Optional<String> code) {
    if (code.isEmpty()) {
      return true;
    }
    for (String token : code.get().split("[\\s;|&()`$'\"<>{}]+")) {
      if (isRunner(basename(token))) {
        return true;
      }
    }
    return false;
  }
}
