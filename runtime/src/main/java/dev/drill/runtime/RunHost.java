package dev.drill.runtime;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The machine a run runs on, as the journal names it: with the pid, it tells whether a run still goes. */
public final class RunHost {

  private RunHost() {}

  public static String name() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }
}
