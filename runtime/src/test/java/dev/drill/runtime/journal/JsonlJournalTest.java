package dev.drill.runtime.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlJournalTest {

  private static final Instant T = Instant.parse("2026-11-20T14:03:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<JournalEvent> someEvents() throws IOException {
    JsonNode plan = JSON.createObjectNode().put("planVersion", 1).put("id", "x")
        .put("ratio", new java.math.BigDecimal("1.50"));
    return List.of(
        JournalEvent.of(T, "run-started", "drill", "x", "auto", false, "params", Map.of("host", "h"),
            "secrets", List.of("token"), "timeboxMs", 5_400_000L, "plan", plan),
        JournalEvent.of(T.plusMillis(1_250), "phase-started", "phase", "setup"),
        JournalEvent.of(T.plusSeconds(2), "action-ended", "phase", "setup", "step", "setup", "index", 1,
            "ok", false, "detail", "exit 1", "output", "line one\nline \"two\"\t\u2028end", "durationMs", 800L),
        JournalEvent.of(T.plusSeconds(3), "detection", "mode", "all", "met", false, "fired", List.of(),
            "missing", List.of("a", "b")),
        JournalEvent.of(T.plusSeconds(4), "run-ended"));
  }

  @Test
  void writesOneJsonObjectPerLineInOrder() throws IOException {
    Path file = dir.resolve("runs/x/journal.jsonl");
    try (JsonlJournal journal = JsonlJournal.create(file)) {
      for (JournalEvent e : someEvents()) {
        journal.record(e);
      }
    }
    String text = Files.readString(file);
    assertTrue(text.endsWith("\n"));
    List<String> lines = text.lines().collect(java.util.stream.Collectors.toList());
    assertEquals(5, lines.size());
    assertEquals("{\"at\":\"2026-11-20T14:03:01.250Z\",\"event\":\"phase-started\",\"phase\":\"setup\"}", lines.get(1));
    JsonNode action = JSON.readTree(lines.get(2));
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = action.fieldNames(); names.hasNext(); ) {
      keys.add(names.next());
    }
    assertEquals(List.of("at", "event", "phase", "step", "index", "ok", "detail", "output", "durationMs"), keys);
    assertEquals("line one\nline \"two\"\t\u2028end", action.get("output").textValue());
  }

  @Test
  void readsBackWhatWasWritten() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (JsonlJournal journal = JsonlJournal.create(file)) {
      someEvents().forEach(journal::record);
    }
    JournalContents read = JournalReader.read(file);
    assertEquals(0, read.skipped());
    assertEquals(someEvents().size(), read.events().size());
    for (int i = 0; i < read.events().size(); i++) {
      assertArrayEquals(JsonlJournal.line(someEvents().get(i), s -> s), JsonlJournal.line(read.events().get(i), s -> s),
          "event " + i);
    }
    JournalEvent started = read.events().get(0);
    assertEquals(5_400_000L, started.facts().get("timeboxMs"));
    assertEquals(Boolean.FALSE, started.facts().get("auto"));
    assertEquals(Map.of("host", "h"), started.facts().get("params"));
    assertEquals(List.of("token"), started.facts().get("secrets"));
    assertTrue(started.facts().get("plan") instanceof JsonNode);
    assertEquals("1.50", ((JsonNode) started.facts().get("plan")).get("ratio").decimalValue().toPlainString());
  }

  @Test
  void redactsEveryTextBeforeWriting() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (JsonlJournal journal = JsonlJournal.create(file, s -> s.replace("s3cret", "********"))) {
      journal.record(JournalEvent.of(T, "action-ended", "detail", "token s3cret rejected",
          "output", List.of("a s3cret", Map.of("k", "s3cret")), "plan", JSON.createObjectNode().put("x", "s3cret")));
    }
    String text = Files.readString(file);
    assertFalse(text.contains("s3cret"), text);
    assertTrue(text.contains("token ******** rejected"), text);
  }

  @Test
  void aLastLineCutShortIsSkippedAndReported() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (JsonlJournal journal = JsonlJournal.create(file)) {
      someEvents().subList(0, 3).forEach(journal::record);
    }
    byte[] next = JsonlJournal.line(someEvents().get(3), s -> s);
    Files.write(file, java.util.Arrays.copyOf(next, next.length / 2), java.nio.file.StandardOpenOption.APPEND);
    JournalContents read = JournalReader.read(file);
    assertEquals(3, read.events().size());
    assertEquals(1, read.skipped());
    assertEquals(4, read.unreadable().get(0).line());
    assertTrue(read.unreadable().get(0).reason().startsWith("cut short"), read.unreadable().toString());
    assertTrue(read.describeSkipped().startsWith("1 unreadable line skipped (line 4: cut short"), read.describeSkipped());
  }

  @Test
  void aJournalReopenedAfterACutLineStartsAFreshLine() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    Files.writeString(file, "{\"at\":\"2026-11-20T14:03:00Z\",\"event\":\"run-started\"}\n{\"at\":\"2026-11-20T14:0");
    try (JsonlJournal journal = JsonlJournal.appendTo(file)) {
      journal.record(JournalEvent.of(T.plusSeconds(9), "note", "text", "after the crash", "by", "drill note"));
    }
    JournalContents read = JournalReader.read(file);
    assertEquals(List.of("run-started", "note"), read.events().stream().map(JournalEvent::event)
        .collect(java.util.stream.Collectors.toList()));
    assertEquals(1, read.skipped());
  }

  @Test
  void blankLinesAndForeignLinesDoNotStopTheReader() {
    JournalContents read = JournalReader.parse(String.join("\n",
        "{\"at\":\"2026-11-20T14:03:00Z\",\"event\":\"run-started\",\"drill\":\"x\"}",
        "",
        "   ",
        "not json at all",
        "[1, 2]",
        "{\"event\":\"note\"}",
        "{\"at\":\"yesterday\",\"event\":\"note\"}",
        "{\"at\":\"2026-11-20T14:03:01Z\",\"event\":\"note\",\"text\":\"hi\",\"by\":\"drill note\"}{\"at\"",
        "{\"at\":\"2026-11-20T14:03:02Z\",\"event\":\"run-ended\"}\r",
        ""));
    assertEquals(List.of("run-started", "run-ended"), read.events().stream().map(JournalEvent::event)
        .collect(java.util.stream.Collectors.toList()));
    assertEquals(List.of(4, 5, 6, 7, 8), read.unreadable().stream().map(JournalContents.Unreadable::line)
        .collect(java.util.stream.Collectors.toList()));
    assertEquals("no \"at\" time", read.unreadable().get(2).reason());
  }

  @Test
  void concurrentWritersNeverInterleaveWithinALine() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    int perWriter = 400;
    String padding = "x".repeat(3000);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch go = new CountDownLatch(1);
    try (JsonlJournal journal = JsonlJournal.create(file)) {
      List<Future<?>> writers = new ArrayList<>();
      for (String writer : List.of("a", "b")) {
        writers.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < perWriter; i++) {
            journal.record(JournalEvent.of(T, "note", "text", writer + i + padding, "by", writer));
          }
          return null;
        }));
      }
      // A second process, as drill note is: its own file descriptor in append mode, whole lines.
      writers.add(pool.submit(() -> {
        go.await();
        try (FileOutputStream other = new FileOutputStream(file.toFile(), true)) {
          for (int i = 0; i < perWriter; i++) {
            other.write(JsonlJournal.line(JournalEvent.of(T, "note", "text", "c" + i + padding, "by", "c"), s -> s));
          }
        }
        return null;
      }));
      go.countDown();
      for (Future<?> w : writers) {
        w.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(3 * perWriter, lines.size());
    JournalContents read = JournalReader.read(file);
    assertEquals(0, read.skipped(), read.describeSkipped());
    for (String writer : List.of("a", "b", "c")) {
      List<String> texts = read.events().stream().filter(e -> e.facts().get("by").equals(writer))
          .map(e -> (String) e.facts().get("text")).collect(java.util.stream.Collectors.toList());
      assertEquals(perWriter, texts.size(), writer);
      for (int i = 0; i < perWriter; i++) {
        assertEquals(writer + i + padding, texts.get(i), "writer " + writer + " in order");
      }
    }
  }

  @Test
  void aClosedJournalRefusesEvents() throws IOException {
    JsonlJournal journal = JsonlJournal.create(dir.resolve("j.jsonl"));
    journal.close();
    journal.close();
    assertThrows(IllegalStateException.class, () -> journal.record(JournalEvent.of(T, "run-ended")));
  }

  @Test
  void aFactCannotTakeTheNameOfAJournalField() throws IOException {
    try (JsonlJournal journal = JsonlJournal.create(dir.resolve("j.jsonl"))) {
      assertThrows(IllegalArgumentException.class, () -> journal.record(JournalEvent.of(T, "note", "at", "noon")));
    }
  }

  @Test
  void firstReadsOnlyTheFirstEvent() throws Exception {
    Path file = dir.resolve("j.jsonl");
    Files.writeString(file, "\n{\"at\":\"2026-11-20T14:03:00Z\",\"event\":\"run-started\"}\ngarbage");
    assertEquals("run-started", JournalReader.first(file).orElseThrow().event());
    Files.writeString(file, "garbage\n");
    assertThrows(JournalFormatException.class, () -> JournalReader.first(file));
    Files.writeString(file, "");
    assertTrue(JournalReader.first(file).isEmpty());
  }
}
