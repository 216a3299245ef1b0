package dev.drill.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Changes to a file's bytes, as an editor, a bad merge or a broken transfer makes them:
 * spans deleted, duplicated or moved, lines swapped, a token or a control byte inserted,
 * a byte replaced (also by one that is not UTF-8), the end cut off, line ends changed.
 */
final class Mutations {

  private static final byte[] ODD_BYTES = {0x00, 0x1b, 0x0d, 0x0a, 0x09, 0x7f, (byte) 0xff, (byte) 0xc3, (byte) 0xe2,
      '"', '{', '}', '$', '\\', '#', '<', '>', '`'};
  private static final String[] TOKENS = {"{", "}", "\"", "\"\"\"", "${", "}", "drill x {", "step", "after x", "by",
      "within 5m", "within 5 m", "verify { }", "# c", "\n", "\r", "\u0000", "\u001b[2J", "<!-- drill:end x -->",
      "<!-- drill:begin procedure -->", "```", "timebox 9999999999999w", "every 1ms", "matches \"[\"", "\ufeff"};

  private Mutations() {}

  /** One to four mutations of the bytes. */
  static byte[] of(Random random, byte[] seed) {
    byte[] bytes = seed;
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      bytes = once(random, bytes);
    }
    return bytes;
  }

  private static byte[] once(Random random, byte[] in) {
    int n = in.length;
    int at = n == 0 ? 0 : random.nextInt(n + 1);
    int len = n == 0 ? 0 : random.nextInt(Math.max(1, Math.min(n - Math.min(at, n), 200)) + 1);
    int end = Math.min(n, at + len);
    switch (random.nextInt(9)) {
      case 0:
        return concat(slice(in, 0, at), slice(in, end, n));
      case 1:
        return concat(slice(in, 0, end), slice(in, at, end), slice(in, end, n));
      case 2: {
        int to = random.nextInt(n + 1);
        byte[] without = concat(slice(in, 0, at), slice(in, end, n));
        int place = Math.min(to, without.length);
        return concat(slice(without, 0, place), slice(in, at, end), slice(without, place, without.length));
      }
      case 3:
        return swapLines(random, in);
      case 4:
        return concat(slice(in, 0, at), TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8),
            slice(in, at, n));
      case 5: {
        byte[] out = in.clone();
        if (n > 0) {
          out[Math.min(at, n - 1)] = ODD_BYTES[random.nextInt(ODD_BYTES.length)];
        }
        return out;
      }
      case 6:
        return slice(in, 0, at);
      case 7:
        return lineEnds(random, in);
      default:
        return concat(slice(in, 0, at), new byte[] {ODD_BYTES[random.nextInt(ODD_BYTES.length)]}, slice(in, at, n));
    }
  }

  private static byte[] swapLines(Random random, byte[] in) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\n') {
        lines.add(slice(in, start, i + 1));
        start = i + 1;
      }
    }
    lines.add(slice(in, start, in.length));
    if (lines.size() < 2) {
      return in;
    }
    int a = random.nextInt(lines.size());
    int b = random.nextInt(lines.size());
    byte[] tmp = lines.get(a);
    lines.set(a, lines.get(b));
    lines.set(b, tmp);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] lineEnds(Random random, byte[] in) {
    String text = new String(in, StandardCharsets.ISO_8859_1);
    String changed = random.nextBoolean() ? text.replace("\n", "\r") : text.replace("\n", "\r\n");
    return changed.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] slice(byte[] in, int from, int to) {
    return Arrays.copyOfRange(in, Math.max(0, Math.min(from, in.length)), Math.max(0, Math.min(to, in.length)));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
