package dev.drill.plan;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text of a plan (or a part of one) that its fingerprint hashes: the plan's JSON as
 * {@link PlanJson} writes it, compact, with every object's keys sorted, and without source
 * positions, the drill's directory and origin (places, not the procedure) or the fingerprint
 * itself. Encoded here byte by byte as jackson-core's generator encodes it (control
 * characters and every surrogate as {@code \}{@code uXXXX}, the rest of Unicode as UTF-8,
 * decimals as {@link BigDecimal#toString()}): the generator's layers were half of the
 * fingerprint's cost. {@code CanonicalJsonProperties} holds every byte to the generator.
 */
final class CanonicalJson {

  /** Bytes gathered before they go to the output: most plans fit, so the digest reads them in one call. */
  private static final int CAPACITY = 8192;

  /** Chars of a string encoded per check of the room left: a char takes at most 6 bytes ({@code \}{@code u001F}). */
  private static final int SEGMENT = 1024;

  /** The most bytes a long's digits take, with its sign. */
  private static final int MAX_DIGITS = 20;

  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /**
   * Per ASCII char: 0 written as is, -1 escaped as {@code \}{@code uXXXX}, else the letter after
   * the backslash (the plan file's {@link RecordJson} escapes the same).
   */
  static final byte[] ESCAPES = escapes();

  private static final byte[][] KINDS = keywords(DrillKind.values(), DrillKind::keyword);
  private static final byte[][] MODES = keywords(Phase.DetectMode.values(), Phase.DetectMode::keyword);
  private static final byte[][] COMPARATORS = keywords(Comparator.values(), Comparator::symbol);

  private final OutputStream out;
  private final byte[] bytes = new byte[CAPACITY];
  private final char[] chars = new char[SEGMENT];
  private int used;

  private CanonicalJson(OutputStream out) {
    this.out = out;
  }

  static void write(Object value, OutputStream out) throws IOException {
    CanonicalJson json = new CanonicalJson(out);
    json.value(value);
    json.flush();
  }

  private void value(Object value) throws IOException {
    // Strings and records first: they are most of a plan, and each test passed costs every value after it.
    if (value instanceof String string) {
      string(string);
    } else if (value instanceof Record) {
      object(PlanShapes.of(value), value);
    } else if (value instanceof List<?> list) {
      room(1);
      bytes[used++] = '[';
      // By index: the plan's lists are List.copyOf's, and an iterator per list is garbage.
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          room(1);
          bytes[used++] = ',';
        }
        value(list.get(i));
      }
      room(1);
      bytes[used++] = ']';
    } else if (value instanceof Duration duration) {
      duration(duration);
    } else if (value instanceof BigDecimal decimal) {
      ascii(decimal.toString());
    } else if (value instanceof Integer integer) {
      room(MAX_DIGITS);
      digits(integer);
    } else if (value instanceof Boolean bool) {
      raw(bool ? TRUE : FALSE);
    } else if (value instanceof DrillKind kind) {
      raw(KINDS[kind.ordinal()]);
    } else if (value instanceof Phase.DetectMode mode) {
      raw(MODES[mode.ordinal()]);
    } else if (value instanceof Comparator comparator) {
      raw(COMPARATORS[comparator.ordinal()]);
    } else {
      throw new IllegalArgumentException("a plan holds no " + value.getClass().getName());
    }
  }

  /**
   * A duration as {@link Duration#toString()} writes it ({@code "PT1H30S"}), without its
   * string builder when it is whole seconds, as a plan's durations are.
   */
  private void duration(Duration duration) throws IOException {
    long seconds = duration.getSeconds();
    if (seconds < 0 || duration.getNano() != 0) {
      string(duration.toString());
      return;
    }
    room(3 * MAX_DIGITS + 8);
    bytes[used++] = '"';
    bytes[used++] = 'P';
    bytes[used++] = 'T';
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours != 0) {
      digits(hours);
      bytes[used++] = 'H';
    }
    if (minutes != 0) {
      digits(minutes);
      bytes[used++] = 'M';
    }
    if (rest != 0 || seconds == 0) {
      digits(rest);
      bytes[used++] = 'S';
    }
    bytes[used++] = '"';
  }

  /**
   * A number's decimal digits, as {@link Long#toString(long)} writes them, for an int's or a
   * count of seconds (never {@link Long#MIN_VALUE}); the caller made room.
   */
  private void digits(long number) {
    if (number < 0) {
      bytes[used++] = '-';
      number = -number;
    }
    int count = 1;
    for (long rest = number / 10; rest != 0; rest /= 10) {
      count++;
    }
    used += count;
    int at = used;
    do {
      bytes[--at] = (byte) ('0' + number % 10);
      number /= 10;
    } while (number != 0);
  }

  private void object(PlanShapes.Shape shape, Object record) throws IOException {
    Object[] values = shape.values(record);
    List<PlanShapes.Property> properties = shape.canonical();
    room(1);
    bytes[used++] = '{';
    boolean first = true;
    for (int i = 0; i < properties.size(); i++) {
      PlanShapes.Property property = properties.get(i);
      Object component = values[property.index()];
      if (component instanceof Optional<?> optional) {
        component = optional.orElse(null);
      }
      if (component != null) {
        byte[] key = property.hashedKey();
        room(key.length + 1);
        if (!first) {
          bytes[used++] = ',';
        }
        first = false;
        System.arraycopy(key, 0, bytes, used, key.length);
        used += key.length;
        value(component);
      }
    }
    room(1);
    bytes[used++] = '}';
  }

  /** A JSON string, escaped as the generator escapes it. */
  private void string(String text) throws IOException {
    int length = text.length();
    room(1);
    bytes[used++] = '"';
    for (int start = 0; start < length; start += SEGMENT) {
      int end = Math.min(length, start + SEGMENT);
      room(6 * (end - start));
      // Copied out first, as the generator does: an array read per char is cheaper than charAt under C1.
      text.getChars(start, end, chars, 0);
      char[] from = chars;
      byte[] to = bytes;
      int at = used;
      for (int i = 0; i < end - start; i++) {
        char c = from[i];
        if (c < 0x80) {
          byte escape = ESCAPES[c];
          if (escape == 0) {
            to[at++] = (byte) c;
          } else if (escape > 0) {
            to[at++] = '\\';
            to[at++] = escape;
          } else {
            at = unicodeEscape(c, at);
          }
        } else if (c < 0x800) {
          to[at++] = (byte) (0xc0 | c >> 6);
          to[at++] = (byte) (0x80 | c & 0x3f);
        } else if (Character.isSurrogate(c)) {
          at = unicodeEscape(c, at);
        } else {
          to[at++] = (byte) (0xe0 | c >> 12);
          to[at++] = (byte) (0x80 | c >> 6 & 0x3f);
          to[at++] = (byte) (0x80 | c & 0x3f);
        }
      }
      used = at;
    }
    room(1);
    bytes[used++] = '"';
  }

  private int unicodeEscape(char c, int at) {
    bytes[at] = '\\';
    bytes[at + 1] = 'u';
    bytes[at + 2] = HEX[c >> 12];
    bytes[at + 3] = HEX[c >> 8 & 0xf];
    bytes[at + 4] = HEX[c >> 4 & 0xf];
    bytes[at + 5] = HEX[c & 0xf];
    return at + 6;
  }

  /** Text that needs no escaping: a number's digits. */
  private void ascii(String text) throws IOException {
    raw(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private void raw(byte[] text) throws IOException {
    if (text.length > CAPACITY) {
      flush();
      out.write(text, 0, text.length);
      return;
    }
    room(text.length);
    System.arraycopy(text, 0, bytes, used, text.length);
    used += text.length;
  }

  /** Makes room for {@code count} more bytes, at most {@link #CAPACITY}. */
  private void room(int count) throws IOException {
    if (used + count > CAPACITY) {
      flush();
    }
  }

  private void flush() throws IOException {
    out.write(bytes, 0, used);
    used = 0;
  }

  private static byte[] escapes() {
    byte[] escapes = new byte[0x80];
    for (int c = 0; c < 0x20; c++) {
      escapes[c] = -1;
    }
    escapes['\b'] = 'b';
    escapes['\t'] = 't';
    escapes['\n'] = 'n';
    escapes['\f'] = 'f';
    escapes['\r'] = 'r';
    escapes['"'] = '"';
    escapes['\\'] = '\\';
    return escapes;
  }

  /** Each constant's JSON string, by ordinal, encoded once (keywords and symbols need no escapes). */
  private static <E extends Enum<E>> byte[][] keywords(E[] constants, Function<E, String> keyword) {
    byte[][] keywords = new byte[constants.length][];
    for (E constant : constants) {
      keywords[constant.ordinal()] = ('"' + keyword.apply(constant) + '"').getBytes(StandardCharsets.US_ASCII);
    }
    return keywords;
  }
}
