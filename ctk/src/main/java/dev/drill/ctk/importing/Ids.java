package dev.drill.ctk.importing;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Drill names for Chaos Toolkit's free-form names: kebab-case ({@code front_url} is {@code
 * front-url}, {@code Delete One Pod!} is {@code delete-one-pod}), each unique in its namespace
 * ({@code -2}, {@code -3} when two activities share a name, as CTK allows).
 */
final class Ids {

  private static final int MAX_LENGTH = 60;

  private final Set<String> taken = new HashSet<>();

  /** A unique kebab-case name made from {@code text}; {@code fallback} when it has no letter or digit. */
  String allocate(String text, String fallback) {
    String base = kebab(text).orElse(fallback);
    String name = base;
    for (int n = 2; !taken.add(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** Marks a name as used, so that {@link #allocate} gives another. */
  void reserve(String name) {
    taken.add(name);
  }

  /**
   * Lower-case ASCII letters and digits in words joined by single hyphens, starting with a
   * letter, cut at a word boundary near {@link #MAX_LENGTH}; empty when nothing is left.
   */
  static java.util.Optional<String> kebab(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    // camelCase words apart, as in "deletePod".
    ascii = ascii.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (String word : ascii.split("[^a-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0 && out.length() + 1 + word.length() > MAX_LENGTH) {
        break;
      }
      if (out.length() > 0) {
        out.append('-');
      }
      out.append(word);
    }
    String name = out.toString();
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    if (!name.isEmpty() && !Character.isLetter(name.charAt(0))) {
      name = "n-" + name;
    }
    return name.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(name);
  }
}
