package dev.drill.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The HTML report as a person sees it: written by {@code drill report --html} from a journal
 * the runner wrote (with a note holding script added), opened in a real headless Chromium.
 * The page opens, its chart is drawn (elements with a size on screen, a screenshot that is
 * not blank) and no script runs. Needs Debian's {@code chromium} and {@code chromium-driver}
 * (./run-tests installs them): without them the test fails, it does not skip. Screenshots go
 * to target/screenshots/ for a human to look at.
 */
class HtmlReportBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** A failed run as the runner journals it: the runtime's golden journal, so it stays what drill writes. */
  static final Path JOURNAL = Path.of("../runtime/src/test/resources/runs/failed.journal.jsonl");
  static final Path SCREENSHOTS = Path.of("target/screenshots");
  static final String XSS = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

  @TempDir static Path dir;
  static ChromeDriver browser;
  static Path report;

  @BeforeAll
  static void openTheReport() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium (./run-tests does)");
    assertTrue(Files.isExecutable(CHROMEDRIVER),
        "no " + CHROMEDRIVER + ": install Debian's chromium-driver (./run-tests does)");
    Path journal = dir.resolve("run/journal.jsonl");
    Files.createDirectories(journal.getParent());
    Files.write(journal, withNote(Files.readAllLines(JOURNAL, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    ReportCommandTest.Outcome written = ReportCommandTest.drill("report", journal.toString(), "--html",
        "--results", dir.resolve("results").toString());
    assertEquals(0, written.exit(), written.err());
    report = Path.of(written.out().strip());
    assertEquals(dir.resolve("run/report.html"), report);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--force-device-scale-factor=1", "--hide-scrollbars", "--window-size=1140,1500");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.get(report.toUri().toString());
  }

  /** The journal with an observer's note holding script, in the middle of the run. */
  private static List<String> withNote(List<String> lines) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int middle = lines.size() / 2;
    ObjectNode note = json.createObjectNode();
    note.put("at", json.readTree(lines.get(middle)).get("at").asText());
    note.put("event", "note");
    note.put("text", XSS);
    note.put("by", "observer");
    List<String> out = new ArrayList<>(lines);
    out.add(middle + 1, json.writeValueAsString(note));
    return out;
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void thePageOpensWithTheReport() {
    assertEquals("After-action report: Timing rules", browser.getTitle());
    assertEquals("After-action report: Timing rules", browser.findElement(By.tagName("h1")).getText());
    assertEquals("FAILED", browser.findElement(By.cssSelector(".outcome")).getText());
    assertTrue(browser.findElements(By.tagName("h2")).size() >= 6);
  }

  @Test
  void theChartIsDrawn() throws IOException {
    WebElement svg = browser.findElement(By.cssSelector("svg.timeline"));
    assertTrue(svg.getSize().getWidth() > 600, "drawn " + svg.getSize());
    assertTrue(svg.getSize().getHeight() > 150, "drawn " + svg.getSize());
    List<WebElement> bars = svg.findElements(By.cssSelector("rect.actual"));
    assertTrue(bars.size() >= 5, bars.size() + " bars");
    for (WebElement bar : bars) {
      Dimension size = bar.getSize();
      assertTrue(size.getWidth() >= 1 && size.getHeight() >= 6, "a bar has a size on screen: " + size);
    }
    assertFalse(svg.findElements(By.cssSelector("rect.actual.failed")).isEmpty(), "failed bars are there");
    assertFalse(svg.findElements(By.cssSelector("rect.budget")).isEmpty(), "budgets are there");
    assertFalse(svg.findElements(By.cssSelector("line.mark.fault")).isEmpty(), "the fault is marked");
    assertTrue(svg.findElements(By.cssSelector("text.label")).stream().anyMatch(t -> t.getText().equals("restart")),
        "the bars are labelled");

    Files.createDirectories(SCREENSHOTS);
    byte[] chart = svg.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve("report-chart.png"), chart);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart));
    int dark = 0;
    int light = 0;
    int hatched = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 150) {
          dark++;
        } else if (r + g + b > 700) {
          light++;
        }
        if (r > 140 && g < 60 && b < 60) {
          hatched++;
        }
      }
    }
    int pixels = image.getWidth() * image.getHeight();
    assertTrue(dark > pixels / 100, "bars, lines and text are painted: " + dark + " dark of " + pixels);
    assertTrue(light > pixels / 10, "and there is room between them: " + light + " light of " + pixels);
    assertTrue(hatched > 50, "failed bars are hatched: " + hatched + " hatch pixels");

    Files.write(SCREENSHOTS.resolve("report.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void noScriptRuns() throws IOException {
    assertEquals(0, ((Number) browser.executeScript("return document.scripts.length")).intValue(),
        "no script element in the page");
    assertEquals("After-action report: Timing rules", browser.getTitle(), "the note's script did not run");
    assertTrue(browser.findElements(By.tagName("img")).isEmpty(), "the note's img is text, not an element");
    assertTrue(browser.findElement(By.tagName("body")).getText().contains(XSS), "the note shows as text");
    try {
      browser.switchTo().alert();
      throw new AssertionError("an alert is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""), html);
  }

  @Test
  void theCspForbidsScriptsEvenIfOneGotIn() throws IOException {
    // The same page with a script smuggled in after the fact: the page's own policy stops it.
    String html = Files.readString(report, StandardCharsets.UTF_8)
        .replace("</body>", "<script>document.title='pwned'</script></body>");
    Path tampered = dir.resolve("run/tampered.html");
    Files.writeString(tampered, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE);
    browser.get(tampered.toUri().toString());
    try {
      assertEquals("After-action report: Timing rules", browser.getTitle());
    } finally {
      browser.get(report.toUri().toString());
    }
  }
}
