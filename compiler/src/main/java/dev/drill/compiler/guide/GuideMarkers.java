package dev.drill.compiler.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
final class GuideMarkers {

  private static final String STEP_PART = "step ";

  private GuideMarkers() {}

  /** A marker: the word after {@code drill:} ({@code begin}, {@code step}, ...) and its arguments. */
  record Marker(String keyword, List<String> args) {

    MarkerKind kind() {
      return MarkerKind.of(keyword);
    }

    String arg(int i) {
      return i < args.size() ? args.get(i) : "";
    }

    /** The key of a begin/end marker: everything after the kind, e.g. {@code step restart}. */
    String key() {
      return args.size() == 1 ? args.get(0) : String.join(" ", args);
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

  /** A marker of a step, verification, signal or check, with the hash of that part of the plan. */
  static String item(MarkerKind kind, String id, String hash) {
    return "<!-- drill:" + kind.keyword() + " " + id + " " + hash + " -->";
  }

  /** The key of a recovery step's generated part. */
  static String stepPart(String id) {
    return STEP_PART + id;
  }

  /** The step whose generated part has this key, if it is a step's. */
  static Optional<String> stepOfPart(String key) {
    return key.startsWith(STEP_PART) ? Optional.of(key.substring(STEP_PART.length())) : Optional.empty();
  }

  /**
   * Every marker in a piece of HTML, in order: every match of {@code <!--\s*drill:([a-z]+)
   * ((?:\s+[^\s-][^\s]*)*)\s*-->}, found as {@link java.util.regex.Matcher#find} would
   * find them. Scanned by hand because this runs for every marker of every guide, and the
   * regex was a fifth of a guide check; a property test holds the two to the same answers.
   */
  static List<Marker> parseAll(String html) {
    if (!html.contains("drill:")) {
      return List.of();
    }
    List<Marker> markers = new ArrayList<>();
    int from = 0;
    for (int start = html.indexOf("<!--"); start >= 0; start = html.indexOf("<!--", from)) {
      int end = markerAt(html, start, markers);
      from = end >= 0 ? end : start + 1;
    }
    return markers;
  }

  /** The end of the marker that starts at {@code start} (added to {@code found}), or -1. */
  private static int markerAt(String html, int start, List<Marker> found) {
    int i = skipSpace(html, start + "<!--".length());
    if (!html.startsWith("drill:", i)) {
      return -1;
    }
    int kindStart = i + "drill:".length();
    int kindEnd = kindStart;
    while (kindEnd < html.length() && html.charAt(kindEnd) >= 'a' && html.charAt(kindEnd) <= 'z') {
      kindEnd++;
    }
    if (kindEnd == kindStart) {
      return -1;
    }
    // Arguments, greedily: whitespace, then a word that does not start with '-'.
    List<int[]> words = new ArrayList<>();
    int at = kindEnd;
    while (true) {
      int word = skipSpace(html, at);
      if (word == at || word == html.length() || html.charAt(word) == '-') {
        break;
      }
      int wordEnd = word;
      while (wordEnd < html.length() && !isSpace(html.charAt(wordEnd))) {
        wordEnd++;
      }
      words.add(new int[] {word, wordEnd});
      at = wordEnd;
    }
    int close = skipSpace(html, at);
    if (html.startsWith("-->", close) && !words.isEmpty() && html.charAt(words.get(0)[0]) > ' '
        && html.charAt(at - 1) > ' ') {
      // The words found are the arguments (trim would take nothing more off their ends): no
      // need to cut them out of the text again.
      List<String> args = new ArrayList<>(words.size());
      for (int[] word : words) {
        args.add(html.substring(word[0], word[1]));
      }
      found.add(new Marker(html.substring(kindStart, kindEnd), args));
      return close + 3;
    }
    if (html.startsWith("-->", close)) {
      return add(html, kindStart, kindEnd, at, close + 3, found);
    }
    // No close after the last word: as the regex backtracks, the last word that holds a
    // "-->" after its first character ends just before the last such "-->".
    for (int w = words.size() - 1; w >= 0; w--) {
      int[] word = words.get(w);
      for (int r = word[1] - 1; r > word[0]; r--) {
        if (html.startsWith("-->", r)) {
          return add(html, kindStart, kindEnd, r, r + 3, found);
        }
      }
    }
    return -1;
  }

  private static int add(String html, int kindStart, int kindEnd, int argsEnd, int end, List<Marker> found) {
    String args = html.substring(kindEnd, argsEnd).trim();
    found.add(new Marker(html.substring(kindStart, kindEnd), args.isEmpty() ? List.of() : words(args)));
    return end;
  }

  /** The words of trimmed text between runs of whitespace, as {@code split("\\s+")} gives them, without a regex. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>(2);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || isSpace(text.charAt(i))) {
        if (i > start) {
          words.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return words;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The regex {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
