package dev.drill.plan.shell;

import static dev.drill.plan.shell.ProgramCalls.INTERPRETERS;
import static dev.drill.plan.shell.ProgramCalls.SHELLS;
import static dev.drill.plan.shell.ProgramCalls.mentionsRunner;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Text that reaches a program as input it runs as code: what the earlier stages of a
 * pipeline write ({@code echo ... | sh}), and here-documents ({@code ssh host <<EOF}).
 */
final class CodeInput {

  private final Reparsing reparsing;

  CodeInput(Reparsing reparsing) {
    this.reparsing = reparsing;
  }

  /**
   * Text that flows into a stage reading its input as code: the words of every earlier
   * stage, and the here-documents of those stages and of the reader itself.
   */
  void mark(Pipeline p) {
    String reader = null;
    for (int i = p.stages.size() - 1; i >= 0; i--) {
      Command stage = p.stages.get(i);
      if (reader != null) {
        String place = "the input of '" + reader + "'";
        reparsing.mark(stage.refStart, stage.refEnd, place);
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
        reparsing.mark(h.body, place);
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
      String name = ProgramCalls.name(words.get(i)).orElse("");
      if (SHELLS.contains(name)) {
        ProgramCalls.ShellCall call = ProgramCalls.shellCall(words, i);
        if (call.readsInput() || call.script() >= 0 && mentionsRunner(words.get(call.script()).value())) {
          return Optional.of(name);
        }
      }
      if (name.equals("xargs") || name.equals("eval") || name.equals(".") || name.equals("source")) {
        return Optional.of(name);
      }
      if (name.equals("ssh") || name.equals("autossh")) {
        ProgramCalls.SshCall call = ProgramCalls.sshCall(words, i);
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
      if (su && after.stream().noneMatch(CodeInput::isCommandOption)
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
      Optional<String> name = ProgramCalls.name(w);
      if (name.isPresent() && ProgramCalls.isRunner(name.get())) {
        return name;
      }
    }
    return Optional.empty();
  }
}
