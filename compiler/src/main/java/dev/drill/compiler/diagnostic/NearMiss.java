package dev.drill.compiler.diagnostic;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the name the user probably meant, for "did you mean ...?" hints. */
public final class NearMiss {

  private NearMiss() {}

  /** The closest candidate within a small edit distance, ties broken alphabetically. */
  public static Optional<String> suggest(String word, Collection<String> candidates) {
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    return candidates.stream()
        .filter(c -> !c.equals(word))
        .filter(c -> distance(word, c) <= limit)
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The hint text, when there is a suggestion. */
  public static Optional<String> hint(String word, Collection<String> candidates) {
    return suggest(word, candidates).map(s -> "did you mean '" + s + "'?");
  }
}
