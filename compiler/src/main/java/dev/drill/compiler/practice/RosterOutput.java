package dev.drill.compiler.practice;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drill.plan.Markdown;
import dev.drill.plan.PlanJson;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code drill roster}'s formats: {@code text} (aligned columns), {@code json} and {@code md}. */
public enum RosterOutput {
  TEXT, JSON, MD;

  private static final List<String> HEADINGS = List.of("PERSON", "ROLE", "DRILL", "LAST HELD");
  private static final String NOBODY = "No run result names who held which role yet:"
      + " name them with drill run --role ROLE=NAME.";

  /** The format of that name ({@code text}, {@code json}, {@code md}). */
  public static Optional<RosterOutput> named(String name) {
    for (RosterOutput format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The roster in this format, ending with a newline. */
  public String render(PracticeRoster.Roster roster) {
    return switch (this) {
      case TEXT -> text(roster);
      case JSON -> json(roster);
      case MD -> markdown(roster);
    };
  }

  private static String text(PracticeRoster.Roster roster) {
    if (roster.people().isEmpty()) {
      return NOBODY + "\n";
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADINGS);
    roster.held().forEach(h -> rows.add(List.of(h.person(), h.role(), h.drill(), h.last().toString())));
    int[] widths = new int[HEADINGS.size()];
    rows.forEach(row -> {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append('\n');
    if (roster.neverHeld().isEmpty()) {
      out.append("Everyone has held every role the drills declare.\n");
    } else {
      out.append("Never held (roles the drills declare):\n");
      roster.neverHeld().forEach(n -> out.append("  ").append(n.sentence()).append('\n'));
    }
    return out.toString();
  }

  private static String markdown(PracticeRoster.Roster roster) {
    StringBuilder out = new StringBuilder("# The roster\n\n");
    if (roster.people().isEmpty()) {
      return out.append(NOBODY).append('\n').toString();
    }
    out.append("| Person | Role | Drill | Last held |\n|---|---|---|---|\n");
    roster.held().forEach(h -> out.append("| ").append(Markdown.text(h.person())).append(" | ")
        .append(Markdown.code(h.role())).append(" | ").append(Markdown.code(h.drill())).append(" | ")
        .append(h.last()).append(" |\n"));
    out.append("\n## Never held\n\n");
    if (roster.neverHeld().isEmpty()) {
      out.append("Everyone has held every role the drills declare.\n");
    } else {
      roster.neverHeld().forEach(n -> out.append("- ").append(Markdown.text(n.person())).append(" has never been ")
          .append(Markdown.code(n.role())).append('\n'));
    }
    return out.toString();
  }

  private static String json(PracticeRoster.Roster roster) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("people", roster.people());
    tree.put("roles", roster.roles());
    tree.put("held", roster.held().stream().map(h -> entries("person", h.person(), "role", h.role(),
        "drill", h.drill(), "last", h.last().toString())).toList());
    tree.put("neverHeld", roster.neverHeld().stream().map(n -> entries("person", n.person(), "role", n.role()))
        .toList());
    try {
      return PlanJson.writer().writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> entries(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
