package dev.drill.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.drill.runtime.journal.JournalReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows a journal file as the run (or {@code drill note}, or the board's own form) appends
 * to it: looks at its size and time every {@link #LOOK_EVERY}, and when they changed reads it
 * again and publishes the state. Reading it whole is cheap (a journal is some hundred lines)
 * and forgives what a tail would have to: a line cut short, a second writer.
 */
final class JournalFollower {

  static final Duration LOOK_EVERY = Duration.ofMillis(200);

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module());

  private final BoardFeed feed;
  private volatile Optional<Path> journal = Optional.empty();
  private Optional<String> seen = Optional.empty();
  private final Thread thread;

  JournalFollower(BoardFeed feed) {
    this.feed = feed;
    this.thread = new Thread(this::follow, "drill-board-follower");
    thread.setDaemon(true);
    feed.publish(json(BoardReading.of(List.of(), Instant.now())));
  }

  void start(Path file) {
    journal = Optional.of(file);
    if (!thread.isAlive()) {
      thread.start();
    }
  }

  Optional<Path> journal() {
    return journal;
  }

  /** Stops following, after one last look: the final state is published when this returns. */
  void stop() {
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    look();
  }

  private void follow() {
    while (!Thread.currentThread().isInterrupted()) {
      look();
      try {
        Thread.sleep(LOOK_EVERY.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void look() {
    if (journal.isEmpty()) {
      return;
    }
    Path file = journal.get();
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      String stamp = attributes.size() + "@" + attributes.lastModifiedTime().toMillis();
      if (seen.equals(Optional.of(stamp))) {
        return;
      }
      seen = Optional.of(stamp);
      feed.publish(json(BoardReading.of(JournalReader.read(file).events(), Instant.now())));
    } catch (NoSuchFileException e) {
      // Not written yet: the run creates it as it starts.
    } catch (IOException e) {
      // Unreadable for a moment (a rotation, a permission change): the next look tries again.
    }
  }

  private static String json(BoardState state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
