package dev.drill.board;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** The two links' tokens, and what a request's token lets it do. Compared in constant time. */
record BoardTokens(String observer, String readOnly) {

  /** What a request may do: see the board, and add notes too. */
  enum Access { OBSERVER, READ_ONLY }

  /** The access {@code token} (given as {@code token=}) or {@code view} (given as {@code view=}) grants; empty for none. */
  Optional<Access> access(Optional<String> token, Optional<String> view) {
    if (token.isPresent() && same(token.get(), observer)) {
      return Optional.of(Access.OBSERVER);
    }
    if (view.isPresent() && same(view.get(), readOnly)) {
      return Optional.of(Access.READ_ONLY);
    }
    return Optional.empty();
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
