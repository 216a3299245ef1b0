package dev.drill.compiler.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The hand-written marker scanner finds exactly what its specification, the regex, finds:
 * over text made of the pieces that matter (comment delimiters, the prefix, kinds, words,
 * dashes, every kind of whitespace) in any order.
 */
class GuideMarkersProperties {

  private static final Pattern SPECIFICATION =
      Pattern.compile("<!--\\s*drill:([a-z]+)((?:\\s+[^\\s-][^\\s]*)*)\\s*-->");

  private static List<GuideMarkers.Marker> bySpecification(String html) {
    List<GuideMarkers.Marker> markers = new ArrayList<>();
    Matcher m = SPECIFICATION.matcher(html);
    while (m.find()) {
      String args = m.group(2).trim();
      markers.add(new GuideMarkers.Marker(m.group(1), args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"))));
    }
    return markers;
  }

  @Provide
  Arbitrary<String> html() {
    Arbitrary<String> noise = Arbitraries.of("<!--", "-->", "drill:", "x", "-", "--", ">", "<", " ", "\t", "\n",
        "\r\n", "\u000B", "\f", "\u001F", "-->x", "y-->", "é", "`");
    Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t", "\n", "\u001F");
    Arbitrary<String> word = Arbitraries.of("a", "restart-api", "-a", "--", "a-->b", "y-->", "sha256:0123", "é", "x\u001F");
    Arbitrary<String> argument = Arbitraries.strings().withChars(' ', '\t', '\n').ofMinLength(0).ofMaxLength(2)
        .flatMap(before -> word.map(w -> before + w));
    Arbitrary<String> nearMarker = net.jqwik.api.Combinators.combine(
            mostly("<!-- ", "<!--", "<!--\n", "<!- "),
            mostly("drill:", "drill: ", "Drill:"),
            mostly("begin", "x", "Step", ""),
            argument.list().ofMaxSize(3).map(args -> String.join("", args)),
            space,
            mostly("-->", " -->", "->", "", "--->"))
        .as((open, prefix, kind, args, blank, close) -> open + prefix + kind + args + blank + close);
    return Arbitraries.oneOf(noise, nearMarker, nearMarker).list().ofMaxSize(6)
        .map(pieces -> String.join("", pieces));
  }

  /** The first value most of the time, so that most near-markers are markers; the rest are the edges. */
  private static Arbitrary<String> mostly(String usual, String... edges) {
    List<Tuple.Tuple2<Integer, String>> weighted = new ArrayList<>();
    weighted.add(Tuple.of(3 * edges.length, usual));
    for (String edge : edges) {
      weighted.add(Tuple.of(1, edge));
    }
    @SuppressWarnings("unchecked")
    Tuple.Tuple2<Integer, String>[] all = weighted.toArray(new Tuple.Tuple2[0]);
    return Arbitraries.frequency(all);
  }

  @Property(tries = 5000)
  void findsWhatTheRegexFinds(@ForAll("html") String html) {
    List<GuideMarkers.Marker> expected = bySpecification(html);
    assertEquals(expected, GuideMarkers.parseAll(html), html);
    Statistics.collect(expected.isEmpty() ? "no marker" : "markers");
    Statistics.coverage(coverage -> coverage.check("markers").percentage(p -> p >= 30));
  }

  @Example
  void theGeneratedMarkersAndTheirEdges() {
    for (String html : List.of(
        "<!-- drill:guide sandbox-crash sha256:0123456789abcdef -->",
        "<!-- drill:begin step restart --> text <!-- drill:end step restart -->",
        "<!--drill:end-->", "<!-- drill:step a-->", "<!-- drill:step a-->b -->", "<!-- drill:step a-->b",
        "<!-- drill:step -a -->", "<!-- drill:Step a -->", "<!-- drill: a -->", "<!-- <!-- drill:x y -->",
        "<!-- drill:x \u001Fy\u001F -->", "<!-- drill:x y z", "text without markers")) {
      assertEquals(bySpecification(html), GuideMarkers.parseAll(html), html);
    }
  }
}
