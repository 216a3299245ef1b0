package dev.drill.compiler.check.output;

import java.nio.charset.StandardCharsets;

/**
 * A file path as the URI reference SARIF requires: forward slashes, every character
 * outside the unreserved set percent-encoded (so spaces and non-ASCII names stay valid),
 * relative paths relative, absolute ones {@code file:} URIs.
 */
final class SarifUri {

  private SarifUri() {}

  static String of(String path) {
    String slashed = path.replace('\\', '/');
    if (slashed.matches("[A-Za-z]:/.*")) {
      return "file:///" + slashed.substring(0, 2) + encode(slashed.substring(2));
    }
    if (slashed.startsWith("//")) {
      return "file:" + encode(slashed);
    }
    if (slashed.startsWith("/")) {
      return "file://" + encode(slashed);
    }
    return encode(slashed);
  }

  private static String encode(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c) || c == '/') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
