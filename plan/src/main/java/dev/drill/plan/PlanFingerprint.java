package dev.drill.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Identifies exactly which version of a procedure a guide or a run result belongs to: a
 * hash of the plan's content with sorted keys, leaving out source positions (moving a
 * block or adding a comment changes no procedure) and the fingerprint itself.
 */
public final class PlanFingerprint {

  private static final int HEX_DIGITS = 16;
  private static final Pattern FORM = Pattern.compile("sha256:[0-9a-f]{" + HEX_DIGITS + "}");
  private static final int PART_HEX_DIGITS = 8;

  private PlanFingerprint() {}

  public static String of(Plan plan) {
    return "sha256:" + hash(plan, HEX_DIGITS);
  }

  /**
   * A short hash of one part of a plan (a step, a signal), by the same rules: guides mark
   * each section with it, so a stale guide can say which parts changed.
   */
  public static String ofPart(Object part) {
    return hash(part, PART_HEX_DIGITS);
  }

  private static String hash(Object planOrPart, int digits) {
    // Streamed into the digest: the canonical text is never held in memory.
    Sha256 sha256 = new Sha256();
    try {
      CanonicalJson.write(planOrPart, sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("hashing writes to no file", e);
    }
    return HexFormat.of().formatHex(sha256.digest()).substring(0, digits);
  }

  /** True for a fingerprint of the form this class writes: {@code sha256:} and 16 hex digits. */
  static boolean isWellFormed(String fingerprint) {
    return fingerprint != null && FORM.matcher(fingerprint).matches();
  }

  /** True when the plan's recorded fingerprint matches its content (it was not edited by hand). */
  public static boolean matches(Plan plan) {
    return of(plan).equals(plan.fingerprint());
  }
}
