package dev.drill.lsp;

import java.util.Optional;
import org.eclipse.lsp4j.Position;

/** The word of letters under an LSP position in a text, for hover on a keyword. */
final class Words {

  private Words() {}

  static Optional<String> at(String text, Position position) {
    String line = text.lines().skip(position.getLine()).findFirst().orElse("");
    int at = Math.min(Math.max(0, position.getCharacter()), line.length());
    int start = at;
    while (start > 0 && Character.isLetter(line.charAt(start - 1))) {
      start--;
    }
    int end = at;
    while (end < line.length() && Character.isLetter(line.charAt(end))) {
      end++;
    }
    return start < end ? Optional.of(line.substring(start, end)) : Optional.empty();
  }
}
