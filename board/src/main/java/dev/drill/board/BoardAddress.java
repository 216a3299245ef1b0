package dev.drill.board;

import java.util.Optional;

/**
 * Where the board listens: {@code [HOST:]PORT}. Without a host it is 127.0.0.1, so only this
 * machine reaches it unless the user names an address the room can reach; port 0 takes any
 * free port (tests).
 */
public record BoardAddress(String host, int port) {

  public static final String LOOPBACK = "127.0.0.1";

  /** The address in {@code spec}; empty when it is not {@code [HOST:]PORT} with a port from 0 to 65535. */
  public static Optional<BoardAddress> parse(String spec) {
    int colon = spec.lastIndexOf(':');
    String host = colon < 0 ? LOOPBACK : spec.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String port = spec.substring(colon + 1);
    if (host.isBlank() || port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int number = Integer.parseInt(port);
    return number > 65535 ? Optional.empty() : Optional.of(new BoardAddress(host, number));
  }

  /** The address on this machine only, on {@code port}. */
  public static BoardAddress loopback(int port) {
    return new BoardAddress(LOOPBACK, port);
  }
}
