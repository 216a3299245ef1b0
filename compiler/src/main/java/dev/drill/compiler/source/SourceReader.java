package dev.drill.compiler.source;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Turns the bytes of a file into a {@link SourceFile}, or says why it cannot. */
public final class SourceReader {

  /** Larger files are refused before any parsing: no drill is a novel. */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private SourceReader() {}

  public sealed interface Result {}

  public record Read(SourceFile file) implements Result {}

  public record Refused(Diagnostic diagnostic) implements Result {}

  /**
   * Reads a file, reported under {@code shown}, never more of it than the limit: a file too
   * large (a sparse one, a device that never ends) is refused before it could fill the heap.
   */
  public static Result read(Path file, String shown) throws IOException {
    // One open and one fstat per file: a check of 10,000 drills reads 20,000 files.
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      long size = channel.size();
      if (size > MAX_BYTES) {
        return new Refused(tooLarge(shown, size));
      }
      byte[] bytes = size == 0 ? Channels.newInputStream(channel).readNBytes(MAX_BYTES + 1) : readAll(channel, (int) size);
      if (bytes.length > MAX_BYTES) {
        return new Refused(tooLarge(shown, bytes.length));
      }
      return read(shown, bytes);
    }
  }

  /**
   * The bytes of a file whose size is known, then one more byte asked for to find its end: a
   * file that grew while read is read on, up to the limit.
   */
  private static byte[] readAll(SeekableByteChannel channel, int size) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(size);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // until full, or the end of a file that shrank
    }
    if (buffer.hasRemaining()) {
      return Arrays.copyOf(buffer.array(), buffer.position());
    }
    ByteBuffer next = ByteBuffer.allocate(1);
    if (channel.read(next) <= 0) {
      return buffer.array();
    }
    byte[] more = Channels.newInputStream(channel).readNBytes(MAX_BYTES - size);
    byte[] bytes = Arrays.copyOf(buffer.array(), size + 1 + more.length);
    bytes[size] = next.get(0);
    System.arraycopy(more, 0, bytes, size + 1, more.length);
    return bytes;
  }

  /** Whether a regular file is over the limit by its size, known without reading it. */
  public static boolean isTooLarge(Path file) throws IOException {
    return Files.isRegularFile(file) && Files.size(file) > MAX_BYTES;
  }

  /**
   * A file's bytes, but never more than {@link #MAX_BYTES} and one: for what has no size to
   * ask first (a pipe, a device that never ends), enough to know it is too large.
   */
  public static byte[] readAtMostLimit(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(MAX_BYTES + 1);
    }
  }

  public static Result read(String path, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return new Refused(tooLarge(path, bytes.length));
    }
    // The lenient decoder is the fast one; it marks malformed input with U+FFFD, and only
    // then does the strict one decide (the file may hold a U+FFFD of its own).
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0 && !isUtf8(bytes)) {
      return new Refused(notUtf8(path, bytes));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new Read(new SourceFile(path, text));
  }

  private static Diagnostic tooLarge(String path, long size) {
    return Diagnostic.of(Code.D011, SourceSpan.at(path, 1, 1),
        String.format(Locale.ROOT, "file is %s%,d bytes; a drill file may be at most %,d bytes (%d MiB)",
            size > MAX_BYTES ? "" : "more than ", size, MAX_BYTES, MAX_BYTES / (1024 * 1024)),
        "split the scenario library into one file per drill");
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static Diagnostic notUtf8(String path, byte[] bytes) {
    int bad = firstMalformedOffset(bytes);
    String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      // LF, CRLF and a lone CR each end a line (a CR just before the bad byte too).
      if (c == '\n' || c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    int column = before.codePointCount(lineStart, before.length()) + 1;
    return Diagnostic.of(Code.D008, SourceSpan.at(path, line, column),
        String.format("file is not UTF-8 text: byte 0x%02X at offset %d", bytes[bad] & 0xFF, bad),
        "save the file as UTF-8; a binary file is not a drill");
  }

  private static int firstMalformedOffset(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  /** A convenience for callers that only care about the file. */
  public static Optional<SourceFile> file(Result result) {
    return result instanceof Read read ? Optional.of(read.file()) : Optional.empty();
  }
}
