package dev.drill.cli;

import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.compiler.source.DrillFiles;
import dev.drill.plan.Plan;
import dev.drill.plan.RunResult;
import dev.drill.runtime.Roster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds which role, from {@code --roster FILE} (one {@code ROLE = NAME} a line, {@code #}
 * comments) and {@code --role ROLE=NAME} (repeatable; it wins over the file's line for that
 * role), each role checked against the drill's. Every problem is told, on one line each
 * (a file's with its {@code file:line}), and then none is kept.
 */
final class RosterInputs {

  private final String command;
  private final Plan plan;
  private final PrintWriter err;
  private final Map<String, String> holders = new LinkedHashMap<>();
  private final Map<String, String> namedAt = new LinkedHashMap<>();
  private boolean refused;

  private RosterInputs(String command, Plan plan, PrintWriter err) {
    this.command = command;
    this.plan = plan;
    this.err = err;
  }

  /** The roster, or empty after saying what is wrong with it. */
  static Optional<Roster> read(String command, Optional<Path> file, List<String> roles, Plan plan, PrintWriter err) {
    RosterInputs inputs = new RosterInputs(command, plan, err);
    file.ifPresent(inputs::file);
    Map<String, String> fromFile = new LinkedHashMap<>(inputs.holders);
    inputs.holders.clear();
    inputs.namedAt.clear();
    for (String text : roles) {
      inputs.entry("--role " + text, text, "--role wants ROLE=NAME, such as --role commander=alice, not '" + text + "'");
    }
    Map<String, String> merged = new LinkedHashMap<>(fromFile);
    merged.putAll(inputs.holders);
    return inputs.refused ? Optional.empty() : Optional.of(new Roster(merged));
  }

  private void file(Path path) {
    String shown = DrillFiles.display(path);
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      problem("--roster " + shown + ": not UTF-8 text");
      return;
    } catch (IOException e) {
      problem("--roster " + shown + ": " + (Files.exists(path) ? "cannot read it" : "no such file"));
      return;
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        String at = shown + ":" + (i + 1);
        entry(at, line, at + ": expected ROLE = NAME, such as commander = alice, not '" + line + "'");
      }
    }
  }

  /** One {@code ROLE=NAME}, told at {@code at}. */
  private void entry(String at, String text, String malformed) {
    int equals = text.indexOf('=');
    String role = equals < 0 ? "" : text.substring(0, equals).strip();
    String person = equals < 0 ? "" : text.substring(equals + 1).strip();
    if (role.isEmpty() || !RunResult.isPersonName(person.isEmpty() ? " " : person)) {
      problem(malformed);
      return;
    }
    List<String> declared = plan.roles().stream().map(Plan.Role::id).toList();
    if (!declared.contains(role)) {
      problem(at + ": the drill has no role '" + role + "'; " + NearMiss.hint(role, declared).orElse(
          declared.isEmpty() ? "it declares no roles" : "its roles are " + String.join(", ", declared)));
      return;
    }
    String before = holders.putIfAbsent(role, person);
    if (before != null && !before.equals(person)) {
      problem(at + ": role '" + role + "' is held by " + before + " already (" + namedAt.get(role)
          + "); a role has one person");
      return;
    }
    namedAt.putIfAbsent(role, at);
  }

  private void problem(String text) {
    err.println("drill " + command + ": " + text);
    refused = true;
  }
}
