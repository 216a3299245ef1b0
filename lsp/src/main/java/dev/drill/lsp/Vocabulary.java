package dev.drill.lsp;

import java.util.List;
import java.util.Set;

/** The words of the language, grouped by where they may be written: what completion offers. */
final class Vocabulary {

  private Vocabulary() {}

  static final List<String> TOP_LEVEL = List.of("import", "template", "drill");

  static final List<String> DRILL_ITEMS = List.of("title", "summary", "owner", "kind", "tags", "environment", "timebox",
      "cadence", "rerun", "guide", "param", "secret", "roles", "setup", "teardown", "steady", "inject", "detect",
      "recover", "comms", "abort when", "debrief");

  static final List<String> ACTIONS = List.of("run", "http", "manual", "wait");

  static final List<String> PROBES = List.of("http", "command", "prometheus query", "prometheus alert", "log", "manual");

  static final List<String> PROBE_OPTIONS = List.of("every", "timeout", "for", "expect");

  static final List<String> HTTP_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  static final List<String> STEP_CLAUSES = List.of("by", "within", "after");

  static final List<String> KINDS = List.of("technical", "security", "ics", "experiment");

  /** Every keyword of the lexer. */
  static final Set<String> KEYWORDS = Set.of("after", "alert", "all", "and", "any", "abort", "ask", "at",
      "background", "between", "body", "by", "cadence", "check", "command", "comms", "contains", "count", "debrief",
      "default", "detect", "drill", "env", "environment", "equals", "every", "exit", "expect", "for", "from", "guide",
      "header", "http", "import", "in", "inject", "json", "kind", "log", "manual", "matches", "notify", "output",
      "owner", "param", "prometheus", "query", "recover", "rerun", "roles", "run", "secret", "setup", "signal",
      "status", "steady", "step", "summary", "tags",
      "teardown", "template", "timebox", "timeout", "title", "undo", "update", "verify", "wait", "when", "within");
}
