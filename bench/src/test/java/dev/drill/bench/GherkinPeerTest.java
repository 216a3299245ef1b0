package dev.drill.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ratios of bench/run mean something only if the peer really compiles its corpus. */
class GherkinPeerTest {

  @TempDir Path work;

  @Test
  void theCorpusHasExactlyTheBytesAskedForInTheFilesAskedFor() throws IOException {
    FeatureCorpus.Summary summary = FeatureCorpus.write(work, 123_457, 17);

    List<Path> files = features(work);
    assertEquals(17, files.size());
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    assertEquals(123_457, bytes);
    assertEquals(123_457, summary.bytes());
  }

  @Test
  void thePeerCompilesEveryScenarioAndExampleRowIntoAPickle() throws IOException {
    Path in = work.resolve("in");
    Path out = work.resolve("out");
    FeatureCorpus.Summary corpus = FeatureCorpus.write(in, 60_001, 7);

    GherkinPeer.Output output = GherkinPeer.compileAll(in, out);

    assertEquals(7, output.features());
    assertEquals(0, output.parseErrors());
    assertTrue(corpus.pickles() > 7 * 5, "a file of 8 kB holds several scenarios: " + corpus.pickles());
    assertEquals(corpus.pickles(), output.pickles());
    // A source, a gherkin document, then the pickles: one envelope each.
    assertEquals(7 * 2 + corpus.pickles(), output.envelopes());
  }

  @Test
  void eachFeatureBecomesOneNdjsonFileOfItsEnvelopes() throws IOException {
    Path in = work.resolve("in");
    Path out = work.resolve("out");
    FeatureCorpus.write(in, 20_000, 2);

    GherkinPeer.compileAll(in, out);

    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(out.resolve("feature-1.ndjson"));
    JsonNode source = json.readTree(lines.get(0)).get("source");
    assertEquals("text/x.cucumber.gherkin+plain", source.get("mediaType").asText());
    assertEquals(Files.readString(in.resolve("feature-1.feature")), source.get("data").asText());
    JsonNode feature = json.readTree(lines.get(1)).get("gherkinDocument").get("feature");
    assertTrue(feature.get("name").asText().contains(" recovers from "), feature.get("name").asText());
    JsonNode pickle = json.readTree(lines.get(2)).get("pickle");
    assertTrue(pickle.get("steps").size() >= 3, pickle.toString());
    assertTrue(Files.exists(out.resolve("feature-2.ndjson")));
  }

  private static List<Path> features(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".feature")).toList();
    }
  }
}
