package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever a file holds, drill import ctk writes a drill or refuses with findings: never an
 * exception. Real experiments damaged at random, and experiments built from CTK's own keys
 * with values of every kind in every place.
 */
class ImportNeverCrashesProperties {

  private Path dir;

  @BeforeProperty
  void aDirectory() throws IOException {
    dir = Files.createTempDirectory("ctk-fuzz");
  }

  @AfterProperty
  void removeIt() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private void importsOrRefuses(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    ChaosToolkit.Imported imported = ChaosToolkit.importExperiment(file, name, "staging");
    if (imported instanceof ChaosToolkit.Refused refused) {
      assertFalse(refused.errors().isEmpty(), "a refusal says why");
      // An importer bug shows as a drill that does not compile: never acceptable.
      assertTrue(refused.errors().stream().allMatch(d -> d.span().file().equals(name)),
          "the importer wrote a drill that does not compile: " + refused.errors() + "\n"
              + refused.source().map(s -> s.text()).orElse(""));
    }
  }

  @Property(tries = 300)
  void aDamagedRealExperiment(@ForAll("damaged") Map.Entry<String, String> experiment) throws IOException {
    importsOrRefuses(experiment.getKey(), experiment.getValue());
  }

  @Provide
  Arbitrary<Map.Entry<String, String>> damaged() {
    List<Path> corpus = Corpus.experiments();
    return Arbitraries.of(corpus).flatMap(file -> {
      String text = read(file);
      String name = file.toString().endsWith(".yaml") ? "e.yaml" : "e.json";
      return Arbitraries.integers().between(0, Math.max(0, text.length() - 1)).list().ofMinSize(1).ofMaxSize(4)
          .flatMap(cuts -> Arbitraries.strings().withChars("{}[]\",:- \n0aZ$\\").ofMaxLength(3).map(insert -> {
            StringBuilder damaged = new StringBuilder(text);
            for (int cut : cuts) {
              int at = Math.min(cut, damaged.length());
              damaged.replace(at, Math.min(at + insert.length() + 1, damaged.length()), insert);
            }
            return Map.entry(name, damaged.toString());
          }));
    });
  }

  @Property(tries = 400)
  void anExperimentOfAnyValuesInCtksPlaces(@ForAll("experiments") Object experiment) throws IOException {
    importsOrRefuses("e.json", new ObjectMapper().writeValueAsString(experiment));
  }

  @Provide
  Arbitrary<Object> experiments() {
    Arbitrary<Object> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of("GET", "POST", "http://127.0.0.1:1/x", "${a}", "$$", "env", "python", "process", "http",
            "probe", "action", "range", "regex", "jsonpath", "body", "stdout", "status", "-c", "").map(s -> (Object) s),
        Arbitraries.integers().between(-3, 700).map(i -> (Object) i),
        Arbitraries.doubles().between(-1, 1000).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
    Arbitrary<Object> value = Arbitraries.recursive(() -> scalar, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(3).map(l -> (Object) l),
        Arbitraries.maps(Arbitraries.of("type", "name", "provider", "tolerance", "url", "path", "arguments",
            "module", "func", "method", "headers", "timeout", "pauses", "before", "after", "background", "ref",
            "range", "pattern", "target", "count", "expect", "key", "default", "controls", "expected_status"),
            inner).ofMaxSize(5).map(m -> (Object) m)), 4);
    Arbitrary<Object> activities = value.list().ofMaxSize(4).map(l -> (Object) l);
    return Arbitraries.maps(Arbitraries.of("title", "description", "method", "rollbacks", "steady-state-hypothesis",
        "configuration", "secrets", "tags", "controls", "extensions", "runtime", "contributions", "version"),
        Arbitraries.oneOf(value, activities)).ofMaxSize(9).map(m -> {
          java.util.Map<String, Object> experiment = new java.util.LinkedHashMap<>(m);
          experiment.putIfAbsent("title", "t");
          experiment.putIfAbsent("description", "d");
          experiment.putIfAbsent("method", List.of());
          return (Object) experiment;
        });
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
