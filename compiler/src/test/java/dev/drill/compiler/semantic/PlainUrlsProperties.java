package dev.drill.compiler.semantic;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * A url {@link PlainUrls} says has a host is one {@link URI} parses with a host, so the value
 * rules find no problem in it either way; checked on urls built from pieces near the edges of
 * what is plain, and on plain urls with characters put in at random places.
 */
class PlainUrlsProperties {

  private static final List<String> SCHEMES = List.of("http://", "https://");
  private static final List<String> ODD_SCHEMES = List.of("ftp://", "http:/", "HTTP://", "http:", "");
  private static final List<String> LABELS = List.of("orders", "x1", "a-b", "a1b", "ORDERS", "a--b", "localhost");
  private static final List<String> ODD_LABELS = List.of("1", "0", "-a", "a-", "1a", "", "_x", "x_y", "%41", "é",
      "192");
  private static final List<String> PORTS = List.of("", ":8080", ":1", ":12345", ":99999");
  private static final List<String> ODD_PORTS = List.of(":", ":123456", ":0x1", ":-1", ":8080:1");
  private static final List<String> PATHS = List.of("", "/", "/health", "/a/b.c", "/a?b=c&d=e", "/~u_v-w.x");
  private static final List<String> ODD_PATHS = List.of("/a?b?c", "?x", "#f", "/a#f", "/a b", "/%2F", "/a@b",
      "/a:b", "//x", "/[x]", "/a?", "/é", "/a?b=${c}");
  private static final List<String> INSERTED = List.of(".", "-", ":", "/", "?", "&", "=", "@", "#", "%", "[", "]",
      " ", "_", "~", "1", "a", "é", "\\", "\"", "{", "|", "..", "\t");

  /** Mostly plain pieces, so that about half the urls are plain and the rest are near misses. */
  @Provide
  Arbitrary<String> builtUrls() {
    Arbitrary<String> host = mostly(LABELS, ODD_LABELS).list().ofMinSize(1).ofMaxSize(4)
        .map(labels -> String.join(".", labels));
    return Combinators.combine(mostly(SCHEMES, ODD_SCHEMES), host, mostly(PORTS, ODD_PORTS), mostly(PATHS, ODD_PATHS))
        .as((scheme, name, port, path) -> scheme + name + port + path);
  }

  private static Arbitrary<String> mostly(List<String> plain, List<String> odd) {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(plain)), Tuple.of(1, Arbitraries.of(odd)));
  }

  @Provide
  Arbitrary<String> editedUrls() {
    Arbitrary<String> plain = Arbitraries.of("http://orders.staging.internal:8080/health",
        "https://ci.staging.internal/api/v1/deploy-sessions", "http://x1:1/health", "http://localhost",
        "http://prometheus.staging:9090", "http://a.b.c/d?e=f&g=h");
    return Combinators.combine(plain, Arbitraries.of(INSERTED).list().ofMaxSize(2),
            Arbitraries.integers().between(0, 100).list().ofSize(2))
        .as((url, inserted, columns) -> {
          String out = url;
          for (int i = 0; i < inserted.size(); i++) {
            int at = columns.get(i) % (out.length() + 1);
            out = out.substring(0, at) + inserted.get(i) + out.substring(at);
          }
          return out;
        });
  }

  @Property(tries = 4000)
  void aBuiltUrlWithAPlainHostIsOneUriReadsWithThatHost(@ForAll("builtUrls") String url) throws URISyntaxException {
    holdsAndCount(url);
  }

  @Property(tries = 4000)
  void anEditedUrlWithAPlainHostIsOneUriReadsWithThatHost(@ForAll("editedUrls") String url)
      throws URISyntaxException {
    holdsAndCount(url);
  }

  private static void holdsAndCount(String url) throws URISyntaxException {
    boolean plain = PlainUrls.hasHost(url);
    if (plain) {
      assertNotNull(new URI(url).getHost(), url);
    }
    Statistics.label("plain").collect(plain);
    Statistics.label("plain").coverage(c -> {
      c.check(true).percentage(p -> p >= 15);
      c.check(false).percentage(p -> p >= 15);
    });
  }
}
