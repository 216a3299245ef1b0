package dev.drill.runtime.action;

import java.util.OptionalInt;

/**
 * What an HTTP exchange got back: the status when a response came (none when the connection
 * failed or timed out), in words ({@code status 503}, {@code no connection: Connection
 * refused}, {@code timed out after 10s}), and the response body, redacted and cut to its
 * first 64 KiB.
 */
public record HttpReply(OptionalInt status, String detail, String body) {

  static HttpReply failed(String detail) {
    return new HttpReply(OptionalInt.empty(), detail, "");
  }
}
