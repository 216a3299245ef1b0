package dev.drill.compiler.diagnostic;

/**
 * Every diagnostic the compiler can report, with a stable code. docs/diagnostics.md
 * explains each one with an example; a test holds that list against this one.
 */
public enum Code {
  // Reading and syntax.
  D001("unexpected character", Severity.ERROR),
  D002("unterminated string", Severity.ERROR),
  D003("unterminated \"\"\" block", Severity.ERROR),
  D004("invalid escape sequence", Severity.ERROR),
  D005("invalid duration", Severity.ERROR),
  D006("syntax error", Severity.ERROR),
  D007("invalid interpolation", Severity.ERROR),
  D008("file is not UTF-8 text", Severity.ERROR),
  D009("file has no drill", Severity.ERROR),
  D010("more than one drill in a file", Severity.ERROR),
  D011("file too large", Severity.ERROR),
  D012("too many errors", Severity.ERROR),
  D013("control character in text", Severity.ERROR),

  // Structure of a drill.
  D101("duplicate attribute or clause", Severity.ERROR),
  D102("missing attribute", Severity.ERROR),
  D103("unknown kind", Severity.ERROR),
  D104("name is not kebab-case", Severity.ERROR),
  D105("duplicate block", Severity.ERROR),
  D106("zero duration", Severity.ERROR),
  D107("technical drill without detect", Severity.ERROR),
  D108("technical drill without recover", Severity.ERROR),
  D109("empty block", Severity.ERROR),
  D110("technical drill without inject", Severity.WARNING),
  D111("experiment drill with responder phases", Severity.ERROR),
  D112("manual action in a background step", Severity.ERROR),

  // Names and references.
  D201("duplicate id", Severity.ERROR),
  D202("unknown role", Severity.ERROR),
  D203("unknown step", Severity.ERROR),
  D204("unknown param", Severity.ERROR),
  D205("cycle of 'after' references", Severity.ERROR),
  D206("duplicate declaration", Severity.ERROR),
  D207("drill id declared by two files", Severity.ERROR),

  // Budgets and time.
  D301("step budget larger than its phase budget", Severity.ERROR),
  D302("phase budget larger than the timebox", Severity.ERROR),
  D303("verify budget larger than its step budget", Severity.ERROR),
  D304("phase budgets add up to more than the timebox", Severity.WARNING),
  D305("polling interval not shorter than the budget", Severity.WARNING),
  D306("hold duration longer than the budget", Severity.ERROR),
  D307("duration longer than the maximum", Severity.ERROR),
  D308("probe polled faster than the minimum", Severity.ERROR),

  // Params and secrets.
  D401("secret used where it would be printed", Severity.ERROR),
  D402("unused param", Severity.WARNING),
  D403("unused secret", Severity.WARNING),
  D404("invalid environment variable name", Severity.ERROR),
  D405("default does not match its pattern", Severity.ERROR),
  D406("default starting with '-' without a pattern", Severity.ERROR),
  D407("default refused where another shell parses it again", Severity.ERROR),

  // Values.
  D501("invalid HTTP method", Severity.ERROR),
  D502("invalid HTTP status", Severity.ERROR),
  D503("invalid regular expression", Severity.ERROR),
  D504("invalid URL", Severity.ERROR),
  D505("invalid exit status", Severity.ERROR),
  D506("invalid guide path", Severity.ERROR),
  D507("invalid HTTP header", Severity.ERROR),
  D508("empty range", Severity.ERROR),
  D509("invalid JSON path", Severity.ERROR),
  D510("invalid JSON value", Severity.ERROR),
  D511("invalid count", Severity.ERROR),

  // Recovery guides held against their drills (drill check).
  D601("guide missing", Severity.ERROR),
  D602("not a guide of this drill", Severity.ERROR),
  D603("guide generated from an older version of the drill", Severity.ERROR),
  D604("step without a section in the guide", Severity.ERROR),
  D605("section for a step the drill does not have", Severity.ERROR),
  D606("step sections out of order", Severity.ERROR),
  D607("command differs from the drill", Severity.ERROR),
  D608("signal not documented as in the drill", Severity.ERROR),
  D609("verification not documented as in the drill", Severity.ERROR),
  D610("broken generated-part markers", Severity.ERROR),

  // Practice freshness, from run results (drill check).
  D701("never practiced", Severity.WARNING),
  D702("procedure changed since last practiced", Severity.WARNING),
  D703("practice overdue", Severity.ERROR),
  D704("failed drill not re-run in time", Severity.ERROR),
  D705("unreadable run result", Severity.ERROR),
  D706("action item overdue", Severity.WARNING),
  D707("action item without owner or due date", Severity.WARNING),
  D708("unreadable action item", Severity.WARNING),

  // The library: imports and templates.
  D801("imported file not found", Severity.ERROR),
  D802("import outside the project", Severity.ERROR),
  D803("cycle of imports", Severity.ERROR),
  D804("drill in an imported file", Severity.ERROR),
  D805("invalid import path", Severity.ERROR),
  D806("import after a template or drill", Severity.ERROR),
  D807("unknown template", Severity.ERROR),
  D808("missing template argument", Severity.ERROR),
  D809("unknown template argument", Severity.ERROR),
  D810("duplicate template parameter or argument", Severity.ERROR),
  D811("cycle of templates", Severity.ERROR),
  D812("template parameter shadows a param", Severity.ERROR),
  D813("duplicate template", Severity.ERROR),
  D814("imported file has errors", Severity.ERROR),

  // Chaos Toolkit experiments, read by drill import ctk and written by drill export ctk.
  D901("malformed experiment file", Severity.ERROR),
  D902("not a Chaos Toolkit 1.0 experiment", Severity.ERROR),
  D903("missing experiment property", Severity.ERROR),
  D904("invalid experiment value", Severity.ERROR),
  D905("unknown tolerance type", Severity.ERROR),
  D906("unknown activity reference", Severity.ERROR),
  D907("invalid tolerance", Severity.ERROR),
  D951("not executable by drill", Severity.WARNING),
  D952("approximated by drill", Severity.WARNING),
  D953("not expressible in Chaos Toolkit", Severity.WARNING);

  private final String title;
  private final Severity severity;

  Code(String title, Severity severity) {
    this.title = title;
    this.severity = severity;
  }

  /** A short name of the rule, as in docs/diagnostics.md. */
  public String title() {
    return title;
  }

  public Severity severity() {
    return severity;
  }
}
