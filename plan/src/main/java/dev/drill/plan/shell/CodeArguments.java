package dev.drill.plan.shell;

import static dev.drill.plan.shell.ProgramCalls.AWKS;
import static dev.drill.plan.shell.ProgramCalls.INTERPRETERS;
import static dev.drill.plan.shell.ProgramCalls.SHELLS;

import java.util.List;
import java.util.Optional;

/**
 * The words of a simple command that a program it calls parses again as code, program by
 * program: a shell's {@code -c} script, ssh's remote command and {@code -o} options,
 * {@code env -S}, {@code eval}, {@code watch}, {@code alias}, {@code trap}, the {@code -c}
 * of {@code su}, {@code runuser} and {@code script}, interpreters' programs and awk's.
 */
final class CodeArguments {

  static final String SSH_OPTION = "an option of 'ssh'";

  private final Reparsing reparsing;

  CodeArguments(Reparsing reparsing) {
    this.reparsing = reparsing;
  }

  /** Every program named in the words is looked at: {@code sudo sh -c}, {@code kubectl exec p -- sh -c}. */
  void mark(List<Word> words) {
    for (int i = 0; i < words.size(); i++) {
      String name = ProgramCalls.name(words.get(i)).orElse("");
      if (SHELLS.contains(name)) {
        shell(words, i, name);
      } else if (name.equals("ssh") || name.equals("autossh")) {
        ssh(words, i);
      } else if (name.equals("env")) {
        splitString(words, i);
      } else if (name.equals("eval") || name.equals("watch") || name.equals("alias")) {
        reparsing.markFrom(words, i + 1, "'" + name + "'");
      } else if (name.equals("trap")) {
        int action = i + 1 < words.size() && words.get(i + 1).value().filter("--"::equals).isPresent() ? i + 2 : i + 1;
        if (action < words.size()) {
          reparsing.mark(words.get(action), "the action of 'trap'");
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
   * A shell's {@code -c} script is its first operand after the options; the operands after it
   * are positional parameters, data. An option drill cannot read makes it assume the rest is script.
   */
  private void shell(List<Word> words, int at, String name) {
    String place = "the script of '" + name + " -c'";
    ProgramCalls.ShellCall call = ProgramCalls.shellCall(words, at);
    if (call.unreadableFrom() >= 0) {
      reparsing.markFrom(words, call.unreadableFrom(), place);
    } else if (call.script() >= 0) {
      reparsing.mark(words.get(call.script()), place);
    }
  }

  /** The remote shell joins every word after the destination and parses the result. */
  private void ssh(List<Word> words, int at) {
    ProgramCalls.SshCall call = ProgramCalls.sshCall(words, at);
    call.options().forEach(w -> reparsing.mark(w, SSH_OPTION));
    reparsing.markFrom(words, call.unreadable() ? call.host() : call.host() + 1, "the remote command of 'ssh'");
  }

  /** {@code env -S STRING} splits the string into words: a value in it can become more arguments, or options. */
  private void splitString(List<Word> words, int at) {
    String place = "the string of 'env -S'";
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      String v = w.value().orElse(w.literalPrefix());
      if (v.equals("-S") || v.equals("--split-string")) {
        if (k + 1 < words.size()) {
          reparsing.mark(words.get(k + 1), place);
        }
        return;
      }
      if (v.startsWith("-S") || v.startsWith("--split-string=")) {
        reparsing.mark(w, place);
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
      if (!literal && v.startsWith("-")) {
        // An option glued to a value ("-${o}"): it may be -c, and any word after it the command.
        reparsing.markFrom(words, k, place);
        return;
      }
      if (v.equals("--command") || v.equals("--session-command")) {
        if (k + 1 < words.size()) {
          reparsing.mark(words.get(++k), place);
        }
      } else if (v.startsWith("--command=") || v.startsWith("--session-command=")) {
        reparsing.mark(w, place);
      } else if (v.startsWith("-") && !v.startsWith("--") && v.length() > 1) {
        int c = v.indexOf('c');
        if (!literal) {
          // Options drill cannot read: the word and the next may both be the command.
          reparsing.mark(w, place);
          if (k + 1 < words.size()) {
            reparsing.mark(words.get(k + 1), place);
          }
        } else if (c == v.length() - 1 && k + 1 < words.size()) {
          reparsing.mark(words.get(++k), place);
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
          reparsing.mark(words.get(k + 1), "the program of '" + name + " " + v + "'");
        }
        continue;
      }
      if (v.startsWith("--eval=") || v.startsWith("--print=")) {
        reparsing.mark(w, "the program of '" + name + " " + v.substring(0, v.indexOf('=')) + "'");
        continue;
      }
      if (!v.startsWith("-") || v.startsWith("--") && w.value().isPresent()) {
        continue;
      }
      boolean flagged = false;
      for (int j = 1; j < v.length() && !flagged; j++) {
        if (flags.indexOf(v.charAt(j)) >= 0) {
          String place = "the program of '" + name + " -" + v.charAt(j) + "'";
          if (j == v.length() - 1 && w.value().isPresent()) {
            if (k + 1 < words.size()) {
              reparsing.mark(words.get(k + 1), place);
            }
          } else {
            reparsing.mark(w, place);
          }
          flagged = true;
        }
      }
      if (!flagged && w.value().isEmpty()) {
        // An option glued to a value ("-${o}"): it may be the program's flag, and any word after it the program.
        reparsing.markFrom(words, k, "the program of '" + name + "'");
        return;
      }
    }
  }

  /**
   * awk's program is its first operand, unless programs come from files ({@code -f}); gawk's
   * {@code -e} / {@code --source} give program text too, with or without {@code -f}.
   */
  private void awk(List<Word> words, int at, String name) {
    String place = "the program of '" + name + "'";
    boolean fromFile = false;
    for (int k = at + 1; k < words.size(); k++) {
      Word w = words.get(k);
      Optional<String> value = w.value();
      String v = value.orElse(w.literalPrefix());
      if (value.isEmpty() && v.startsWith("-")) {
        // An option glued to a value ("-${o}"): it may be -e, and any word after it program text.
        reparsing.markFrom(words, k, place);
        return;
      }
      if (v.equals("--")) {
        if (!fromFile && k + 1 < words.size()) {
          reparsing.mark(words.get(k + 1), place);
        }
        return;
      }
      if (v.equals("-e") || v.equals("--source")) {
        if (k + 1 < words.size()) {
          reparsing.mark(words.get(++k), place);
        }
        fromFile = true;
      } else if (v.startsWith("--source=") || v.startsWith("-e") && v.length() > 2) {
        reparsing.mark(w, place);
        fromFile = true;
      } else if (v.equals("-f") || v.equals("--file") || v.equals("-F") || v.equals("-v")) {
        fromFile |= !v.equals("-F") && !v.equals("-v");
        k++;
      } else if (v.startsWith("-f") || v.startsWith("--file=")) {
        fromFile = true;
      } else if (v.startsWith("-") && v.length() > 1) {
        continue;
      } else {
        if (!fromFile) {
          reparsing.mark(w, place);
        }
        return;
      }
    }
  }
}
