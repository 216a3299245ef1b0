package dev.drill.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a committed golden file; {@code -Dgolden.update=true} rewrites the
 * golden files instead (review the diff before committing). The runtime's copy of the
 * compiler's helper: the runtime does not depend on the compiler, not even in tests.
 */
public final class Golden {

  private Golden() {}

  public static void assertMatches(Path golden, String actual) {
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
