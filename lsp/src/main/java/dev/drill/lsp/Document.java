package dev.drill.lsp;

import dev.drill.compiler.source.SourceFile;
import java.net.URI;
import java.nio.file.Path;

/** An open document as the client last sent it: its URI, the file path it compiles as, its version, its text. */
record Document(String uri, String path, int version, String text) {

  static Document of(String uri, int version, String text) {
    return new Document(uri, pathOf(uri), version, text);
  }

  SourceFile source() {
    return new SourceFile(path, text);
  }

  /** A file: URI's absolute path, so that imports resolve beside it; any other URI as it is. */
  static String pathOf(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri)).toString();
      } catch (IllegalArgumentException e) {
        return uri;
      }
    }
    return uri;
  }

  /** The URI of a path a span names: absolute paths become file: URIs. */
  static String uriOf(String path) {
    Path file = Path.of(path);
    return file.isAbsolute() ? file.toUri().toString() : path;
  }
}
