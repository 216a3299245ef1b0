package dev.drill.runtime.journal;

/** Where a run's events go, in order, each as soon as it happens. */
public interface Journal extends AutoCloseable {

  void record(JournalEvent event);

  @Override
  void close();
}
