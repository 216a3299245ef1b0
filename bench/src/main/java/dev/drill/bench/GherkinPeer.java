package dev.drill.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.MessageToNdjsonWriter;
import io.cucumber.messages.types.Envelope;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The peer drill is measured against: gherkin's Java parser compiling .feature files the way
 * cucumber does (source, gherkin document and pickles for each file) and writing the
 * envelopes as NDJSON, one output file per feature as drill writes one plan per drill.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.drill.bench.GherkinPeer IN OUT</pre>
 *
 * <p>Single-threaded, as cucumber uses the parser. Ids are counted rather than random UUIDs
 * (cucumber's default), which spares the peer a secure random number per node.
 */
public final class GherkinPeer {

  /** What one run produced, to tell a peer that compiles from one that does nothing. */
  public record Output(int features, long envelopes, long pickles, long parseErrors) {
    Output plus(Output other) {
      return new Output(features + other.features, envelopes + other.envelopes,
          pickles + other.pickles, parseErrors + other.parseErrors);
    }
  }

  // As cucumber's own message writers configure Jackson: Optional fields, absent ones left
  // out, enums by their protocol value, and the NDJSON writer owns the stream.
  private static final JsonMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .serializationInclusion(JsonInclude.Include.NON_ABSENT)
      .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private GherkinPeer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: GherkinPeer IN-DIR OUT-DIR");
      System.exit(2);
    }
    Output output = compileAll(Path.of(args[0]), Path.of(args[1]));
    System.err.printf("gherkin: %d features, %d envelopes, %d pickles, %d parse errors%n",
        output.features(), output.envelopes(), output.pickles(), output.parseErrors());
    if (output.parseErrors() > 0) {
      System.exit(1);
    }
  }

  /** Compiles every .feature under {@code in} into {@code out}/NAME.ndjson, mirroring the layout. */
  public static Output compileAll(Path in, Path out) throws IOException {
    List<Path> features;
    try (Stream<Path> files = Files.walk(in)) {
      features = files.filter(f -> f.toString().endsWith(".feature")).sorted().toList();
    }
    Output total = new Output(0, 0, 0, 0);
    for (Path feature : features) {
      String name = in.relativize(feature).toString().replaceFirst("\\.feature$", ".ndjson");
      total = total.plus(compile(feature, out.resolve(name)));
    }
    return total;
  }

  private static Output compile(Path feature, Path target) throws IOException {
    GherkinParser parser = GherkinParser.builder()
        .includeSource(true)
        .includeGherkinDocument(true)
        .includePickles(true)
        .idGenerator(new CountingIds())
        .build();
    Files.createDirectories(target.getParent());
    long envelopes = 0;
    long pickles = 0;
    long parseErrors = 0;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
         MessageToNdjsonWriter writer = new MessageToNdjsonWriter(file, JSON::writeValue);
         Stream<Envelope> messages = parser.parse(feature)) {
      Iterator<Envelope> each = messages.iterator();
      while (each.hasNext()) {
        Envelope envelope = each.next();
        writer.write(envelope);
        envelopes++;
        if (envelope.getPickle().isPresent()) {
          pickles++;
        }
        if (envelope.getParseError().isPresent()) {
          parseErrors++;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return new Output(1, envelopes, pickles, parseErrors);
  }

  /** Ids 0, 1, 2, ... per file, as gherkin's own tools number them. */
  private static final class CountingIds implements io.cucumber.messages.IdGenerator {
    private long next;

    @Override
    public String newId() {
      return Long.toString(next++);
    }
  }
}
