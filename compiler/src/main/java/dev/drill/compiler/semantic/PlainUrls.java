package dev.drill.compiler.semantic;

/**
 * Recognises the plain http url most probes name, such as {@code http://orders.internal:8080/health},
 * without {@link java.net.URI}: parsing one costs more than all other value rules of a drill.
 * Only a yes is an answer; anything else goes to {@code URI}.
 */
final class PlainUrls {

  private PlainUrls() {}

  /**
   * Whether the url is {@code http://} or {@code https://}, a host name of letters, digits and
   * inner '-' whose last label starts with a letter (so no IPv4 address), an optional port of
   * one to five digits, and an optional path and query of unreserved characters, '/', '=' and
   * '&amp;': then {@code URI} reads it, with that host.
   */
  static boolean hasHost(String url) {
    int at = url.startsWith("http://") ? 7 : url.startsWith("https://") ? 8 : -1;
    if (at < 0) {
      return false;
    }
    at = hostEnd(url, at);
    if (at < 0) {
      return false;
    }
    if (at < url.length() && url.charAt(at) == ':') {
      int digits = at + 1;
      at = digits;
      while (at < url.length() && isDigit(url.charAt(at))) {
        at++;
      }
      if (at == digits || at - digits > 5) {
        return false;
      }
    }
    if (at == url.length()) {
      return true;
    }
    if (url.charAt(at) != '/') {
      return false;
    }
    boolean query = false;
    for (; at < url.length(); at++) {
      char c = url.charAt(at);
      if (c == '?' && !query) {
        query = true;
      } else if (!isUnreserved(c) && c != '/' && !(query && (c == '=' || c == '&'))) {
        return false;
      }
    }
    return true;
  }

  /** Where the host name starting at {@code start} ends, or -1 if it is not a plain one. */
  private static int hostEnd(String url, int start) {
    int label = start;
    while (true) {
      if (label == url.length() || !isLetterOrDigit(url.charAt(label))) {
        return -1;
      }
      int end = label;
      while (end < url.length() && (isLetterOrDigit(url.charAt(end)) || url.charAt(end) == '-')) {
        end++;
      }
      if (url.charAt(end - 1) == '-') {
        return -1;
      }
      if (end == url.length() || url.charAt(end) != '.') {
        return isLetter(url.charAt(label)) ? end : -1;
      }
      label = end + 1;
    }
  }

  private static boolean isUnreserved(char c) {
    return isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
