package dev.drill.compiler.check.output;

/**
 * Makes any string safe to write as XML 1.0 text. The writer escapes markup, but
 * characters XML 1.0 forbids (most control characters, unpaired surrogates, U+FFFE/U+FFFF)
 * cannot be written at all, even as references: they become U+FFFD. Line breaks are
 * normalised to {@code \n} as a parser would, so what is read back is what was written.
 */
final class XmlText {

  private XmlText() {}

  static String content(String text) {
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(lines.length());
    lines.codePoints().forEach(cp -> out.appendCodePoint(allowed(cp) ? cp : '\uFFFD'));
    return out.toString();
  }

  /** Attribute values are read back with tabs and line breaks as spaces, so write them so. */
  static String attribute(String text) {
    return content(text).replace('\n', ' ').replace('\t', ' ');
  }

  private static boolean allowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
