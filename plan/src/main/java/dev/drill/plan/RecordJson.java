package dev.drill.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The plan file's text, encoded here char by char as jackson-core's generator wrote it with
 * drill's pretty printer ({@link PlanJson}): properties in declaration order, two spaces per
 * level, {@code "key": value}, {@code []} and {@code {}} when empty; each record as its
 * {@link PlanShapes shape} says, the enums and spans as the text databind writes for them,
 * empty optionals and nulls left out. Strings are escaped as the generator escapes them
 * (control characters, {@code "} and {@code \}), the rest of Unicode left as it is: the
 * generator's layers were a fifth of a {@code drill compile}. {@code PlanJsonProperties} and
 * {@code CanonicalJsonProperties} hold every char to databind's writer. (The hashed form is
 * {@link CanonicalJson}'s.)
 */
final class RecordJson {

  /** Most plans fit without growing. */
  private static final int CAPACITY = 16_384;

  /** Chars of a string escaped per check of the room left: a char takes at most 6 ({@code \}{@code u001F}). */
  private static final int SEGMENT = 1024;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private char[] chars = new char[CAPACITY];
  private int used;
  private int depth;

  private RecordJson() {}

  /** The plan file's text, with its final newline. */
  static String file(Plan plan) {
    RecordJson json = new RecordJson();
    json.value(plan);
    json.room(1);
    json.chars[json.used++] = '\n';
    return new String(json.chars, 0, json.used);
  }

  /** The JSON text of any record of a plan, without a final newline. */
  static String text(Object value) {
    RecordJson json = new RecordJson();
    json.value(value);
    return new String(json.chars, 0, json.used);
  }

  private void value(Object value) {
    if (value instanceof String string) {
      string(string);
    } else if (value instanceof Record && !(value instanceof SourceSpan)) {
      object(PlanShapes.of(value), value);
    } else if (value instanceof List<?> list) {
      list(list);
    } else if (value instanceof SourceSpan span) {
      string(span.toString());
    } else if (value instanceof Duration duration) {
      string(duration.toString());
    } else if (value instanceof BigDecimal decimal) {
      ascii(decimal.toString());
    } else if (value instanceof Integer integer) {
      ascii(Integer.toString(integer));
    } else if (value instanceof Boolean bool) {
      ascii(bool ? "true" : "false");
    } else if (value instanceof DrillKind kind) {
      string(kind.keyword());
    } else if (value instanceof Phase.DetectMode mode) {
      string(mode.keyword());
    } else if (value instanceof Comparator comparator) {
      string(comparator.symbol());
    } else {
      throw new IllegalArgumentException("a plan holds no " + value.getClass().getName());
    }
  }

  private void list(List<?> list) {
    if (list.isEmpty()) {
      room(2);
      chars[used++] = '[';
      chars[used++] = ']';
      return;
    }
    room(1);
    chars[used++] = '[';
    depth++;
    // By index: the plan's lists are List.copyOf's, and an iterator per list is garbage.
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        room(1);
        chars[used++] = ',';
      }
      newLine();
      value(list.get(i));
    }
    depth--;
    newLine();
    room(1);
    chars[used++] = ']';
  }

  private void object(PlanShapes.Shape shape, Object record) {
    Object[] values = shape.values(record);
    List<PlanShapes.Property> properties = shape.file();
    room(1);
    chars[used++] = '{';
    depth++;
    boolean first = true;
    for (int i = 0; i < properties.size(); i++) {
      PlanShapes.Property property = properties.get(i);
      Object component = values[property.index()];
      if (component instanceof Optional<?> optional) {
        component = optional.orElse(null);
      }
      if (component != null) {
        if (!first) {
          room(1);
          chars[used++] = ',';
        }
        first = false;
        newLine();
        char[] key = property.fileKey();
        room(key.length);
        System.arraycopy(key, 0, chars, used, key.length);
        used += key.length;
        value(component);
      }
    }
    depth--;
    if (!first) {
      newLine();
    }
    room(1);
    chars[used++] = '}';
  }

  /** A line break and the indentation of the current depth. */
  private void newLine() {
    int width = 2 * depth;
    room(1 + width);
    chars[used++] = '\n';
    Arrays.fill(chars, used, used + width, ' ');
    used += width;
  }

  /** A JSON string, escaped as the generator escapes it. */
  private void string(String text) {
    room(1);
    chars[used++] = '"';
    int length = text.length();
    for (int start = 0; start < length; start += SEGMENT) {
      int end = Math.min(length, start + SEGMENT);
      room(6 * (end - start));
      segment(text, start, end);
    }
    room(1);
    chars[used++] = '"';
  }

  /** Chars {@code start} to {@code end} of a string, escaped; the caller made room for six chars each. */
  private void segment(String text, int start, int end) {
    char[] to = chars;
    // Copied in whole first, as the generator does: an array read per char is cheaper than charAt under C1.
    text.getChars(start, end, to, used);
    int stop = used + end - start;
    int from = used;
    while (from < stop && to[from] >= 0x20 && to[from] != '"' && to[from] != '\\') {
      from++;
    }
    if (from == stop) {
      used = stop;
      return;
    }
    // Something to escape: the rest is read from the string again, since escapes move it along.
    int at = from;
    for (int i = start + from - used; i < end; i++) {
      char c = text.charAt(i);
      byte escape = c < 0x80 ? CanonicalJson.ESCAPES[c] : 0;
      if (escape == 0) {
        to[at++] = c;
      } else if (escape > 0) {
        to[at++] = '\\';
        to[at++] = (char) escape;
      } else {
        to[at++] = '\\';
        to[at++] = 'u';
        to[at++] = HEX[c >> 12];
        to[at++] = HEX[c >> 8 & 0xf];
        to[at++] = HEX[c >> 4 & 0xf];
        to[at++] = HEX[c & 0xf];
      }
    }
    used = at;
  }

  /** Text that needs no escaping: a number's digits, a literal. */
  private void ascii(String text) {
    room(text.length());
    text.getChars(0, text.length(), chars, used);
    used += text.length();
  }

  /** Makes room for {@code count} more chars. */
  private void room(int count) {
    if (used + count > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(2 * chars.length, used + count));
    }
  }
}
