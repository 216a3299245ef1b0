package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.DrillItem;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.plan.shell.ShellScript;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A param's default against what the drill says about values: its pattern (D405), the
 * leading '-' a command would read as an option (D406), and the strict check wherever
 * another shell parses it again (D407). The run applies the same rules to every value.
 */
final class ParamDefaultRules {

  private static final int SHOWN = 60;

  private ParamDefaultRules() {}

  static void run(DrillParts parts, List<Diagnostic> out) {
    Map<String, DrillItem.ParamDecl> checked = new HashMap<>();
    for (DrillItem.ParamDecl param : parts.params) {
      if (param.defaultValue().isEmpty() || !param.defaultValue().get().references().isEmpty()) {
        continue;
      }
      Text value = param.defaultValue().get();
      String name = param.name().value();
      if (param.pattern().isPresent()) {
        if (!matches(param.pattern().get(), value.literal())) {
          out.add(Diagnostic.of(Code.D405, value.span(),
              "default '" + value.literal() + "' of param '" + name + "' does not match its pattern \""
                  + param.pattern().get().literal() + "\"",
              "a pattern must match the whole value: change the default or the pattern")
              .withRelated(param.pattern().get().span(), "the pattern"));
          continue;
        }
      } else if (value.literal().startsWith("-")) {
        out.add(Diagnostic.of(Code.D406, value.span(),
            "default '" + value.literal() + "' of param '" + name + "' starts with '-', which a command could read"
                + " as an option",
            "if the param may hold that, declare what it may hold: param " + name + " = \"" + value.literal()
                + "\" matches \"" + suggestedPattern(value.literal()) + "\""));
        continue;
      }
      checked.putIfAbsent(name, param);
    }
    if (!checked.isEmpty()) {
      reparsed(checked, parts.referringTexts, out);
    }
  }

  /**
   * A pattern for values shaped like the default ('-', then the kinds of characters it
   * holds), written as the text of a drill string.
   */
  static String suggestedPattern(String value) {
    String rest = value.substring(1);
    StringBuilder kinds = new StringBuilder();
    if (rest.chars().anyMatch(c -> c >= 'a' && c <= 'z')) kinds.append("a-z");
    if (rest.chars().anyMatch(c -> c >= 'A' && c <= 'Z')) kinds.append("A-Z");
    if (rest.chars().anyMatch(c -> c >= '0' && c <= '9')) kinds.append("0-9");
    rest.codePoints().filter(c -> !Character.isLetterOrDigit(c) || c > 127).filter(c -> c != '-').distinct()
        .forEach(c -> kinds.append("]\\^[&".indexOf(c) >= 0 ? "\\" : "").appendCodePoint(c));
    if (rest.indexOf('-') >= 0) kinds.append('-');
    String regex = kinds.length() == 0 ? "^-$" : "^-[" + kinds + "]+$";
    return regex.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** An invalid pattern is D503's; here it matches nothing and says nothing. */
  private static boolean matches(Text pattern, String value) {
    if (!pattern.references().isEmpty()) {
      return true;
    }
    try {
      return Pattern.compile(pattern.literal()).matcher(value).matches();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }

  private static void reparsed(Map<String, DrillItem.ParamDecl> params, List<TextUse> texts, List<Diagnostic> out) {
    Set<String> reported = new HashSet<>();
    Set<String> loose = new HashSet<>();
    params.forEach((name, p) -> {
      if (!ShellScript.isStrict(p.defaultValue().get().literal())) {
        loose.add(name);
      }
    });
    for (TextUse use : texts) {
      Text command = use.text();
      // Reading a command costs: only one where a default could be refused is read.
      if (use.usage() != TextUse.Usage.COMMAND || !mayRefuse(command, params, loose)) {
        continue;
      }
      ShellScript script = ShellScript.parse(command.template());
      Map<String, String> defaults = new HashMap<>();
      params.forEach((name, p) -> defaults.put(name, p.defaultValue().get().literal()));
      List<Text.Reference> references = command.references();
      for (ShellScript.Refusal refusal : script.refusals(defaults::get)) {
        Text.Reference at = references.get(refusal.index());
        if (!reported.add(refusal.name() + "\n" + refusal.place() + "\n" + command.span())) {
          continue;
        }
        Text value = params.get(refusal.name()).defaultValue().get();
        String hint = refusal.place().startsWith("the script of ")
            ? "pass it as an argument instead, e.g. " + ShellScript.argumentIdiom(refusal.name())
            : ShellScript.isStrict(value.literal())
                ? "end the here-document with a word no value will be, such as <<'END_OF_DRILL_TEXT'"
                : "use a default of only " + ShellScript.STRICT_CHARACTERS + ", or pass the value another way";
        out.add(Diagnostic.of(Code.D407, value.span(),
            "default '" + value.literal() + "' of param '" + refusal.name() + "' goes into " + refusal.place()
                + " in '" + shown(command.literal()) + "', which another shell parses again, and "
                + refusal.reason(),
            hint)
            .withRelated(at.span(), "used here"));
      }
    }
  }

  /** Whether the command uses a loose default, or any default within a here-document. */
  private static boolean mayRefuse(Text command, Map<String, DrillItem.ParamDecl> params, Set<String> loose) {
    boolean usesParam = false;
    for (Text.Part part : command.parts()) {
      if (part instanceof Text.Reference reference) {
        if (loose.contains(reference.name())) {
          return true;
        }
        usesParam |= params.containsKey(reference.name());
      }
    }
    return usesParam && command.literal().contains("<<");
  }

  private static String shown(String command) {
    String line = command.replace("\n", "\\n");
    return line.length() <= SHOWN ? line : line.substring(0, SHOWN - 3) + "...";
  }
}
