package dev.drill.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The inputs of a campaign, three kinds: drills generated from the language's own shapes
 * (valid or nearly, with hostile text in every string), token soup (the language's tokens
 * in any order), and mutations of real drills (the samples and the compiler's corpus).
 * Every input is a function of the random source, so a seed reproduces a campaign.
 */
final class Inputs {

  private static final String[] KEYWORDS = {"after", "alert", "all", "any", "abort", "ask", "at", "body", "by",
      "cadence", "check", "command", "comms", "contains", "debrief", "detect", "drill", "env", "environment",
      "every", "exit", "expect", "for", "from", "guide", "import", "header", "http", "inject", "kind", "log", "manual", "matches",
      "notify", "output", "owner", "param", "prometheus", "query", "recover", "rerun", "roles", "run", "secret",
      "setup", "signal", "status", "steady", "step", "summary", "tags", "teardown", "template", "timebox", "timeout", "title",
      "undo", "update", "verify", "wait", "when", "within"};
  private static final String[] PUNCTUATION = {"{", "}", "(", ")", ",", "=", "==", "!=", "<", "<=", ">", ">=", "\"", "\"\"\""};
  /** Text that has broken tools like this one before: markup, markers, escapes, controls, odd Unicode. */
  private static final String[] NASTY = {"", " ", "${host}", "${undeclared}", "$${x}", "$$", "$", "${", "}",
      "\\\"", "\\\\", "\\n", "\\u0041", "\\q", "'", "`", "```", "~~~", "# heading", "## step", "| a | b |",
      "<!-- drill:begin procedure -->", "<!-- drill:end procedure -->", "<!-- drill:step x 00000000 -->",
      "<!-- drill:guide x sha256:0000000000000000 -->", "<script>alert(1)</script>", "*emph*", "[link](x)",
      "\u0000", "\u001b[31mred\u001b[0m", "\u0007", "\r", "\t", "\u00a0", "\u200b", "\u202e", "\ufeff", "é",
      "日本語", "🔥", "\ud800", "a".repeat(300), "-rf", "; rm -rf /", "$(touch X)", "&&", "|", ">", "\u2028"};
  private static final String[] DURATIONS = {"1s", "5m", "30m", "1h", "90s", "1h30m", "14d", "366d", "367d", "0s",
      "100ms", "99ms", "1ms", "2w", "9999999999999w", "99999999999999999999d", "5 m", "5x", "10sec", "1d1ms"};
  private static final String[] NAMES = {"restart", "replay", "operator", "commander", "scribe", "host", "port",
      "token", "health-failing", "a", "b", "x-y", "Bad_Name", "restart", "declare", "step", "drill", "verify"};
  private static final String[] PROBES = {
      "http GET \"http://${host}:8080/health\" expect status != 200",
      "http GET \"%s\" expect status 200 expect body contains \"%s\"",
      "command \"%s\" expect exit != 0",
      "command \"%s\" expect output contains \"%s\"",
      "prometheus alert \"%s\" at \"http://prometheus:9090\"",
      "prometheus query \"%s\" expect > 0.5",
      "log \"/var/log/%s.log\" matches \"%s\"",
      "manual \"%s\"",
      "http FETCH \"nohost\" expect status 999"};
  private static final String[] ACTIONS = {
      "run \"%s\"", "run \"\"\"\n      %s\n    \"\"\" timeout 5m", "http POST \"http://x/%s\" body \"%s\"",
      "manual \"%s\"", "wait %s"};

  private final Random random;
  private final List<byte[]> seeds;

  Inputs(Random random, List<byte[]> seeds) {
    this.random = random;
    this.seeds = seeds;
  }

  /**
   * The next input: a valid drill generated with hostile text (30%), a drill generated from
   * any shapes (10%), token soup (15%), a mutated drill of the project (25%), or one of the
   * project's drills as it is (20%: their guides are then damaged for {@code --update}).
   */
  Input next(int index) {
    int kind = random.nextInt(100);
    if (kind < 30 || seeds.isEmpty()) {
      return new Input(index, "valid", utf8(valid()));
    }
    if (kind < 40) {
      return new Input(index, "generated", utf8(generated()));
    }
    if (kind < 55) {
      return new Input(index, "token-soup", utf8(tokenSoup()));
    }
    if (kind < 80) {
      return new Input(index, "mutated", Mutations.of(random, pick(seeds)));
    }
    return new Input(index, "as-is", pick(seeds));
  }

  // ---- valid drills: every rule kept, every string hostile ----

  /** A drill that compiles (most of the time), with text in every string that has broken tools before. */
  String valid() {
    StringBuilder out = new StringBuilder();
    out.append("drill fuzz-").append(random.nextInt(1000)).append(" {\n");
    line(out, "title " + quoted());
    line(out, "owner " + quoted());
    if (chance(50)) {
      line(out, "summary \"\"\"\n    " + block(raw()) + "\n    " + block(raw()) + "\n  \"\"\"");
    }
    if (chance(40)) {
      line(out, "tags " + quoted() + ", " + quoted());
    }
    line(out, "timebox 2h");
    if (chance(50)) {
      line(out, "cadence 30d");
    }
    line(out, "param host = \"svc-1.staging.internal\" matches \"^[a-z0-9.-]+$\"");
    line(out, "param note = " + quoted());
    if (chance(50)) {
      line(out, "secret token = env \"FUZZ_TOKEN\"");
    }
    line(out, "roles {\n    operator " + quoted() + "\n    commander " + quoted() + "\n  }");
    if (chance(50)) {
      line(out, "setup { run " + command() + " }");
    }
    if (chance(50)) {
      line(out, "steady {\n    check up " + quoted() + " { http GET \"http://${host}/health\" expect status 200 }\n  }");
    }
    line(out, "inject break-it " + quoted() + " {\n    run " + command() + "\n    undo " + command() + "\n  }");
    StringBuilder signals = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      signals.append("    signal sig-").append(i).append(' ').append(quoted()).append(" { ").append(validProbe())
          .append(" }\n");
    }
    line(out, "detect " + pick(new String[] {"all", "any"}) + " within 5m {\n" + signals + "  }");
    StringBuilder steps = new StringBuilder();
    int m = 1 + random.nextInt(4);
    for (int i = 0; i < m; i++) {
      steps.append("    step step-").append(i).append(' ').append(quoted())
          .append(chance(60) ? " by " + pick(new String[] {"operator", "commander"}) : "")
          .append(chance(40) ? " within 10m" : "")
          .append(i > 0 && chance(40) ? " after step-" + random.nextInt(i) : "")
          .append(" {\n      ").append(chance(30) ? "manual " + quoted() : "run " + command()).append('\n')
          .append(chance(40) ? "      verify { " + validProbe() + " } within 2m\n" : "")
          .append("    }\n");
    }
    line(out, "recover within 30m {\n" + steps + "  }");
    if (chance(30)) {
      line(out, "comms {\n    notify " + quoted() + " within 10m by commander\n  }");
    }
    if (chance(50)) {
      line(out, "debrief {\n    ask " + quoted() + "\n  }");
    }
    line(out, "teardown { run \"echo done ${note}\" }");
    out.append("}\n");
    return lineEnds(chance(35) ? asTemplate(out.toString()) : out.toString());
  }

  /**
   * The same drill built from a template of itself: its title from the template's parameters,
   * its owner given again by the drill (the drill's wins), so expansion and merging are fuzzed.
   */
  private String asTemplate(String drill) {
    int open = drill.indexOf('{');
    String name = drill.substring("drill ".length(), open).trim();
    String items = drill.substring(open + 1);
    String body = items.replaceFirst("(?m)^  title .*$", "  title \"\\${p}: \\${q}\"");
    return "template " + name + "-base(p, q = " + quoted() + ") {" + body
        + "\ndrill " + name + " from " + name + "-base(p = " + quoted() + ") {\n  owner " + quoted() + "\n}\n";
  }

  private String validProbe() {
    switch (random.nextInt(5)) {
      case 0: return "http GET \"http://${host}:8080/" + word() + "\" expect status != 200 every 10s";
      case 1: return "command " + command() + " expect exit != 0";
      case 2: return "prometheus alert \"" + word() + "\" at \"http://prometheus:9090\"";
      case 3: return "log \"/var/log/app.log\" matches \"" + word() + "\"";
      default: return "manual " + quoted();
    }
  }

  /** A command with hostile literal text, a param, and sometimes another. */
  private String command() {
    return "\"echo " + escaped(raw()) + " ${host}" + (chance(30) ? " ${note}" : "") + "\"";
  }

  /** A string literal holding hostile text, escaped so it stays one string of literal text. */
  private String quoted() {
    return "\"" + escaped(raw()) + "\"";
  }

  /** Text as a "..." string holds it literally: backslashes, quotes and '${' escaped. */
  private static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${");
  }

  /** Text as a \"\"\" block holds it literally: '${' written '$${', and no closing delimiter inside. */
  private static String block(String text) {
    return text.replace("${", "$${").replace("\"\"\"", "\"\"");
  }

  /** Hostile text on one line. */
  private String raw() {
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      String piece = chance(50) ? pick(NAMES) + " " + pick(KEYWORDS) : pick(NASTY);
      out.append(piece.replace("\r", " ").replace("\u2028", " ").replace("\n", " ")).append(chance(50) ? " " : "");
    }
    return out.toString();
  }

  private String word() {
    return pick(NAMES).replaceAll("[^a-z-]", "");
  }

  /** An input: the bytes of a .drill file (not always UTF-8: mutations work on bytes). */
  record Input(int index, String kind, byte[] bytes) {}

  static byte[] utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  // ---- generated drills ----

  String generated() {
    StringBuilder out = new StringBuilder();
    if (chance(10)) {
      out.append("# ").append(text()).append('\n');
    }
    out.append("drill ").append(chance(10) ? pick(NAMES) : "fuzz-" + random.nextInt(1000)).append(" {\n");
    line(out, "title " + string());
    if (chance(80)) {
      line(out, "owner " + string());
    }
    if (chance(50)) {
      line(out, "kind " + pick(new String[] {"technical", "security", "ics", "tehcnical"}));
    }
    if (chance(40)) {
      line(out, "summary \"\"\"\n    " + text() + "\n    " + text() + "\n  \"\"\"");
    }
    if (chance(30)) {
      line(out, "tags " + string() + ", " + string());
    }
    if (chance(30)) {
      line(out, "environment " + pick(new String[] {"staging", "production", "Staging", "qa"}));
    }
    for (String attribute : new String[] {"timebox", "cadence", "rerun"}) {
      if (chance(40)) {
        line(out, attribute + " " + pick(DURATIONS));
      }
    }
    if (chance(30)) {
      line(out, "guide " + pick(new String[] {"\"guides/fuzz.md\"", "\"../../etc/x.md\"", "\"/abs.md\"",
          "\"g\u0000.md\"", "\"x.txt\"", string()}));
    }
    int params = random.nextInt(4);
    for (int i = 0; i < params; i++) {
      line(out, "param " + pick(NAMES) + (chance(80) ? " = " + string() : "")
          + (chance(20) ? " matches " + pick(new String[] {"\"^[a-z0-9.-]+$\"", "\"[\"", "\"${x}\""}) : ""));
    }
    if (chance(30)) {
      line(out, "secret token = env " + pick(new String[] {"\"ME_TOKEN\"", "\"bad name\"", "\"\""}));
    }
    if (chance(70)) {
      line(out, "roles {\n    operator " + string() + "\n    commander " + string() + "\n  }");
    }
    if (chance(40)) {
      line(out, "setup { " + action() + " }");
    }
    if (chance(30)) {
      line(out, "teardown { " + action() + " }");
    }
    if (chance(40)) {
      line(out, "steady {\n    check " + pick(NAMES) + " " + string() + " { " + probe() + options() + " }\n  }");
    }
    if (chance(80)) {
      line(out, "inject " + pick(NAMES) + " " + string() + " {\n    " + action() + "\n    undo " + string() + "\n  }");
    }
    if (chance(80)) {
      StringBuilder signals = new StringBuilder();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        signals.append("    signal ").append(pick(NAMES)).append(' ').append(string()).append(" { ")
            .append(probe()).append(options()).append(" }\n");
      }
      line(out, "detect " + pick(new String[] {"all ", "any ", ""}) + "within " + pick(DURATIONS) + " {\n"
          + signals + "  }");
    }
    if (chance(80)) {
      StringBuilder steps = new StringBuilder();
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        steps.append("    step ").append(pick(NAMES)).append(' ').append(string())
            .append(chance(50) ? " by " + pick(NAMES) : "")
            .append(chance(40) ? " within " + pick(DURATIONS) : "")
            .append(chance(30) ? " after " + pick(NAMES) : "")
            .append(" {\n      ").append(action()).append('\n')
            .append(chance(40) ? "      verify { " + probe() + options() + " } within " + pick(DURATIONS) + "\n" : "")
            .append("    }\n");
      }
      line(out, "recover" + (chance(60) ? " within " + pick(DURATIONS) : "") + " {\n" + steps + "  }");
    }
    if (chance(30)) {
      line(out, "comms {\n    update " + string() + " every " + pick(DURATIONS) + " by " + pick(NAMES)
          + "\n    notify " + string() + " within " + pick(DURATIONS) + " by " + pick(NAMES) + "\n  }");
    }
    if (chance(30)) {
      line(out, "abort when {\n    " + probe() + " for " + pick(DURATIONS) + "\n  }");
    }
    if (chance(40)) {
      line(out, "debrief {\n    ask " + string() + "\n    ask " + string() + "\n  }");
    }
    out.append("}\n");
    return lineEnds(out.toString());
  }

  private String probe() {
    return String.format(pick(PROBES), text(), text());
  }

  private String action() {
    String action = pick(ACTIONS);
    return action.startsWith("wait") ? "wait " + pick(DURATIONS) : String.format(action, text(), text());
  }

  private String options() {
    StringBuilder out = new StringBuilder();
    if (chance(40)) {
      out.append(" every ").append(pick(DURATIONS));
    }
    if (chance(20)) {
      out.append(" timeout ").append(pick(DURATIONS));
    }
    if (chance(10)) {
      out.append(" for ").append(pick(DURATIONS));
    }
    return out.toString();
  }

  private void line(StringBuilder out, String item) {
    out.append("  ").append(item).append('\n');
  }

  /** A string literal whose content is ordinary, hostile, or both. */
  private String string() {
    return "\"" + text() + "\"";
  }

  /** Content for a string: words and nasty pieces, escaped so the literal stays one string most of the time. */
  private String text() {
    StringBuilder out = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      String piece = chance(60) ? pick(NAMES) + " " + pick(KEYWORDS) : pick(NASTY);
      if (chance(90)) {
        piece = piece.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
      }
      out.append(piece).append(chance(50) ? " " : "");
    }
    return out.toString();
  }

  // ---- token soup ----

  String tokenSoup() {
    StringBuilder out = new StringBuilder();
    int tokens = 1 + random.nextInt(120);
    for (int i = 0; i < tokens; i++) {
      switch (random.nextInt(7)) {
        case 0, 1 -> out.append(pick(KEYWORDS));
        case 2 -> out.append(pick(PUNCTUATION));
        case 3 -> out.append(string());
        case 4 -> out.append(pick(DURATIONS));
        case 5 -> out.append(pick(NAMES));
        default -> out.append(pick(NASTY));
      }
      out.append(pick(new String[] {" ", " ", "\n", "\r\n", "\r", "\t", "", "  # comment\n", " // x\n"}));
    }
    return out.toString();
  }

  /** Line breaks as written on another system now and then: CRLF, or old Mac CR alone. */
  private String lineEnds(String text) {
    int pick = random.nextInt(10);
    return pick == 0 ? text.replace("\n", "\r\n") : pick == 1 ? text.replace("\n", "\r") : text;
  }

  // ---- helpers ----

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

}
