package dev.drill.runtime.probe;

import dev.drill.runtime.Bindings;
import java.util.Optional;

/** Text a probe expects to find in what it got back (a body, a command's output), redacted as that is. */
final class ExpectedText {

  private ExpectedText() {}

  /**
   * The expected text when the (redacted) text lacks it. The expected text is redacted too,
   * so one naming a secret is still found where the secret was.
   */
  static Optional<String> missing(Bindings bindings, String text, Optional<String> expected) {
    return expected.map(e -> bindings.redact(bindings.render(e))).filter(e -> !text.contains(e));
  }
}
