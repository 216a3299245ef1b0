package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Diagnostic;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The items of an experiment drill writes another way because the drill's compiler refused
 * them as first written: a value CTK would send as it is but drill checks (a URL that is not
 * one once a name is left unreplaced, a header the HTTP client sets itself, a default that
 * starts with '-'). The importer marks each item it writes with a comment naming its place in
 * the experiment; an error of the compiler is charged to the item above it, which the next
 * attempt writes as a manual step (or, for a param, with a pattern), with a warning saying why.
 */
public final class Fallbacks {

  static final String MARKER = "#@ctk ";

  private final Map<String, String> reasons = new LinkedHashMap<>();

  /**
   * Charges the compiler's error to the item of {@code text} it is in: false when the error is
   * outside every item, or that item was already written another way (nothing left to try).
   */
  public boolean charge(String text, Diagnostic error) {
    String[] lines = text.split("\n", -1);
    for (int i = Math.min(error.span().line(), lines.length) - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (line.startsWith(MARKER)) {
        String place = line.substring(MARKER.length());
        return reasons.putIfAbsent(place, error.code() + " " + error.message()) == null;
      }
    }
    return false;
  }

  /** Why the item at {@code place} is written another way, if it is. */
  Optional<String> reason(String place) {
    return Optional.ofNullable(reasons.get(place));
  }

  /** The text without the markers. */
  public static String withoutMarkers(String text) {
    return text.lines().filter(line -> !line.strip().startsWith(MARKER)).map(line -> line + "\n")
        .collect(Collectors.joining());
  }
}
