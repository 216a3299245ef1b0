package dev.drill.runtime.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.drill.runtime.Bindings;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputTextTest {

  @Test
  void shortTextIsShownWhole() {
    byte[] bytes = "é ok 🙂\n".getBytes(StandardCharsets.UTF_8);
    assertEquals("é ok 🙂\n", OutputText.tail(bytes, bytes.length, Bindings.none()));
    assertEquals("é ok 🙂\n", OutputText.head(bytes, bytes.length, Bindings.none()));
  }

  @Test
  void aCutTailStartsOnAWholeCharacter() {
    TailBuffer buffer = new TailBuffer();
    byte[] text = "é🙂".repeat(30_000).getBytes(StandardCharsets.UTF_8);
    buffer.write(text, text.length);
    String shown = OutputText.tail(buffer.kept(), buffer.total(), Bindings.none());
    String body = shown.substring(shown.indexOf('\n') + 1);
    assertFalse(body.contains("\uFFFD"));
    assertFalse(Character.isLowSurrogate(body.charAt(0)));
    assertEquals("[output cut: only the last 64 KiB of " + text.length + " bytes kept]",
        shown.substring(0, shown.indexOf('\n')));
  }

  @Test
  void aCutHeadEndsOnAWholeCharacter() {
    byte[] text = "🙂é".repeat(30_000).getBytes(StandardCharsets.UTF_8);
    String shown = OutputText.head(Arrays.copyOf(text, OutputText.KEPT), text.length, Bindings.none());
    String body = shown.substring(0, shown.lastIndexOf('\n'));
    assertFalse(body.contains("\uFFFD"));
    assertFalse(Character.isHighSurrogate(body.charAt(body.length() - 1)));
  }

  @Test
  void aSecretCutInHalfAtTheEndOfAHeadIsNotShownInPart() {
    Bindings bindings = new Bindings(Map.of(), Map.of("token", "s3cr3t-T0KEN"));
    String text = "a".repeat(OutputText.KEPT - 3) + "s3cr3t-T0KEN";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String shown = OutputText.head(Arrays.copyOf(bytes, OutputText.KEPT), bytes.length, bindings);
    assertFalse(shown.contains("s3c"));
  }

  @Test
  void theRingKeepsTheLastBytesAcrossWrites() {
    TailBuffer buffer = new TailBuffer();
    for (int i = 0; i < 100_000; i++) {
      byte[] b = {(byte) ('0' + i % 10)};
      buffer.write(b, 1);
    }
    byte[] big = new byte[OutputText.KEPT + 5];
    Arrays.fill(big, (byte) 'x');
    buffer.write("tail".getBytes(StandardCharsets.US_ASCII), 4);
    assertEquals(100_004, buffer.total());
    assertEquals("6789tail", new String(buffer.kept(), StandardCharsets.US_ASCII).substring(OutputText.KEPT - 8));
    buffer.write(big, big.length);
    assertEquals(100_004 + big.length, buffer.total());
    assertEquals("x".repeat(OutputText.KEPT), new String(buffer.kept(), StandardCharsets.US_ASCII));
  }
}
