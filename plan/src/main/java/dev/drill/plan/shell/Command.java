package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;

/** A simple command, or a compound one ({@code (...)}, {@code { ...; }}, if, while, for, case, a function). */
final class Command {

  final int refStart;
  int refEnd;
  boolean compound;
  boolean function;
  final List<Word> assignments = new ArrayList<>();
  final List<Word> words = new ArrayList<>();
  /** Words that are neither the command nor its arguments: redirection targets, for lists, case subjects and patterns. */
  final List<Word> others = new ArrayList<>();
  final List<Heredoc> heredocs = new ArrayList<>();
  /** The commands inside a compound command or a function. */
  final List<Pipeline> body = new ArrayList<>();

  Command(int refStart) {
    this.refStart = refStart;
    this.refEnd = refStart;
  }

  /** Every pipeline directly inside: the body, and the substitutions in every word. */
  List<Pipeline> nested() {
    List<Pipeline> all = new ArrayList<>(body);
    for (List<Word> list : List.of(assignments, words, others)) {
      list.forEach(w -> all.addAll(w.nested));
    }
    heredocs.forEach(h -> {
      if (h.body != null) {
        all.addAll(h.body.nested);
      }
    });
    return all;
  }
}
