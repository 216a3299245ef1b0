package dev.drill.runtime.probe;

import dev.drill.plan.PlanText;
import dev.drill.plan.Probe;
import dev.drill.runtime.Bindings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Log probes: does any line of the file match? A log may be large and is polled often, so
 * each file and pattern keeps a cursor: only what was appended since the last look is read,
 * and a match, once seen, is remembered. A file that shrank or was replaced (rotation,
 * truncation) is read again from its start. Safe for probes polled concurrently. Path and
 * pattern are rendered with the run's bindings; details are redacted.
 */
final class LogProbe {

  static final int CHUNK = 64 * 1024;
  // Longer lines are matched in pieces of this size, so memory stays bounded.
  static final int MAX_LINE = 1024 * 1024;
  private static final int SHOWN = 120;

  private record Key(Path path, String pattern) {}

  private final Map<Key, Cursor> cursors = new ConcurrentHashMap<>();
  private final Bindings bindings;
  private final Path directory;

  /** @param directory where relative log paths start: the drill file's directory */
  LogProbe(Bindings bindings, Path directory) {
    this.bindings = bindings;
    this.directory = directory;
  }

  Observation observe(Probe.Log probe, Duration timeout) throws InterruptedException {
    String shown = bindings.render(probe.path());
    Pattern pattern;
    try {
      pattern = Pattern.compile(bindings.render(probe.pattern()));
    } catch (PatternSyntaxException e) {
      return redacted(new Observation(false, "bad pattern: " + e.getDescription()));
    }
    Path path = directory.resolve(shown).toAbsolutePath().normalize();
    return redacted(look(path, shown, pattern, timeout));
  }

  private Observation redacted(Observation observation) {
    return new Observation(observation.holds(), bindings.redact(observation.detail()));
  }

  /**
   * @param path the file, resolved
   * @param shown the path as the drill wrote it, for the detail
   */
  private Observation look(Path path, String shown, Pattern pattern, Duration timeout) throws InterruptedException {
    Cursor cursor = cursors.computeIfAbsent(new Key(path, pattern.pattern()), k -> new Cursor());
    synchronized (cursor) {
      return cursor.look(path, shown, pattern, System.nanoTime() + nanos(timeout), timeout);
    }
  }

  private static final class Cursor {

    private Object fileKey;
    private long offset;
    private long lines;
    private boolean matched;
    private String detail = "";

    private Observation look(Path path, String shown, Pattern pattern, long deadline, Duration timeout)
        throws InterruptedException {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        restart(null);
        return new Observation(false, "no file '" + shown + "'");
      } catch (IOException e) {
        return new Observation(false, "cannot read '" + shown + "': " + e.getMessage());
      }
      if (!attributes.isRegularFile()) {
        return new Observation(false, "'" + shown + "' is not a file");
      }
      if (!Objects.equals(attributes.fileKey(), fileKey) || attributes.size() < offset) {
        restart(attributes.fileKey());
      }
      if (matched) {
        return new Observation(true, detail);
      }
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
        return read(channel, pattern, deadline, timeout, shown);
      } catch (ClosedByInterruptException e) {
        Thread.interrupted();
        throw new InterruptedException("interrupted reading " + shown);
      } catch (NoSuchFileException e) {
        restart(null);
        return new Observation(false, "no file '" + shown + "'");
      } catch (IOException e) {
        return new Observation(false, "cannot read '" + shown + "': " + e.getMessage());
      }
    }

    private void restart(Object key) {
      fileKey = key;
      offset = 0;
      lines = 0;
      matched = false;
      detail = "";
    }

    /** Reads from the offset to the end; the offset only ever moves past whole lines. */
    private Observation read(FileChannel channel, Pattern pattern, long deadline, Duration timeout, String shown)
        throws IOException, InterruptedException {
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long position = offset;
      while (true) {
        buffer.clear();
        int n = channel.read(buffer, position);
        if (n <= 0) {
          break;
        }
        byte[] bytes = buffer.array();
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (bytes[i] == '\n') {
            line.write(bytes, start, i - start);
            start = i + 1;
            lines++;
            offset = position + start;
            if (matches(pattern, line)) {
              return found(line, lines);
            }
            line.reset();
          }
        }
        line.write(bytes, start, n - start);
        position += n;
        if (line.size() >= MAX_LINE) {
          if (matches(pattern, line)) {
            return found(line, lines + 1);
          }
          offset = position;
          line.reset();
        }
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted reading " + shown);
        }
        if (System.nanoTime() - deadline > 0) {
          return new Observation(false, "timed out after " + PlanText.duration(timeout) + " reading '" + shown + "'");
        }
      }
      // The last line may still be being written: it may match now, but is read again next time.
      if (line.size() > 0 && matches(pattern, line)) {
        return new Observation(true, matchDetail(line, lines + 1));
      }
      return new Observation(false, "no line matches");
    }

    private Observation found(ByteArrayOutputStream line, long number) {
      matched = true;
      detail = matchDetail(line, number);
      return new Observation(true, detail);
    }
  }

  private static long nanos(Duration timeout) {
    try {
      return Math.max(0, timeout.toNanos());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE / 2;
    }
  }

  private static boolean matches(Pattern pattern, ByteArrayOutputStream line) {
    return pattern.matcher(text(line)).find();
  }

  private static String text(ByteArrayOutputStream line) {
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  private static String matchDetail(ByteArrayOutputStream line, long number) {
    String text = text(line).strip();
    return "line " + number + " matches: " + (text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text);
  }
}
