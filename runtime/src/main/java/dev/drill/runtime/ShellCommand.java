package dev.drill.runtime;

import dev.drill.plan.Template;

/**
 * A {@code run} command as the shell will see it: every {@code ${name}} becomes a reference
 * to the environment variable holding the value, quoted for where it stands, so a value
 * is always data and never code, whatever characters it holds ({@code ; rm -rf /},
 * {@code $(...)}, quotes, newlines).
 */
public final class ShellCommand {

  private ShellCommand() {}

  private enum Quote { NONE, SINGLE, DOUBLE }

  /** The script for {@code sh -c}; values come from {@link Bindings#environment()}. */
  public static String script(String template) {
    StringBuilder out = new StringBuilder();
    Quote quote = Quote.NONE;
    for (Template.Part part : Template.parse(template)) {
      if (part instanceof Template.Literal) {
        String text = ((Template.Literal) part).text();
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          out.append(c);
          if (c == '\\' && quote != Quote.SINGLE && i + 1 < text.length()) {
            out.append(text.charAt(++i));
          } else if (c == '\'' && quote != Quote.DOUBLE) {
            quote = quote == Quote.SINGLE ? Quote.NONE : Quote.SINGLE;
          } else if (c == '"' && quote != Quote.SINGLE) {
            quote = quote == Quote.DOUBLE ? Quote.NONE : Quote.DOUBLE;
          }
        }
      } else {
        String variable = "${" + Bindings.variable(((Template.Reference) part).name()) + "}";
        switch (quote) {
          case DOUBLE: out.append(variable); break;
          case SINGLE: out.append("'\"").append(variable).append("\"'"); break;
          default: out.append('"').append(variable).append('"');
        }
      }
    }
    return out.toString();
  }
}
