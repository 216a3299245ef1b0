package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plan file edited by hand still reads as a plan (and {@code --force} runs it whatever its
 * fingerprint says), so each way of tampering with one that the reader lets through must be
 * refused by {@link PlanValidator}, naming where.
 */
class PlanTamperingTest {

  private static final String JSON = PlanJson.write(Plans.full());

  static Stream<Arguments> tamperings() {
    String kebab = " is not kebab-case (lower-case words joined by '-')";
    return Stream.of(
        Arguments.of("a path as the drill id", "\"id\": \"matching-engine-crash\"", "\"id\": \"../../x\"",
            "drill: the id '../../x'" + kebab),
        Arguments.of("an absolute path as the drill id", "\"id\": \"matching-engine-crash\"",
            "\"id\": \"/abs/dir\"", "drill: the id '/abs/dir'" + kebab),
        Arguments.of("a path as the environment", "\"environment\": \"staging\"", "\"environment\": \"/abs\"",
            "drill: the environment '/abs'" + kebab),
        Arguments.of("a duplicate id", "\"id\": \"paged\"", "\"id\": \"engine-up\"",
            "detect signal 'engine-up': the id is already used by a check"
                + " (checks, inject steps, signals and recovery steps need distinct ids)"),
        Arguments.of("an unknown role", "\"role\": \"operator\"", "\"role\": \"operater\"",
            "recover step 'restart': role 'operater' is not declared"),
        Arguments.of("a cycle of 'after'", "\"after\": []", "\"after\": [\"replay\"]",
            "recover step 'replay': steps wait for each other in a cycle: 'declare' -> 'replay' -> 'declare'"),
        Arguments.of("an undeclared reference", "ssh ${host} sudo systemctl kill", "ssh ${x} sudo systemctl kill",
            "inject step 'kill-engine' action 1: the command refers to '${x}', which is not a declared param"
                + " or secret"),
        Arguments.of("a secret in a title", "\"title\": \"Matching engine crash during trading hours\"",
            "\"title\": \"Matching engine crash, token ${token}\"",
            "drill: the title uses secret 'token', which would be printed; secrets may be used only in run"
                + " commands, command probes, http header values and bodies"),
        Arguments.of("a negative duration", "\"timebox\": \"PT1H30M\"", "\"timebox\": \"PT-90M\"",
            "drill: timebox -1h30m is negative"),
        Arguments.of("a duration as milliseconds", "\"timebox\": \"PT1H30M\"", "\"timebox\": -5",
            "drill: timebox -5ms is negative"),
        Arguments.of("a huge duration", "\"timebox\": \"PT1H30M\"", "\"timebox\": \"PT2562047788015215H\"",
            "drill: timebox 106751991167300d15h is longer than the maximum of 366d"),
        Arguments.of("1 ms polling", "\"every\": \"PT10S\"", "\"every\": \"PT0.001S\"",
            "detect signal 'health-failing': every 1ms is shorter than the minimum of 100ms"),
        Arguments.of("an env var that is a shell command", "\"env\": \"ME_ADMIN_TOKEN\"", "\"env\": \"$(id)\"",
            "secret 'token': '$(id)' is not an environment variable name (upper-case letters, digits and '_')"),
        Arguments.of("an exit status out of range", "\"value\": 3", "\"value\": 300",
            "abort condition 2: the expected exit status 300 is not an exit status (a whole number from 0 to 255)"),
        Arguments.of("a status of a billion digits", "\"value\": 200", "\"value\": 2E+999999999",
            "steady check 'engine-up': the expected status 2E+999999999 is not an HTTP status"
                + " (a whole number from 100 to 599)"),
        Arguments.of("a status of many digits", "\"value\": 200", "\"value\": " + "9".repeat(900),
            "steady check 'engine-up': the expected status 1.00000000000E+900 is not an HTTP status"
                + " (a whole number from 100 to 599)"),
        Arguments.of("a pattern that does not compile", "\"pattern\": \"ERROR .*matching engine\"",
            "\"pattern\": \"ERROR (\"", "detect signal 'error-logged': the log pattern is not a regular expression:"
                + " unclosed group near character 8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tamperings")
  void isReported(String name, String original, String tampered, String problem) throws PlanFormatException {
    assertTrue(JSON.contains(original), original);
    Plan plan = PlanJson.read(JSON.replaceFirst(java.util.regex.Pattern.quote(original),
        java.util.regex.Matcher.quoteReplacement(tampered)));
    assertEquals(List.of(problem), PlanValidator.problems(plan));
  }
}
