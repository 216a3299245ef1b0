package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A word of the script as the shell splits it, with the references read while reading it. */
final class Word {

  final int start;
  /** The references read while reading this word, nested substitutions included: {@code [refStart, refEnd)}. */
  final int refStart;
  int refEnd;
  /** The text after quote removal; an expansion stands as written. */
  final StringBuilder text = new StringBuilder();
  /** Length of {@link #text} before the first quote or expansion. */
  int plainLength = -1;
  /** Length of {@link #text} before the first expansion. */
  int literalLength = -1;
  boolean quoted;
  boolean expanded;
  /** The digits of {@code 2>&1}: a file descriptor, not a word. */
  boolean ioNumber;
  /** Commands of the substitutions in the word. */
  final List<Pipeline> nested = new ArrayList<>();

  Word(int start, int refStart) {
    this.start = start;
    this.refStart = refStart;
    this.refEnd = refStart;
  }

  void quote() {
    if (plainLength < 0) {
      plainLength = text.length();
    }
    quoted = true;
  }

  void expansion() {
    if (literalLength < 0) {
      literalLength = text.length();
    }
    if (plainLength < 0) {
      plainLength = text.length();
    }
    expanded = true;
  }

  /** The word's value when nothing in it is expanded: {@code "sh"} and {@code 'sh'} are {@code sh}. */
  Optional<String> value() {
    return expanded ? Optional.empty() : Optional.of(text.toString());
  }

  /** The word when it is written with no quoting and no expansion at all, as reserved words must be. */
  Optional<String> plain() {
    return quoted || expanded ? Optional.empty() : Optional.of(text.toString());
  }

  /** The literal text before the first expansion ({@code -o} of {@code -o${x}}). */
  String literalPrefix() {
    return literalLength < 0 ? text.toString() : text.substring(0, literalLength);
  }

  /** The unquoted, unexpanded start of the word, where an assignment's name must be. */
  String plainPrefix() {
    return plainLength < 0 ? text.toString() : text.substring(0, plainLength);
  }

  boolean holdsReferences() {
    return refEnd > refStart;
  }
}
