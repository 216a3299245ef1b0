package dev.drill.runtime.action;

import dev.drill.runtime.Bindings;
import java.nio.charset.StandardCharsets;

/**
 * Captured bytes as text to show: decoded, redacted, and cut to {@link #LIMIT} with a note
 * saying so. Buffers keep {@link #KEPT} bytes: the slack beyond the limit is dropped after
 * redaction, so a secret cut in half at the buffer's edge is never shown in part.
 */
final class OutputText {

  static final int LIMIT = 64 * 1024;
  static final int SLACK = 4 * 1024;
  static final int KEPT = LIMIT + SLACK;

  private OutputText() {}

  /** The last bytes of a stream of {@code total} bytes: a process's output. */
  static String tail(byte[] kept, long total, Bindings bindings) {
    String text = bindings.redact(new String(kept, StandardCharsets.UTF_8));
    if (total <= LIMIT) {
      return text;
    }
    long drop = kept.length - LIMIT;
    int from = 0;
    while (from < text.length() && drop > 0) {
      drop -= utf8Length(text.charAt(from++));
    }
    if (from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
      from++;
    }
    return "[output cut: only the last 64 KiB of " + total + " bytes kept]\n" + text.substring(from);
  }

  /** The first bytes of a stream of {@code total} bytes: a response body. */
  static String head(byte[] kept, long total, Bindings bindings) {
    String text = bindings.redact(new String(kept, StandardCharsets.UTF_8));
    if (total <= LIMIT) {
      return text;
    }
    long drop = kept.length - LIMIT;
    int to = text.length();
    while (to > 0 && drop > 0) {
      drop -= utf8Length(text.charAt(--to));
    }
    if (to > 0 && Character.isHighSurrogate(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(0, to) + "\n[body cut: only the first 64 KiB of " + total + " bytes kept]";
  }

  private static int utf8Length(char c) {
    return c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
  }
}
