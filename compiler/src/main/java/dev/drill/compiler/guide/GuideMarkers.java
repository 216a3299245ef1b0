package dev.drill.compiler.guide;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML comments that tie a guide to its drill. Invisible when the Markdown is
 * rendered, they survive any rewording of the text around them:
 *
 * <ul>
 *   <li>{@code <!-- drill:guide ID FINGERPRINT -->} once, at the top;
 *   <li>{@code <!-- drill:begin KEY -->} and {@code <!-- drill:end KEY -->} around each
 *       generated part, which {@code drill guide --update} rewrites; everything outside them
 *       is the team's own text and is kept;
 *   <li>{@code <!-- drill:step ID HASH -->} in the heading of a recovery step's section;
 *   <li>{@code <!-- drill:signal ID HASH -->}, {@code <!-- drill:check ID HASH -->},
 *       {@code <!-- drill:verify STEP HASH -->} before the probe they document.
 * </ul>
 *
 * HASH is the short hash of that part of the plan: a stale guide can say what changed.
 */
public final class GuideMarkers {

  private static final Pattern MARKER = Pattern.compile("<!--\\s*drill:([a-z]+)((?:\\s+[^\\s-][^\\s]*)*)\\s*-->");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private GuideMarkers() {}

  /** A marker: its kind ({@code begin}, {@code step}, ...) and its arguments. */
  public record Marker(String kind, List<String> args) {

    String arg(int i) {
      return i < args.size() ? args.get(i) : "";
    }

    /** The key of a begin/end marker: everything after the kind, e.g. {@code step restart}. */
    String key() {
      return String.join(" ", args);
    }
  }

  static String guide(String id, String fingerprint) {
    return "<!-- drill:guide " + id + " " + fingerprint + " -->";
  }

  static String begin(String key) {
    return "<!-- drill:begin " + key + " -->";
  }

  static String end(String key) {
    return "<!-- drill:end " + key + " -->";
  }

  static String item(String kind, String id, String hash) {
    return "<!-- drill:" + kind + " " + id + " " + hash + " -->";
  }

  /** Every marker in a piece of HTML, in order. */
  static List<Marker> parseAll(String html) {
    if (!html.contains("drill:")) {
      return List.of();
    }
    Matcher m = MARKER.matcher(html);
    java.util.ArrayList<Marker> markers = new java.util.ArrayList<>();
    while (m.find()) {
      String args = m.group(2).trim();
      markers.add(new Marker(m.group(1), args.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(args))));
    }
    return markers;
  }

  static Optional<Marker> parse(String html) {
    List<Marker> all = parseAll(html);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }
}
