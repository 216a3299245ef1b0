package dev.drill.plan.shell;

import java.util.ArrayList;
import java.util.List;

/** A here-document: {@code <<EOF}, {@code <<-EOF} (leading tabs stripped), {@code <<'EOF'} (nothing expanded). */
final class Heredoc {

  final int position;
  final boolean quoted;
  final boolean stripTabs;
  /** The line that ends the body; empty when drill cannot know it (a value in the delimiter). */
  final String delimiter;
  /** The body, read at the next line; null until then. */
  Word body;
  /** The lines of a quoted body that hold references, as literal strings and {@link Occurrence}s. */
  final List<List<Object>> lines = new ArrayList<>();

  Heredoc(int position, boolean quoted, boolean stripTabs, String delimiter) {
    this.position = position;
    this.quoted = quoted;
    this.stripTabs = stripTabs;
    this.delimiter = delimiter;
  }
}
