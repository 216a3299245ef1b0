package dev.drill.compiler.semantic;

import dev.drill.compiler.ast.Name;
import dev.drill.compiler.ast.Text;
import dev.drill.compiler.diagnostic.Code;
import dev.drill.compiler.diagnostic.Diagnostic;
import dev.drill.compiler.diagnostic.NearMiss;
import dev.drill.plan.PlanValidator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Params and secrets: a secret goes only where it is not printed, plain texts (defaults,
 * variable names, the guide path) refer to nothing, and everything declared is used.
 */
final class SecretRules {

  private SecretRules() {}

  static void run(DrillParts parts, Declarations declared, List<Diagnostic> out) {
    Set<String> used = new HashSet<>();
    for (TextUse use : parts.referringTexts) {
      for (Text.Part part : use.text().parts()) {
        if (!(part instanceof Text.Reference ref)) {
          continue;
        }
        if (use.usage().plain()) {
          out.add(Diagnostic.of(Code.D007, ref.span(),
              use.usage().description() + " is plain text and cannot refer to '${" + ref.name() + "}'",
              "write the value itself"));
          continue;
        }
        used.add(ref.name());
        // A misspelt reference is reported with a did-you-mean (D204); the name it meant is not unused.
        if (!declared.params.containsKey(ref.name()) && !declared.secrets.containsKey(ref.name())) {
          Set<String> known = new HashSet<>(declared.params.keySet());
          known.addAll(declared.secrets.keySet());
          NearMiss.suggest(ref.name(), known).ifPresent(used::add);
        }
        if (declared.secrets.containsKey(ref.name()) && use.usage().printed()) {
          out.add(Diagnostic.of(Code.D401, ref.span(),
              "secret '" + ref.name() + "' would be printed in " + use.usage().description(),
              "secrets may be used only in run commands, command probes, http header values and bodies")
              .withRelated(declared.secrets.get(ref.name()).span(), "declared as a secret here"));
        }
      }
    }
    unused(declared.params, used, "param", Code.D402, out);
    unused(declared.secrets, used, "secret", Code.D403, out);
    parts.secrets.forEach(secret -> environmentVariable(secret.env(), out));
    parts.params.forEach(param -> param.env().ifPresent(env -> environmentVariable(env, out)));
  }

  private static void environmentVariable(Text variable, List<Diagnostic> out) {
    String env = variable.literal();
    if (variable.references().isEmpty() && !PlanValidator.isEnvironmentVariable(env)) {
      out.add(Diagnostic.of(Code.D404, variable.span(),
          "'" + env + "' is not an environment variable name",
          "use letters, digits and '_', such as "
              + env.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]+", "_")
                  .replaceAll("^([0-9])", "_$1")));
    }
  }

  private static void unused(Map<String, Name> declared, Set<String> used, String what, Code code,
      List<Diagnostic> out) {
    declared.forEach((name, decl) -> {
      if (!used.contains(name)) {
        out.add(Diagnostic.of(code, decl.span(), what + " '" + name + "' is never used",
            "use it as ${" + name + "} or remove it"));
      }
    });
  }
}
