package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What reading a script collects, shared by the lexers and parsers of its nested parts. */
final class Reading {

  /** Deeper nesting is no script a person writes; past it the rest is treated as unreadable. */
  static final int MAX_DEPTH = 64;

  final Occurrence[] occurrences;
  /** References are read in order: the index of the next one. */
  int nextOccurrence;
  final List<Pipeline> pipelines = new ArrayList<>();
  final List<Command> simpleCommands = new ArrayList<>();
  final List<Heredoc> heredocs = new ArrayList<>();
  /** {@code [start, end)} ranges of references inside {@code $((...))}. */
  final List<int[]> arithmetic = new ArrayList<>();
  final Set<String> functions = new HashSet<>();
  private int depth;
  /** Where the script stops making sense to drill, and why; everything from there on is treated as re-parsed. */
  int brokenAt = Integer.MAX_VALUE;
  String brokenBy;

  Reading(Occurrence[] occurrences) {
    this.occurrences = occurrences;
  }

  void broken(int position, String what) {
    if (position < brokenAt) {
      brokenAt = position;
      brokenBy = what;
    }
  }

  /** One level deeper; false (and the script broken there) when too deep. */
  boolean enter(int position) {
    if (depth >= MAX_DEPTH) {
      broken(position, "nesting too deep to follow");
      return false;
    }
    depth++;
    return true;
  }

  void leave() {
    depth--;
  }
}
