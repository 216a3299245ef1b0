package dev.drill.ctk.importing;

import dev.drill.ctk.document.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command {@code drill export ctk} wrote: {@code sh -c SCRIPT drill ${a} ${b}}, the script
 * starting with {@code export DRILL_A="$1"} for each value. Read back as the drill command it
 * came from ({@code ${DRILL_A}} is {@code ${a}} again), so that exporting and importing
 * again gives the same drill instead of a command wrapped once more each time.
 */
final class ExportedScript {

  private static final Pattern PRELUDE = Pattern.compile("\\Aexport (DRILL_[A-Z0-9_]+)=\"\\$(\\d+)\"\\n");
  private static final Pattern KEY = Pattern.compile("\\$\\{([_a-zA-Z][_a-zA-Z0-9]*)\\}");

  private ExportedScript() {}

  static Optional<List<Templates.Part>> of(Node.Mapping provider, References references) {
    if (!Activities.text(provider, "path").equals("sh")
        || !(provider.get("arguments").orElse(null) instanceof Node.Sequence arguments)) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    for (Node item : arguments.items()) {
      if (!(item instanceof Node.Text text)) {
        return Optional.empty();
      }
      words.add(text.value());
    }
    if (words.size() < 2 || !words.get(0).equals("-c") || words.size() > 2 && !words.get(2).equals("drill")) {
      return Optional.empty();
    }
    String script = references.substitutesProcesses() ? words.get(1).replace("$$", "$") : words.get(1);
    Map<String, String> variables = new HashMap<>();
    Matcher prelude = PRELUDE.matcher(script);
    while (prelude.find()) {
      int position = Integer.parseInt(prelude.group(2)) + 2;
      if (position >= words.size()) {
        return Optional.empty();
      }
      Matcher key = KEY.matcher(words.get(position));
      Optional<String> name = key.matches() ? references.nameOf(key.group(1)) : Optional.empty();
      if (name.isEmpty()) {
        return Optional.empty();
      }
      variables.put(prelude.group(1), name.get());
      script = script.substring(prelude.end());
      prelude = PRELUDE.matcher(script);
    }
    if (words.size() != 2 + (variables.isEmpty() ? 0 : 1 + variables.size())) {
      return Optional.empty();
    }
    List<Templates.Part> parts = new ArrayList<>();
    Matcher use = Pattern.compile("\\$\\{(DRILL_[A-Z0-9_]+)\\}").matcher(script);
    int last = 0;
    while (use.find()) {
      String name = variables.get(use.group(1));
      if (name == null) {
        continue;
      }
      if (use.start() > last) {
        parts.add(new Templates.Literal(script.substring(last, use.start())));
      }
      parts.add(new Templates.Reference(name));
      last = use.end();
    }
    if (last < script.length()) {
      parts.add(new Templates.Literal(script.substring(last)));
    }
    return Optional.of(parts);
  }
}
