package dev.drill.ctk.importing;

import dev.drill.compiler.diagnostic.Code;
import dev.drill.ctk.document.Node;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The experiment's configuration and secrets as drill's params and secrets: which CTK key
 * is which drill name, which are used, and where a secret may go (drill never prints one:
 * in a URL or a message it stays the text CTK would have replaced, with a warning).
 */
final class References {

  private final Findings findings;
  private final Map<String, String> params = new LinkedHashMap<>();
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Map<String, BigDecimal> numbers = new LinkedHashMap<>();
  private final Set<String> used = new HashSet<>();
  private boolean any;

  References(Findings findings) {
    this.findings = findings;
  }

  void param(String key, String name, Optional<String> knownValue) {
    params.put(key, name);
    any = true;
    knownValue.ifPresent(v -> {
      try {
        numbers.put(key, new BigDecimal(v));
      } catch (NumberFormatException e) {
        // Not a number: a pause cannot use it.
      }
    });
  }

  void secret(String key, String name) {
    // The configuration takes precedence over a secret of the same name, as in CTK.
    if (!params.containsKey(key)) {
      secrets.putIfAbsent(key, name);
    }
    any = true;
  }

  /** Whether CTK substitutes in process arguments: only when the experiment has configuration or secrets. */
  boolean substitutesProcesses() {
    return any;
  }

  List<Templates.Part> parts(String text, boolean substituted) {
    Map<String, String> names = new LinkedHashMap<>(secrets);
    names.putAll(params);
    return Templates.parts(text, names, substituted);
  }

  /** A drill string where a secret may go. */
  String quoted(List<Templates.Part> parts) {
    for (Templates.Part part : parts) {
      if (part instanceof Templates.Reference reference) {
        used.add(reference.name());
      }
    }
    return DrillText.quoted(parts);
  }

  /** A drill string that is printed: a secret in it stays as CTK's text, with a warning. */
  String printed(List<Templates.Part> parts, String where, Node.Position at) {
    List<Templates.Part> shown = new ArrayList<>();
    for (Templates.Part part : parts) {
      if (part instanceof Templates.Reference reference && secrets.containsValue(reference.name())) {
        findings.add(Code.D952, at, where + ": secret " + reference.name() + " would be printed here; drill"
            + " never prints a secret, so the text keeps ${" + keyOf(reference.name()) + "} as written");
        shown.add(new Templates.Literal("${" + keyOf(reference.name()) + "}"));
      } else {
        shown.add(part);
      }
    }
    return quoted(shown);
  }

  private String keyOf(String secretName) {
    return secrets.entrySet().stream().filter(e -> e.getValue().equals(secretName)).map(Map.Entry::getKey)
        .findFirst().orElse(secretName);
  }

  /** The number a {@code ${key}} stands for, when the configuration gives it inline. */
  Optional<BigDecimal> numberOf(String text) {
    if (!text.startsWith("${") || !text.endsWith("}")) {
      return Optional.empty();
    }
    return Optional.ofNullable(numbers.get(text.substring(2, text.length() - 1)));
  }

  /** The drill name of a CTK configuration or secret key. */
  Optional<String> nameOf(String key) {
    return Optional.ofNullable(params.getOrDefault(key, secrets.get(key)));
  }

  boolean isUsed(String name) {
    return used.contains(name);
  }
}
