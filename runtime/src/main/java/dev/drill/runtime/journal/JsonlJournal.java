package dev.drill.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The journal as a JSON Lines file: one event per line, {@code {"at": "<instant>", "event":
 * "<name>", <facts in order>}}, each line written with a single {@code write} to a file
 * opened in append mode ({@code O_APPEND}). So a line is never split by another writer
 * (another thread, or {@code drill note} in a second terminal), and once {@link #record}
 * returns the event is in the operating system's hands: a {@code kill -9} of the runner
 * loses nothing already recorded.
 *
 * <p>There is no {@code fsync} per event: what is written survives the process, only a
 * crash of the machine itself could lose the last events, and a sync per event would cost
 * milliseconds on some disks, enough to distort the timings the journal is there to
 * record. {@link #close()} syncs once.
 *
 * <p>Every text value (facts, nested lists and maps, the plan) passes the redaction given
 * at creation before it is written, so no secret value reaches the file.
 */
public final class JsonlJournal implements Journal {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
      // Numbers go in as they are: a plan's "1.50" stays "1.50".
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final Path file;
  private final OutputStream out;
  private final Runnable sync;
  private final UnaryOperator<String> redact;
  private boolean closed;

  private JsonlJournal(Path file, OutputStream out, Runnable sync, UnaryOperator<String> redact) {
    this.file = file;
    this.out = out;
    this.sync = sync;
    this.redact = redact;
  }

  /** A journal at {@code file}, created with its directories, or appended to when it exists. */
  public static JsonlJournal create(Path file) throws IOException {
    return create(file, UnaryOperator.identity());
  }

  /** As {@link #create(Path)}, every text passing {@code redact} (such as {@code Bindings::redact}). */
  public static JsonlJournal create(Path file, UnaryOperator<String> redact) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean cut = endsInCutLine(file);
    FileOutputStream stream = new FileOutputStream(file.toFile(), true);
    JsonlJournal journal = new JsonlJournal(file, stream, () -> {
      try {
        stream.getFD().sync();
      } catch (IOException e) {
        // Best effort: the data is written; only the flush to the disk itself failed.
      }
    }, redact);
    if (cut) {
      journal.write(new byte[] {'\n'});
    }
    return journal;
  }

  /**
   * An existing journal, opened to add events to it while another process may be writing
   * it too ({@code drill note}).
   *
   * @throws java.nio.file.NoSuchFileException when there is no such file: it is never created
   */
  public static JsonlJournal appendTo(Path file) throws IOException {
    return appendTo(file, UnaryOperator.identity());
  }

  /** As {@link #appendTo(Path)}, every text passing {@code redact}. */
  public static JsonlJournal appendTo(Path file, UnaryOperator<String> redact) throws IOException {
    boolean cut = endsInCutLine(file);
    OutputStream stream = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    JsonlJournal journal = new JsonlJournal(file, stream, () -> { }, redact);
    if (cut) {
      journal.write(new byte[] {'\n'});
    }
    return journal;
  }

  Path file() {
    return file;
  }

  /**
   * Writes the event as one line, at once.
   *
   * @throws UncheckedIOException when the file cannot be written
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public synchronized void record(JournalEvent event) {
    if (closed) {
      throw new IllegalStateException("the journal " + file + " is closed; event '" + event.event() + "' not recorded");
    }
    write(line(event, redact));
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      sync.run();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the journal " + file, e);
    }
  }

  /** The bytes of one journal line, newline included. */
  static byte[] line(JournalEvent event, UnaryOperator<String> redact) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("at", event.at().toString());
    line.put("event", event.event());
    for (Map.Entry<String, Object> fact : event.facts().entrySet()) {
      if (fact.getKey().equals("at") || fact.getKey().equals("event")) {
        throw new IllegalArgumentException("event '" + event.event() + "' has a fact named '" + fact.getKey()
            + "', which is the name of a journal field");
      }
      Object value = fact.getValue();
      line.set(fact.getKey(), redacted(value instanceof JsonNode tree ? tree : MAPPER.valueToTree(value), redact));
    }
    try {
      byte[] json = MAPPER.writeValueAsBytes(line);
      byte[] bytes = new byte[json.length + 1];
      System.arraycopy(json, 0, bytes, 0, json.length);
      bytes[json.length] = '\n';
      return bytes;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode redacted(JsonNode node, UnaryOperator<String> redact) {
    if (node.isTextual()) {
      return TextNode.valueOf(redact.apply(node.textValue()));
    }
    if (node.isObject()) {
      ObjectNode copy = MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        copy.set(field.getKey(), redacted(field.getValue(), redact));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(redacted(element, redact)));
      return copy;
    }
    return node;
  }

  // One write call per line: with O_APPEND the operating system puts each call's bytes at the
  // end of the file in one piece, whoever else is appending.
  private void write(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the journal " + file, e);
    }
  }

  /** Whether the file ends in a line cut short (a writer killed mid-write): the next line must start afresh. */
  private static boolean endsInCutLine(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length == 0) {
        return false;
      }
      raf.seek(length - 1);
      return raf.read() != '\n';
    }
  }
}
