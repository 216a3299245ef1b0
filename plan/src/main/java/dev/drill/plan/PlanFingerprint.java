package dev.drill.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies exactly which version of a procedure a guide or a run result belongs to: a
 * hash of the plan's content with sorted keys, leaving out source positions (moving a
 * block or adding a comment changes no procedure) and the fingerprint itself.
 */
public final class PlanFingerprint {

  private static final int HEX_DIGITS = 16;

  private PlanFingerprint() {}

  public static String of(Plan plan) {
    JsonNode tree = PlanJson.tree(plan);
    strip(tree);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(PlanJson.canonicalBytes(tree));
      return "sha256:" + HexFormat.of().formatHex(hash).substring(0, HEX_DIGITS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** True when the plan's recorded fingerprint matches its content (it was not edited by hand). */
  public static boolean matches(Plan plan) {
    return of(plan).equals(plan.fingerprint());
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode) {
      ObjectNode object = (ObjectNode) node;
      object.remove("source");
      object.remove("fingerprint");
    }
    node.forEach(PlanFingerprint::strip);
  }
}
