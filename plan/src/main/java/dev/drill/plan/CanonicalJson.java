package dev.drill.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The text of a plan (or a part of one) that its fingerprint hashes: the plan's JSON as
 * {@link PlanJson} writes it, compact, with every object's keys sorted, and without source
 * positions, the drill's directory and origin (places, not the procedure) or the fingerprint
 * itself. Written by {@link RecordJson#CANONICAL}, so that strings and numbers come out
 * exactly as in the plan file.
 */
final class CanonicalJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private CanonicalJson() {}

  static void write(Object value, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      RecordJson.CANONICAL.value(value, json);
    }
  }
}
