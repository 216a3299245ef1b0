package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** drill's SHA-256 is the JDK's, byte for byte, however the input is cut into writes. */
class Sha256Properties {

  @Property(tries = 1000)
  void digestsAsTheJdkDoes(@ForAll @Size(max = 600) byte[] input, @ForAll @IntRange(min = 1, max = 130) int chunk)
      throws NoSuchAlgorithmException {
    Sha256 sha256 = new Sha256();
    for (int offset = 0; offset < input.length; offset += chunk) {
      int count = Math.min(chunk, input.length - offset);
      if (count == 1) {
        sha256.write(input[offset]);
      } else {
        sha256.write(input, offset, count);
      }
    }
    assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(input), sha256.digest());
  }

  @Property(tries = 1)
  void theStandardsExamples() throws NoSuchAlgorithmException {
    for (String text : new String[] {"", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"}) {
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Sha256 sha256 = new Sha256();
      sha256.write(bytes, 0, bytes.length);
      assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(bytes), sha256.digest());
    }
    Sha256 abc = new Sha256();
    abc.write(new byte[] {'a', 'b', 'c'}, 0, 3);
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        java.util.HexFormat.of().formatHex(abc.digest()));
  }
}
