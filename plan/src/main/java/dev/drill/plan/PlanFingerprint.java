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
  private static final int PART_HEX_DIGITS = 8;

  private PlanFingerprint() {}

  public static String of(Plan plan) {
    return "sha256:" + hash(PlanJson.tree(plan), HEX_DIGITS);
  }

  /**
   * A short hash of one part of a plan (a step, a signal), by the same rules: guides mark
   * each section with it, so a stale guide can say which parts changed.
   */
  public static String ofPart(Object part) {
    return hash(PlanJson.tree(part), PART_HEX_DIGITS);
  }

  private static String hash(JsonNode tree, int digits) {
    strip(tree);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(PlanJson.canonicalBytes(tree));
      return HexFormat.of().formatHex(hash).substring(0, digits);
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
