package dev.drill.compiler;

/** A valid drill of at least the given size: a long recovery procedure of realistic steps. */
final class LargeDrill {

  private LargeDrill() {}

  static String of(int minimumChars) {
    StringBuilder text = new StringBuilder(minimumChars + 4096);
    text.append("drill large-library {\n")
        .append("  title \"A very long procedure\"\n")
        .append("  owner \"platform\"\n")
        .append("  param host = \"app.staging.internal\"\n")
        .append("  roles {\n    operator \"Runs the steps\"\n  }\n")
        .append("  inject stop { run \"ssh ${host} sudo systemctl stop app\" undo \"ssh ${host} sudo systemctl start app\" }\n")
        .append("  detect any within 5m {\n")
        .append("    signal down \"Health check fails\" { http GET \"http://${host}:8080/health\" expect status != 200 every 10s }\n")
        .append("  }\n")
        .append("  recover {\n");
    int step = 0;
    String previous = null;
    while (text.length() < minimumChars) {
      String id = "step-" + step++;
      text.append("    step ").append(id).append(" \"Bring part ").append(step).append(" back\" by operator");
      if (previous != null) {
        text.append(" after ").append(previous);
      }
      text.append(" {\n")
          .append("      run \"\"\"\n        ssh ${host} sudo systemctl restart app-part-").append(step)
          .append("\n        ssh ${host} app-admin warm-cache --part ").append(step).append("\n      \"\"\"\n")
          .append("      verify { http GET \"http://${host}:8080/parts/").append(step)
          .append("\" expect status 200 } within 1m\n")
          .append("    }\n");
      previous = id;
    }
    text.append("  }\n}\n");
    return text.toString();
  }
}
