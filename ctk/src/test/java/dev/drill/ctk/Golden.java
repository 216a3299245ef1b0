package dev.drill.ctk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A committed golden file; {@code -Dgolden.update=true} rewrites it instead (review the diff). */
final class Golden {

  private Golden() {}

  static void assertMatches(Path golden, String actual) {
    try {
      if (Boolean.parseBoolean(System.getProperty("golden.update", "false"))) {
        Files.createDirectories(golden.toAbsolutePath().getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        throw new AssertionError("no golden file " + golden + "; run with -Dgolden.update=true to create it");
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "differs from " + golden);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
