package dev.drill.plan.shell;

import java.util.List;

/**
 * Which references land in text that another shell (or interpreter) parses again, where
 * quoting cannot keep a value data: the {@linkplain CodeArguments arguments} and the
 * {@linkplain CodeInput input} a program runs as code, quoted here-documents, arithmetic,
 * and everything after the point where drill stops following the script. Over-approximates
 * on purpose: where drill cannot tell what a word is, it assumes the worst.
 */
final class Reparsing {

  private final Reading reading;

  private Reparsing(Reading reading) {
    this.reading = reading;
  }

  /** Each reference keeps the first place found: the rules run from the most specific. */
  static void mark(Reading reading) {
    Reparsing r = new Reparsing(reading);
    CodeArguments arguments = new CodeArguments(r);
    for (Command c : reading.simpleCommands) {
      arguments.mark(c.words);
    }
    CodeInput input = new CodeInput(r);
    for (Pipeline p : reading.pipelines) {
      input.mark(p);
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

  /** The references {@code [from, to)} land in text parsed again, in {@code place}. */
  void mark(int from, int to, String place) {
    for (int i = from; i < to && i < reading.occurrences.length; i++) {
      reading.occurrences[i].reparse(place);
    }
  }

  void mark(Word w, String place) {
    mark(w.refStart, w.refEnd, place);
  }

  void markFrom(List<Word> words, int from, String place) {
    for (int i = from; i < words.size(); i++) {
      mark(words.get(i), place);
    }
  }
}
