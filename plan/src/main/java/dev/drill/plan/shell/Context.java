package dev.drill.plan.shell;

/** Where a reference stands for the shell, which decides how it is written into the script. */
enum Context {
  /** A plain word: quoted as {@code "${DRILL_X}"} so it is neither split nor globbed. */
  UNQUOTED,
  DOUBLE_QUOTED,
  /** Single quotes are closed around it: {@code '"${DRILL_X}"'}. */
  SINGLE_QUOTED,
  /** The body of {@code <<EOF}, where expansions happen but quotes are plain characters. */
  HEREDOC,
  /** The body of {@code <<'EOF'}: nothing is expanded, so only the value itself can stand there. */
  QUOTED_HEREDOC,
  ARITHMETIC,
  COMMENT
}
