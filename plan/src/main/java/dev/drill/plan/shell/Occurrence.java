package dev.drill.plan.shell;

/** One {@code ${name}} of a template, and what reading the script found out about it. */
final class Occurrence {

  final int index;
  final String name;
  /** Where it stands in the template, counting every reference as one position. */
  final int position;

  Context context = Context.UNQUOTED;
  /** The author wrote a literal '$' right before it (template {@code $$${x}}). */
  boolean dollarBefore;
  /** Position of a backslash right before it, which would otherwise escape what it is written as. */
  int escapedBy = -1;
  /** Why another shell parses the text it lands in, when one does. */
  String reparsedIn;

  Occurrence(int index, String name, int position) {
    this.index = index;
    this.name = name;
    this.position = position;
  }

  /** The first reason found is kept: it is the most specific one. */
  void reparse(String place) {
    if (reparsedIn == null) {
      reparsedIn = place;
    }
  }
}
