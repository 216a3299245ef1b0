package dev.drill.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keyword's meaning in one paragraph, taken from docs/language.md (copied into the jar at
 * build time), so that hover says what the reference says. For a keyword, the paragraph that
 * opens with its syntax ({@code `step ID ...`}) is preferred, then its row in the metadata
 * table, then the first paragraph of the section it names.
 */
final class KeywordDocs {

  private static final Pattern BACKTICKED = Pattern.compile("`([a-z]+)`");
  private static final Pattern OPENING = Pattern.compile("^`([a-z]+)[ `\\[]");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z]+)` \\|(.*)\\|(.*)\\|(.*)\\|$");
  private static final KeywordDocs LANGUAGE = new KeywordDocs(load());

  private final Map<String, String> bySyntax = new HashMap<>();
  private final Map<String, String> byTable = new HashMap<>();
  private final Map<String, String> bySection = new HashMap<>();

  private KeywordDocs(String markdown) {
    List<String> headingWords = new ArrayList<>();
    boolean inCode = false;
    StringBuilder paragraph = new StringBuilder();
    for (String line : (markdown + "\n\n").split("\n", -1)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      if (line.isBlank() || line.startsWith("#") || line.startsWith("|")) {
        if (paragraph.length() > 0) {
          paragraph(paragraph.toString().strip(), headingWords);
          headingWords.clear();
          paragraph.setLength(0);
        }
        if (line.startsWith("#")) {
          headingWords.clear();
          Matcher words = BACKTICKED.matcher(line);
          while (words.find()) {
            headingWords.add(words.group(1));
          }
          for (String word : line.replace("#", "").toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            headingWords.add(word);
          }
        }
        Matcher row = TABLE_ROW.matcher(line);
        if (row.matches()) {
          byTable.putIfAbsent(row.group(1), "`" + row.group(1) + "` (" + row.group(2).strip() + ", default "
              + row.group(3).strip() + "): " + row.group(4).strip());
        }
        continue;
      }
      paragraph.append(line).append('\n');
    }
  }

  private void paragraph(String text, List<String> headingWords) {
    Matcher opening = OPENING.matcher(text);
    if (opening.find()) {
      bySyntax.putIfAbsent(opening.group(1), text);
    }
    headingWords.forEach(word -> bySection.putIfAbsent(word, text));
  }

  /** The paragraph explaining a keyword, in Markdown, when the reference has one. */
  static Optional<String> of(String keyword) {
    return LANGUAGE.explain(keyword);
  }

  private Optional<String> explain(String keyword) {
    if (!Vocabulary.KEYWORDS.contains(keyword)) {
      return Optional.empty();
    }
    return Optional.ofNullable(bySyntax.getOrDefault(keyword, byTable.getOrDefault(keyword, bySection.get(keyword))));
  }

  private static String load() {
    try (InputStream in = KeywordDocs.class.getResourceAsStream("language.md")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
