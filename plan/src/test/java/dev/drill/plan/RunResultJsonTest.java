package dev.drill.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunResultJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<RunResult> results() {
    return Stream.of(RunResults.passed(), RunResults.aborted());
  }

  @Test
  void writesTheDocumentedForm() {
    assertEquals("{\n"
        + "  \"resultVersion\": 1,\n"
        + "  \"drill\": \"matching-engine-crash\",\n"
        + "  \"fingerprint\": \"sha256:0123456789abcdef\",\n"
        + "  \"outcome\": \"passed\",\n"
        + "  \"environment\": \"staging\",\n"
        + "  \"startedAt\": \"2026-11-20T14:03:00Z\",\n"
        + "  \"endedAt\": \"2026-11-20T14:51:27Z\",\n"
        + "  \"timeToDetect\": \"PT4M12S\",\n"
        + "  \"timeToRecover\": \"PT31M5S\"\n"
        + "}\n", RunResultJson.write(RunResults.passed()));
  }

  @Test
  void leavesOutTimesNotReachedAndKeepsFractions() {
    String json = RunResultJson.write(RunResults.aborted());
    assertFalse(json.contains("timeToDetect") || json.contains("timeToRecover") || json.contains("null"), json);
    assertTrue(json.contains("\"outcome\": \"aborted\""), json);
    assertTrue(json.contains("\"startedAt\": \"2026-11-21T09:00:00.250Z\""), json);
  }

  @ParameterizedTest
  @MethodSource("results")
  void roundTripsRecordsAndBytes(RunResult result) throws ResultFormatException {
    String json = RunResultJson.write(result);
    RunResult read = RunResultJson.read(json);
    assertEquals(result, read);
    assertEquals(json, RunResultJson.write(read));
  }

  @Test
  void propertiesFollowRecordDeclarationOrder() throws IOException {
    List<String> components = Arrays.stream(RunResult.class.getRecordComponents())
        .map(c -> c.getName()).collect(Collectors.toList());
    assertEquals(components, PlanJsonTest.names(JSON.readTree(RunResultJson.write(
        RunResults.passed().withRoster(Map.of("commander", "alice"))))));
    assertEquals("resultVersion", components.get(0));
  }

  @Test
  void readsReformattedJson() throws ResultFormatException {
    String compact = RunResultJson.write(RunResults.passed()).replace("\n", "").replace("  ", "");
    assertEquals(RunResults.passed(), RunResultJson.read(compact));
  }

  @Test
  void pathIsDrillThenStartTimeToTheSecond() {
    assertEquals(Path.of("matching-engine-crash", "2026-11-20T140300Z.json"), RunResults.passed().relativePath());
    assertEquals("2026-11-21T090000Z.json", RunResults.aborted().fileName());
  }

  @Test
  void fileNamesSortByStartTime() {
    List<String> starts = List.of("2026-01-09T23:59:59Z", "2026-01-10T00:00:00Z", "2026-01-10T09:30:00Z",
        "2026-10-01T00:00:00Z", "2027-01-01T00:00:00Z");
    List<String> names = starts.stream()
        .map(s -> withStart(RunResults.passed(), Instant.parse(s)).fileName())
        .collect(Collectors.toList());
    assertEquals(names.stream().sorted().collect(Collectors.toList()), names);
  }

  @Test
  void refusesVersion2NamingIt() throws IOException {
    ResultFormatException e = assertThrows(ResultFormatException.class,
        () -> RunResultJson.read(edited(r -> r.put("resultVersion", 2))));
    assertEquals("run result version 2 is not supported by this drill (it reads version 1); "
        + "use the drill that wrote it, or a newer one", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|not a run result: the file is empty",
      "'   '|not a run result: the file is empty",
      "[]|not a run result: expected a JSON object, found an array",
      "42|not a run result: expected a JSON object, found the number 42",
      "null|not a run result: expected a JSON object, found null",
      "{}|not a run result: no \"resultVersion\"",
      "{\"resultVersion\": \"1\"}|\"resultVersion\" must be a whole number, not the string '1'",
      "{\"resultVersion\": 1.0}|\"resultVersion\" must be a whole number, not the number 1.0",
      "{\"resultVersion\": 99999999999}|run result version 99999999999 is not supported",
      "{\"resultVersion\": 1}|missing \"drill\""})
  void refusesWhatIsNoResult(String text, String expected) {
    ResultFormatException e = assertThrows(ResultFormatException.class, () -> RunResultJson.read(text));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"resultVersion\": 1,", "result", "<result/>", "\u0000", "{} {}",
      "{\"resultVersion\": 1, \"resultVersion\": 1}"})
  void refusesInvalidJsonInLowerCaseWithThePosition(String text) {
    ResultFormatException e = assertThrows(ResultFormatException.class, () -> RunResultJson.read(text));
    assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
    String reason = e.getMessage().substring("not valid JSON: ".length());
    assertTrue(Character.isLowerCase(reason.charAt(0)), e.getMessage());
    assertTrue(e.getMessage().contains(" at line 1, column "), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  /** Each edit of a valid result must end in a ResultFormatException with this message. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "unknown-property|unknown property \"operator\"; a run result has resultVersion, drill, fingerprint, "
          + "outcome, environment, startedAt, endedAt, timeToDetect, timeToRecover, roster",
      "missing-drill|missing \"drill\"",
      "missing-started|missing \"startedAt\"",
      "drill-number|\"drill\" must be a string, not the number 7",
      "drill-null|\"drill\" must be a string, not null",
      "outcome-upper|\"outcome\" must be passed, failed or aborted, not 'PASSED'",
      "outcome-ok|\"outcome\" must be passed, failed or aborted, not 'ok'",
      "outcome-bool|\"outcome\" must be a string, not true",
      "started-millis|\"startedAt\" must be a string, not the number 1795183380000",
      "started-offset|\"startedAt\" must be a UTC time such as 2026-11-20T14:03:00Z, not '2026-11-20T15:03:00+01:00'",
      "started-no-zone|\"startedAt\" must be a UTC time such as 2026-11-20T14:03:00Z, not '2026-11-20T14:03:00'",
      "started-date|\"startedAt\" must be a UTC time such as 2026-11-20T14:03:00Z, not '2026-11-20'",
      "started-impossible|\"startedAt\" must be a UTC time such as 2026-11-20T14:03:00Z, not '2026-02-30T14:03:00Z'",
      "ended-before|not a valid run result: endedAt 2026-11-20T14:00:00Z is before startedAt 2026-11-20T14:03:00Z",
      "detect-seconds|\"timeToDetect\" must be a string, not the number 252",
      "detect-null|\"timeToDetect\" must be a string, not null (leave it out when there is no value)",
      "detect-text|\"timeToDetect\" must be an ISO-8601 duration such as PT4M12S, not '4m12s'",
      "recover-negative|not a valid run result: timeToRecover PT-5M is negative",
      "bad-fingerprint|not a valid run result: fingerprint 'sha256:0123' is not sha256: and 16 lower-case hex digits",
      "bad-drill|not a valid run result: drill id 'Matching_Engine' is not kebab-case",
      "bad-environment|not a valid run result: environment 'Staging' is not kebab-case",
      "environment-object|\"environment\" must be a string, not an object",
      "roster-list|\"roster\" must be an object from role to person, not an array",
      "roster-null|\"roster\" must be an object from role to person, not null (leave it out when nobody was named)",
      "roster-number|\"roster\" role \"commander\" must name a person as a string, not the number 3",
      "roster-role|not a valid run result: role 'Commander' is not kebab-case",
      "roster-blank|not a valid run result: the person holding scribe must be a name on one line, not ' '"})
  void refusesBrokenResultsSayingWhy(String edit, String expected) throws IOException {
    String text = edited(r -> {
      switch (edit) {
        case "unknown-property": r.put("operator", "ana"); break;
        case "missing-drill": r.remove("drill"); break;
        case "missing-started": r.remove("startedAt"); break;
        case "drill-number": r.put("drill", 7); break;
        case "drill-null": r.putNull("drill"); break;
        case "outcome-upper": r.put("outcome", "PASSED"); break;
        case "outcome-ok": r.put("outcome", "ok"); break;
        case "outcome-bool": r.put("outcome", true); break;
        case "started-millis": r.put("startedAt", 1795183380000L); break;
        case "started-offset": r.put("startedAt", "2026-11-20T15:03:00+01:00"); break;
        case "started-no-zone": r.put("startedAt", "2026-11-20T14:03:00"); break;
        case "started-date": r.put("startedAt", "2026-11-20"); break;
        case "started-impossible": r.put("startedAt", "2026-02-30T14:03:00Z"); break;
        case "ended-before": r.put("endedAt", "2026-11-20T14:00:00Z"); break;
        case "detect-seconds": r.put("timeToDetect", 252); break;
        case "detect-null": r.putNull("timeToDetect"); break;
        case "detect-text": r.put("timeToDetect", "4m12s"); break;
        case "recover-negative": r.put("timeToRecover", "PT-5M"); break;
        case "bad-fingerprint": r.put("fingerprint", "sha256:0123"); break;
        case "bad-drill": r.put("drill", "Matching_Engine"); break;
        case "bad-environment": r.put("environment", "Staging"); break;
        case "environment-object": r.putObject("environment"); break;
        case "roster-list": r.putArray("roster"); break;
        case "roster-null": r.putNull("roster"); break;
        case "roster-number": r.putObject("roster").put("commander", 3); break;
        case "roster-role": r.putObject("roster").put("Commander", "alice"); break;
        case "roster-blank": r.putObject("roster").put("scribe", " "); break;
        default: throw new AssertionError(edit);
      }
    });
    ResultFormatException e = assertThrows(ResultFormatException.class, () -> RunResultJson.read(text), edit);
    assertEquals(expected, e.getMessage());
  }

  @Test
  void readsDurationsWrittenInOtherIso8601Forms() throws IOException, ResultFormatException {
    RunResult read = RunResultJson.read(edited(r -> r.put("timeToRecover", "P1DT2H")));
    assertEquals(Optional.of(Duration.ofHours(26)), read.timeToRecover());
  }

  @Test
  void recordRefusesBadValues() {
    RunResult r = RunResults.passed();
    assertThrows(IllegalArgumentException.class, () -> new RunResult(1, "x", r.fingerprint(), r.outcome(),
        r.environment(), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
        Optional.empty(), Optional.empty(), Map.of()));
    assertThrows(NullPointerException.class, () -> new RunResult(1, null, r.fingerprint(), r.outcome(),
        r.environment(), r.startedAt(), r.endedAt(), Optional.empty(), Optional.empty(), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new RunResult(1, "x", r.fingerprint(), r.outcome(),
        r.environment(), r.startedAt(), r.endedAt(), Optional.of(Duration.ofSeconds(-1)), Optional.empty(), Map.of()));
    assertThrows(IllegalArgumentException.class, () -> r.withRoster(Map.of("scribe", "bob\ncarol")));
  }

  @Test
  void writesTheRosterInTheOrderGivenAndReadsItBack() throws ResultFormatException {
    Map<String, String> roster = new java.util.LinkedHashMap<>();
    roster.put("scribe", "bob");
    roster.put("commander", "Alice Martin");
    RunResult named = RunResults.passed().withRoster(roster);
    String json = RunResultJson.write(named);
    assertTrue(json.endsWith("  \"roster\": {\n    \"scribe\": \"bob\",\n    \"commander\": \"Alice Martin\"\n  }\n}\n"),
        json);
    assertEquals(named, RunResultJson.read(json));
    assertEquals(List.of("scribe", "commander"), List.copyOf(RunResultJson.read(json).roster().keySet()));
  }

  @Test
  void resultsWithoutARosterStillReadAndNobodyNamedWritesNone() throws ResultFormatException {
    String json = RunResultJson.write(RunResults.passed());
    assertFalse(json.contains("roster"), json);
    assertEquals(Map.of(), RunResultJson.read(json).roster());
  }

  @Test
  void outcomesAreLowerCaseKeywords() {
    assertEquals(List.of("passed", "failed", "aborted"), Arrays.stream(RunResult.Outcome.values())
        .map(RunResult.Outcome::keyword).collect(Collectors.toList()));
    assertEquals(Optional.of(RunResult.Outcome.FAILED), RunResult.Outcome.fromKeyword("failed"));
    assertEquals(Optional.empty(), RunResult.Outcome.fromKeyword("Failed"));
  }

  @Test
  void schemaResourceIsOnTheClasspath() {
    assertTrue(RunResultJson.class.getResource(RunResultJson.SCHEMA_RESOURCE) != null);
  }

  static String edited(java.util.function.Consumer<ObjectNode> edit) throws IOException {
    ObjectNode tree = (ObjectNode) JSON.readTree(RunResultJson.write(RunResults.passed()));
    edit.accept(tree);
    return JSON.writeValueAsString(tree);
  }

  static RunResult withStart(RunResult r, Instant start) {
    return new RunResult(r.resultVersion(), r.drill(), r.fingerprint(), r.outcome(), r.environment(), start,
        start.plusSeconds(60), r.timeToDetect(), r.timeToRecover(), r.roster());
  }
}
