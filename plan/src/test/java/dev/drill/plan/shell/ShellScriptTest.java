package dev.drill.plan.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A command in, script and re-parsed places out: every context the reader knows. */
class ShellScriptTest {

  private static String script(String template) {
    return ShellScript.parse(template).script(name -> "<" + name + ">");
  }

  /** Each reference as {@code name: place}, or {@code name: -} when no other shell parses it. */
  private static String places(String template) {
    return ShellScript.parse(template).uses().stream()
        .map(u -> u.name() + ": " + u.reparsedIn().orElse("-"))
        .collect(Collectors.joining(", "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
      printf %s ${v}                        | printf %s "${DRILL_V}"
      printf %s x${v}y                      | printf %s x"${DRILL_V}"y
      printf %s "a ${v} b"                  | printf %s "a ${DRILL_V} b"
      printf %s 'a ${v} b'                  | printf %s 'a '"${DRILL_V}"' b'
      printf %s \\'${v}                     | printf %s \\'"${DRILL_V}"
      printf %s "it's ${v}"                 | printf %s "it's ${DRILL_V}"
      printf %s 'say "${v}"'                | printf %s 'say "'"${DRILL_V}"'"'
      printf %s $(echo ${v})                | printf %s $(echo "${DRILL_V}")
      printf %s "$(echo ${v})"              | printf %s "$(echo "${DRILL_V}")"
      printf %s "$(echo "${v}")"            | printf %s "$(echo "${DRILL_V}")"
      printf %s "$(echo '${v}')"            | printf %s "$(echo ''"${DRILL_V}"'')"
      printf %s "$(echo "$(echo ${v})")"    | printf %s "$(echo "$(echo "${DRILL_V}")")"
      printf %s `echo ${v}`                 | printf %s `echo "${DRILL_V}"`
      printf %s "`echo ${v}`"               | printf %s "`echo "${DRILL_V}"`"
      printf %s "`echo \\"${v}\\"`"           | printf %s "`echo \\"${DRILL_V}\\"`"
      printf %s `echo \\"${v}\\"`             | printf %s `echo \\""${DRILL_V}"\\"`
      printf %s `echo \\`echo ${v}\\``        | printf %s `echo \\`echo "${DRILL_V}"\\``
      printf %s $${UNSET:-${v}}             | printf %s ${UNSET:-"${DRILL_V}"}
      printf %s "$${UNSET:-${v}}"           | printf %s "${UNSET:-${DRILL_V}}"
      printf %s "$${UNSET:-'${v}'}"         | printf %s "${UNSET:-'${DRILL_V}'}"
      printf %s $${UNSET:-'${v}'}           | printf %s ${UNSET:-''"${DRILL_V}"''}
      echo $((${n} + 1))                    | echo $((${DRILL_N} + 1))
      true # it's ${v}                      | true # it's "${DRILL_V}"
      echo a#${v}                           | echo a#"${DRILL_V}"
      echo $$${v} "$$${v}" '$$${v}'         | echo $"${DRILL_V}" "$""${DRILL_V}" '$'"${DRILL_V}"''
      echo \\${v} "\\${v}"                  | echo "${DRILL_V}" "${DRILL_V}"
      echo $${HOME} ${v}                    | echo ${HOME} "${DRILL_V}"
      X=${v} env                            | X="${DRILL_V}" env
      cat < ${v} > "${v}.out"               | cat < "${DRILL_V}" > "${DRILL_V}.out"
      ssh ${host-name} true                 | ssh "${DRILL_HOST_NAME}" true
      """)
  void eachReferenceIsQuotedForWhereItStands(String template, String expected) {
    assertEquals(expected, script(template));
  }

  @Test
  void aCommentWithAQuoteDoesNotOpenAString() {
    assertEquals("true # it's\nprintf %s \"${DRILL_V}\"", script("true # it's\nprintf %s ${v}"));
    assertEquals("echo \"$(echo x # it's\n)\" \"${DRILL_V}\"", script("echo \"$(echo x # it's\n)\" ${v}"));
  }

  @Test
  void hereDocuments() {
    assertEquals("cat > f <<EOF\n${DRILL_V} and \"${DRILL_V}\"\nEOF\necho \"${DRILL_V}\"",
        script("cat > f <<EOF\n${v} and \"${v}\"\nEOF\necho ${v}"));
    assertEquals("cat <<-EOF\n\t${DRILL_V}\n\tEOF\necho \"${DRILL_V}\"", script("cat <<-EOF\n\t${v}\n\tEOF\necho ${v}"));
    assertEquals("cat <<'EOF'\n<v> $HOME\nEOF\necho \"${DRILL_V}\"", script("cat <<'EOF'\n${v} $HOME\nEOF\necho ${v}"));
    assertEquals("cat <<\"EOF\"\n<v>\nEOF", script("cat <<\"EOF\"\n${v}\nEOF"));
    assertEquals("cat <<\\EOF\n<v>\nEOF", script("cat <<\\EOF\n${v}\nEOF"));
    assertEquals("cat <<A <<'B'\n${DRILL_V}\nA\n<v>\nB\necho \"${DRILL_V}\"",
        script("cat <<A <<'B'\n${v}\nA\n${v}\nB\necho ${v}"), "two on one line, bodies in order");
    assertEquals("cat <<EOF\n\\$${DRILL_V}\nEOF", script("cat <<EOF\n$$${v}\nEOF"), "a literal '$' before it");
    assertEquals("x=$(cat <<EOF\n${DRILL_V}\nEOF\n)", script("x=$(cat <<EOF\n${v}\nEOF\n)"));
    assertEquals("x=`cat <<EOF\n${DRILL_V}\nEOF\n`", script("x=`cat <<EOF\n${v}\nEOF\n`"));
    assertEquals("cat <<EOF\n$(echo \"${DRILL_V}\") `echo \"${DRILL_V}\"`\nEOF",
        script("cat <<EOF\n$(echo ${v}) `echo ${v}`\nEOF"), "substitutions in a body");
  }

  @Test
  void whereAnotherShellParsesTheTextAgain() {
    assertEquals("p: the script of 'sh -c'", places("sh -c \"echo ${p}\""));
    assertEquals("p: the script of 'bash -c'", places("bash -c 'echo ${p}'"));
    assertEquals("p: the script of 'bash -c'", places("bash -ec \"echo ${p}\""));
    assertEquals("p: the script of 'sh -c'", places("sh -e -c \"echo ${p}\""));
    assertEquals("p: the script of 'bash -c'", places("bash -o pipefail -c \"echo ${p}\""));
    assertEquals("p: the script of 'sh -c'", places("sudo -u app sh -c \"echo ${p}\""));
    assertEquals("p: the script of 'sh -c'", places("kubectl exec pod -- sh -c \"echo ${p}\""));
    assertEquals("p: the script of 'bash -c'", places("docker exec c bash -c \"echo ${p}\""));
    assertEquals("p: the script of 'sh -c'", places("env X=1 /bin/sh -c \"echo ${p}\""));
    assertEquals("p: the script of 'sh -c'", places("sh -c \"echo $(echo ${p})\""));
    assertEquals("p: -", places("sh -c 'echo \"$1\"' _ ${p}"), "an argument after the script is data");
    assertEquals("p: -", places("sh script.sh ${p}"));
    assertEquals("p: the string of 'env -S'", places("env -S \"tool --flag ${p}\""));
    assertEquals("p: -", places("env X=${p} tool"));
    assertEquals("host: -, p: the remote command of 'ssh'", places("autossh ${host} tail -f ${p}"));
    assertEquals("host: -, a: the remote command of 'ssh', b: the remote command of 'ssh'",
        places("ssh ${host} sudo systemctl restart ${a} \"${b}\""));
    assertEquals("host: -, a: the remote command of 'ssh'",
        places("ssh -p 2222 -i key -o StrictHostKeyChecking=no -tt ${host} echo ${a}"));
    assertEquals("o: an option of 'ssh', host: -", places("ssh -o ${o} ${host} true"));
    assertEquals("p: 'eval'", places("eval \"echo ${p}\""));
    assertEquals("p: the action of 'trap'", places("trap 'rm -f ${p}' EXIT"));
    assertEquals("p: 'watch'", places("watch -n 1 ls ${p}"));
    assertEquals("p: the command of 'su -c'", places("su - app -c \"id ${p}\""));
    assertEquals("p: the command of 'runuser -c'", places("runuser -u app -c \"id ${p}\""));
    assertEquals("p: the command of 'script -c'", places("script -qc \"id ${p}\" /dev/null"));
    assertEquals("n: an arithmetic expression", places("echo $((${n} + 1))"));
    assertEquals("p: an arithmetic expression", places("echo $(( $(echo ${p}) + 1 ))"));
    assertEquals("p: a quoted here-document", places("cat > f <<'EOF'\n${p}\nEOF"));
    assertEquals("p: the program of 'python3 -c'", places("python3 -c \"print('${p}')\""));
    assertEquals("p: the program of 'awk'", places("awk \"/${p}/\" log"));
  }

  /** An option glued to a value ("-${o}") may be the flag that runs the next word: everything from it is code. */
  @Test
  void anOptionGluedToAValueMakesTheRestCode() {
    assertEquals("o: the command of 'su -c', p: the command of 'su -c'", places("su -${o} \"id ${p}\""));
    assertEquals("o: the command of 'runuser -c', p: the command of 'runuser -c'",
        places("runuser -u app -${o} \"id ${p}\""));
    assertEquals("o: the program of 'python3', p: the program of 'python3'", places("python3 -${o} \"${p}\""));
    assertEquals("o: the program of 'perl', p: the program of 'perl'", places("perl -${o} \"${p}\""));
    assertEquals("o: the program of 'gawk', p: the program of 'gawk'", places("gawk -${o} \"${p}\" log"));
  }

  @Test
  void programTextGivenInEveryFormIsCode() {
    assertEquals("p: the program of 'node --eval'", places("node --eval=\"${p}\""));
    assertEquals("p: the program of 'nodejs --print'", places("nodejs --print=${p}"));
    assertEquals("p: the program of 'gawk'", places("gawk --source=\"${p}\" log"));
    assertEquals("p: the program of 'gawk'", places("gawk -f lib.awk -e \"${p}\" log"));
    assertEquals("p: the program of 'gawk', f: -", places("gawk -e \"${p}\" ${f}"));
    assertEquals("f: -", places("gawk -f lib.awk -f more.awk ${f}"));
  }

  @Test
  void theOptionsOfEachProgramAreRead() {
    assertEquals("p: the string of 'env -S'", places("env --split-string=\"tool ${p}\""));
    assertEquals("p: the string of 'env -S'", places("env -i -S \"tool ${p}\""));
    assertEquals("x: -, p: -", places("env -i X=${x} tool ${p}"));
    assertEquals("p: the command of 'su -c'", places("su app --command \"id ${p}\""));
    assertEquals("p: the command of 'su -c'", places("su app --session-command=\"id ${p}\""));
    assertEquals("p: the program of 'perl -e', f: -", places("perl -ne \"print ${p}\" ${f}"));
    assertEquals("p: the program of 'node --print'", places("node --print \"${p}\""));
    assertEquals("p: the program of 'python3 -c'", places("python3 -c${p}"));
    assertEquals("p: -", places("python3 script.py ${p}"));
    assertEquals("p: -", places("awk -F, -v x=1 '{print}' ${p}"));
    assertEquals("p: -", places("awk -f prog.awk ${p}"));
    assertEquals("p: the program of 'awk'", places("awk -- \"/${p}/\" log"));
    assertEquals("host: -, p: the remote command of 'ssh'", places("ssh -- ${host} ${p}"));
    assertEquals("port: -, user: -, host: -", places("ssh -p ${port} -l ${user} ${host}"));
    assertEquals("o: the remote command of 'ssh', host: the remote command of 'ssh', p: the remote command of 'ssh'",
        places("ssh -${o} ${host} ${p}"), "an option drill cannot read: the rest may be the remote command");
    assertEquals("flags: the script of 'sh -c', p: the script of 'sh -c', q: the script of 'sh -c'",
        places("sh ${flags} -c \"echo ${p}\" ${q}"), "an option drill cannot read: the rest may be the script");
    assertEquals("p: the script of 'bash -c'", places("bash -o errexit -c \"echo ${p}\""));
    assertEquals("p: the script of 'sh -c'", places("sh -c -- \"echo ${p}\""));
    assertEquals("p: the action of 'trap'", places("trap -- \"rm ${p}\" EXIT"));
  }

  @Test
  void inputThatAShellRunsIsParsedAgain() {
    assertEquals("p: the input of 'sh'", places("echo ${p} | sh"));
    assertEquals("p: the input of 'bash'", places("printf '%s\\n' ${p} | tee log | bash -s"));
    assertEquals("p: the input of 'sh'", places("sh <<EOF\necho ${p}\nEOF"));
    assertEquals("host: -, p: the input of 'ssh'", places("ssh ${host} <<EOF\necho ${p}\nEOF"));
    assertEquals("p: the input of 'ssh', host: -", places("echo ${p} | ssh ${host}"));
    assertEquals("p: the input of 'ssh', host: -", places("echo ${p} | ssh ${host} sudo bash"));
    assertEquals("p: -, host: -", places("echo ${p} | ssh ${host} 'cat > /tmp/x'"));
    assertEquals("p: the input of 'ssh', host: -", places("echo ${p} | ssh ${host} 'bash -s'"),
        "the remote shell splits the joined words again");
    assertEquals("p: the input of 'sh'", places("echo ${p} | sh -c 'bash -s'"));
    assertEquals("p: -", places("echo ${p} | sh -c 'cat > /tmp/x.sh'"));
    assertEquals("p: the input of 'su'", places("echo ${p} | su app"));
    assertEquals("p: the input of 'xargs'", places("echo ${p} | xargs rm"));
    assertEquals("p: the input of 'sh'", places("cat <<EOF | sh\n${p}\nEOF"));
    assertEquals("p: the input of 'eval'", places("echo ${p} | while read l; do eval \"$l\"; done"));
    assertEquals("p: the input of 'sh'", places("echo ${p} | sh -c \"$(cat)\""));
    assertEquals("p: -", places("echo ${p} | grep x | sort"));
    assertEquals("p: -", places("cat <<EOF | grep x\n${p}\nEOF"));
    assertEquals("p: the input of 'python3'", places("echo ${p} | python3"));
    assertEquals("p: the input of 'python3'", places("echo ${p} | python3 -"));
    assertEquals("p: -", places("echo ${p} | python3 -c 'print(1)'"));
    assertEquals("p: the input of 'runuser'", places("echo ${p} | runuser -u app -c bash"));
    assertEquals("p: -", places("echo ${p} | runuser -u app -c id"));
    assertEquals("p: the input of 'script'", places("echo ${p} | script -q -c 'sh' /dev/null"));
    assertEquals("p: the input of 'sh'", places("echo ${p} | { sh; }"));
    assertEquals("p: the input of 'sh'", places("echo ${p} | (cat | sh)"));
    assertEquals("p: the input of '.'", places("echo ${p} | . /dev/stdin"));
    assertEquals("p: the input of 'sh'", places("echo ${p} | kubectl exec -i p -- sh"));
    assertEquals("p: the input of 'ssh', host: the remote command of 'ssh'", places("echo ${p} | ssh - ${host}"));
    assertEquals("p: -, host: -", places("echo ${p} | autossh ${host} tee x"));
    assertEquals("p: -", places("echo ${p} | sh script.sh"));
    assertEquals("p: the input of 'sh'", places("cat <<EOF | tee log | sh\n${p}\nEOF"));
  }

  @Test
  void ordinaryCommandsAreNotReparsed() {
    assertEquals("dir: -", places("kill $(cat ${dir}/pid)"));
    assertEquals("port: -, state: -", places("bin/start --port ${port} --state ${state}"));
    assertEquals("p: -", places("printf %s \"$(printf %s ${p})\""));
    assertEquals("p: -", places("true # it's\nprintf %s ${p}"));
    assertEquals("p: -", places("cat > f <<EOF\n${p}\nEOF"));
    assertEquals("a: -, b: -", places("x=$(case ${a} in a) echo ${b};; esac) && echo \"$x\""));
    assertEquals("a: -", places("if true; then echo ${a}; elif false; then :; else :; fi"));
    assertEquals("a: -", places("for h in ${a}; do echo \"$h\"; done"));
    assertEquals("a: -", places("while false; do :; done; { echo ${a}; } > out 2>&1"));
  }

  @Test
  void textDrillCannotFollowIsTakenAsReparsedFromWhereItBreaks() {
    assertEquals("a: -, b: the text after an unterminated '...'", places("echo ${a} 'unterminated ${b}"));
    assertEquals("a: -, b: the text after an unterminated \"...\"", places("echo ${a} \"unterminated ${b}"));
    assertEquals("a: -, b: the text after an unterminated $(...)", places("echo ${a} $(echo ${b}"));
    assertEquals("a: -, b: the text after an unterminated `...`", places("echo ${a} `echo ${b}"));
    assertEquals("a: -, b: the text after an unterminated here-document", places("echo ${a}; cat <<EOF\n${b}\n"));
    assertEquals("a: -, b: the text after a here-document without a body", places("echo ${a}; cat <<EOF ${b}"));
    assertEquals("a: -, b: the text after an unterminated ${...}", places("echo ${a} $${x:-${b}"));
    assertEquals("a: -, b: the text after a $((...)) that does not end in '))'", places("echo ${a} $((1 + 2) ${b}"));
    assertEquals("a: -, b: the text after an unmatched ')'", places("echo ${a} ) ${b}"));
    assertEquals("a: the text after an unterminated 'if' (no 'fi')", places("if true; then echo ${a}"));
    assertEquals("b: the text after a here-document delimiter holding a value", places("cat <<${b}\nx\n"));
  }

  @Test
  void programsAreThePlainFirstWordsOfEveryCommand() {
    assertEquals(List.of("systemctl", "redis-cli", "ssh", "date", "grep", "kubectl"), ShellScript.parse(
        "f() { systemctl restart x; }; f; redis-cli ping && X=1 ssh h true\n"
            + "echo \"$(date)\" | grep x; /usr/bin/env y; \"quoted\" z; $cmd; ${v} w; *.sh\n"
            + "if kubectl get pods; then cd /tmp; fi; exec 2>&1; test -f x && [ -d y ]").programs());
    assertEquals(List.of("sh"), ShellScript.parse("sh -c 'systemctl restart x'").programs(),
        "the script of sh -c may run elsewhere (kubectl exec, ssh): not looked into");
  }

  @Test
  void strictValuesPassAndOthersAreRefusedWithTheirReason() {
    ShellScript script = ShellScript.parse("sh -c \"echo ${a} ${b} ${c} ${d}\"; echo ${e}");
    Map<String, String> values = Map.of("a", "host-1.example:80/x@y+z,w=v%u_é", "b", "", "c", "-x", "d", "$(touch X)",
        "e", "$(not reparsed)");
    assertEquals(List.of(
        new ShellScript.Refusal(1, "b", "the script of 'sh -c'", "is empty"),
        new ShellScript.Refusal(2, "c", "the script of 'sh -c'", "starts with '-'"),
        new ShellScript.Refusal(3, "d", "the script of 'sh -c'",
            "holds characters other than letters, digits and _ . / : @ + , = % -")),
        script.refusals(values::get));
    assertEquals(List.of(), script.refusals(name -> null), "values not known are not checked");
  }

  @Test
  void aStrictValueMayNotNameAnSshOptionThatRunsACommand() {
    ShellScript script = ShellScript.parse("ssh -o ${opt} ${host} true");
    assertEquals(List.of(new ShellScript.Refusal(0, "opt", "an option of 'ssh'", "names an ssh option that runs a command")),
        script.refusals(Map.of("opt", "ProxyCommand=reboot", "host", "h")::get));
    assertEquals(List.of(), script.refusals(Map.of("opt", "StrictHostKeyChecking=no", "host", "h")::get));
  }

  @Test
  void aValueMayNotEndAQuotedHereDocumentEarly() {
    ShellScript script = ShellScript.parse("cat <<'EOF' | ssh h\n${a}\nE${b}\n\tok\nEOF");
    assertEquals(List.of(new ShellScript.Refusal(0, "a", "the input of 'ssh'",
        "would end the here-document early (its line would read 'EOF')")),
        script.refusals(Map.of("a", "EOF", "b", "x")::get));
    assertEquals(1, script.refusals(Map.of("a", "x", "b", "OF")::get).size());
  }

  @Test
  void theVariableOfAName() {
    assertEquals("DRILL_HOST_NAME", ShellScript.variable("host-name"));
    assertEquals("DRILL_A__TOUCH_X_", ShellScript.variable("a$(touch x)"), "a name from a hand-edited plan stays a name");
    assertTrue(ShellScript.parse("").uses().isEmpty());
    assertEquals("", ShellScript.parse("").script(n -> null));
  }
}
