package dev.drill.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drill.compiler.CompileResult;
import dev.drill.compiler.DrillCompiler;
import dev.drill.plan.Plan;
import dev.drill.runtime.DrillRunner;
import dev.drill.runtime.RunInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The board in a real browser (headless Chromium): what the room sees, and what it cannot do. */
class BoardBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static ChromeDriver browser;

  @TempDir Path work;
  private Board board;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @AfterEach
  void stopBoard() {
    if (board != null) {
      board.close();
    }
    // Back to one tab for the next test.
    List<String> tabs = List.copyOf(browser.getWindowHandles());
    for (int i = 1; i < tabs.size(); i++) {
      browser.switchTo().window(tabs.get(i)).close();
    }
    browser.switchTo().window(tabs.get(0));
  }

  @Test
  void theBoardFollowsASandboxDrillThroughItsPhases() throws Exception {
    Path sandbox = Path.of("..", "samples", "sandbox").toAbsolutePath().normalize();
    CompileResult compiled = DrillCompiler.compile(sandbox.resolve("sandbox-crash.drill"), "sandbox-crash.drill");
    Plan plan = compiled.plan().orElseThrow(() -> new AssertionError(compiled.diagnostics()));
    RunInputs.Bound bound = RunInputs.bind(plan, Map.of("port", Integer.toString(freePort()),
        "state", work.resolve("state").toString()), name -> null);
    DrillRunner runner = new DrillRunner(new DrillRunner.Request(plan, bound.bindings().orElseThrow(), sandbox, true,
        work.resolve("runs"), work.resolve("results"), Optional.empty()), InputStream.nullInputStream(),
        new PrintWriter(new StringWriter()));
    board = Board.start(BoardAddress.loopback(0));
    browser.get(board.observerLink().toString());
    CompletableFuture<DrillRunner.Finished> run = CompletableFuture.supplyAsync(() -> {
      try {
        return runner.run(Optional.empty(), false, board::follow);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Set<String> phasesSeen = new LinkedHashSet<>();
    boolean midRunShot = false;
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!run.isDone() && System.nanoTime() < end) {
      phasesSeen.add(text("phase"));
      if (!midRunShot && text("phase").equals("recover")) {
        Browser.screenshot(browser, "board-sandbox-crash-recovering");
        midRunShot = true;
      }
      Thread.sleep(50);
    }
    DrillRunner.Finished finished = run.get();
    assertEquals("passed", finished.outcome().outcome().keyword());
    board.close();
    new WebDriverWait(browser, WAIT).until(b -> text("connection").contains("stopped"));
    phasesSeen.add(text("phase"));
    // Setup (the sandbox starts) and recovery (it starts again) take seconds; the others can pass between two looks.
    assertTrue(phasesSeen.containsAll(List.of("setup", "recover", "ended")), "phases seen: " + phasesSeen);
    assertEquals("The sandbox service crashes", text("title"));
    assertEquals("staging", text("environment"));
    assertEquals("outcome: PASSED", text("outcome"));
    assertEquals(List.of("done", "done", "done", "done", "done", "done", "done", "done"),
        classes("#phases .phase").stream().map(c -> c.replace("phase s-", "")).toList());
    assertEquals(List.of("fired", "fired"), texts("#signals .state"));
    assertEquals(List.of("done", "held"), texts("#steps .state"));
    assertTrue(texts("#steps tr").get(0).contains("operator"), texts("#steps tr").toString());
    assertEquals(List.of("done"), texts("#comms .state"));
    assertTrue(text("since-fault").startsWith("T+0:0"), text("since-fault"));
    assertTrue(texts("#timeline li").get(0).contains("run ended"), texts("#timeline li").toString());
    Files.copy(Browser.screenshot(browser, "board-sandbox-crash"), Browser.SCREENSHOTS.resolve("board.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aNotePostedThroughTheFormShowsOnASecondBoardAndLandsInTheJournal() throws Exception {
    Path journal = journal("passed.journal.jsonl", Map.of());
    board = Board.start(BoardAddress.loopback(0));
    board.follow(journal);
    browser.get(board.observerLink().toString());
    new WebDriverWait(browser, WAIT).until(b -> text("title").equals("Timing rules"));
    String first = browser.getWindowHandle();
    browser.switchTo().newWindow(WindowType.TAB).get(board.readOnlyLink().toString());
    new WebDriverWait(browser, WAIT).until(b -> text("title").equals("Timing rules"));
    String second = browser.getWindowHandle();

    browser.switchTo().window(first);
    browser.findElement(By.name("author")).sendKeys("Alice (scribe)");
    browser.findElement(By.name("text")).sendKeys("the page went to the old rota");
    browser.findElement(By.cssSelector("#note button")).click();

    browser.switchTo().window(second);
    new WebDriverWait(browser, Duration.ofSeconds(3)).until(b -> !texts("#timeline li.note").isEmpty());
    assertEquals(List.of("Alice (scribe):"), texts("#timeline li.note .by"));
    assertEquals(List.of("the page went to the old rota"), texts("#timeline li.note .text"));
    String written = Files.readString(journal);
    assertTrue(written.contains("\"event\":\"note\",\"text\":\"the page went to the old rota\",\"by\":\"Alice (scribe)\""),
        written);
    Browser.screenshot(browser, "board-note");

    // Without JavaScript the form is a plain urlencoded POST, answered with a redirect back to the board.
    HttpResponse<String> plain = post(board.observerLink(), "author=Bob&text=plain+form", true);
    assertEquals(303, plain.statusCode());
    assertTrue(Files.readString(journal).contains("\"text\":\"plain form\",\"by\":\"Bob\""));
  }

  @Test
  void theReadOnlyLinkShowsNoFormAndAWriteThroughItIsRefused() throws Exception {
    Path journal = journal("passed.journal.jsonl", Map.of());
    board = Board.start(BoardAddress.loopback(0));
    board.follow(journal);
    browser.get(board.readOnlyLink().toString());
    new WebDriverWait(browser, WAIT).until(b -> text("title").equals("Timing rules"));
    assertEquals(List.of(), browser.findElements(By.tagName("form")));
    byte[] before = Files.readAllBytes(journal);

    assertEquals(403, post(board.readOnlyLink(), "author=Eve&text=sneaky", true).statusCode());
    URI noToken = board.observerLink().resolve("/");
    assertEquals(403, post(noToken, "author=Eve&text=sneaky", true).statusCode());
    assertEquals(403, post(URI.create(noToken + "?token=guessed"), "author=Eve&text=sneaky", true).statusCode());
    assertEquals(403, get(noToken).statusCode());
    // A page elsewhere posting with the observer's link (cross-site request forgery) is refused too.
    assertEquals(403, post(board.observerLink(), "author=Eve&text=sneaky", false).statusCode());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(journal)), "the journal was written");

    HttpResponse<String> page = get(board.readOnlyLink());
    assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'nonce-"));
    assertEquals(Optional.of("nosniff"), page.headers().firstValue("X-Content-Type-Options"));
  }

  @Test
  void aScriptInATitleOrANoteRendersAsText() throws Exception {
    String payload = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";
    Path journal = journal("passed.journal.jsonl", Map.of("\"title\":\"Timing rules\"",
        "\"title\":" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(payload)));
    board = Board.start(BoardAddress.loopback(0));
    board.follow(journal);
    browser.get(board.observerLink().toString());
    new WebDriverWait(browser, WAIT).until(b -> text("title").equals(payload));
    browser.findElement(By.name("author")).sendKeys("<b>mallory</b>");
    browser.findElement(By.name("text")).sendKeys(payload);
    browser.findElement(By.cssSelector("#note button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(3)).until(b -> !texts("#timeline li.note").isEmpty());
    assertEquals(List.of("<b>mallory</b>:"), texts("#timeline li.note .by"));
    assertEquals(List.of(payload), texts("#timeline li.note .text"));
    assertEquals(List.of(), browser.findElements(By.cssSelector("main img, header img, #timeline b")));
    assertNull(browser.executeScript("return window.__xss;"));
    assertEquals(payload + " - drill board", browser.getTitle());
    Browser.screenshot(browser, "board-xss");
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /**
   * The text of each element the selector finds, read in one go: the page redraws its rows every
   * second, so an element looked up in one call may be gone by the next.
   */
  private static List<String> texts(String selector) {
    return strings(browser.executeScript(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent);", selector));
  }

  private static List<String> classes(String selector) {
    return strings(browser.executeScript(
        "return Array.from(document.querySelectorAll(arguments[0]), e => e.className);", selector));
  }

  private static List<String> strings(Object list) {
    return list instanceof List<?> items ? items.stream().map(String::valueOf).toList() : List.of();
  }

  /** A journal from the test resources, with each key of {@code replace} replaced by its value. */
  private Path journal(String name, Map<String, String> replace) throws IOException {
    String text;
    try (InputStream in = BoardBrowserTest.class.getResourceAsStream("/journals/" + name)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Map.Entry<String, String> r : replace.entrySet()) {
      text = text.replace(r.getKey(), r.getValue());
    }
    Path file = work.resolve("journal.jsonl");
    Files.writeString(file, text);
    return file;
  }

  private static HttpResponse<String> post(URI link, String form, boolean sameOrigin) throws Exception {
    URI notes = URI.create(link.resolve("/notes") + "?" + link.getRawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder(notes)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", sameOrigin ? "http://" + link.getAuthority() : "http://evil.example")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(URI link) throws Exception {
    return client().send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
