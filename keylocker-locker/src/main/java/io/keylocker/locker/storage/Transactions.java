package io.keylocker.locker.storage;

import java.util.function.Supplier;

/**
 * Runs work atomically: every repository call inside {@code work} sees one consistent state and,
 * for writes, commits together. A call inside an open transaction joins it; a write inside a
 * read-only transaction is a programming error.
 */
public interface Transactions {
  /**
   * Runs {@code work} in a read-write transaction and commits when it returns; any exception rolls
   * back and propagates. Writers are serialized.
   */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code work} in a read-only transaction; readers run concurrently with each other and a
   * writer.
   */
  <T> T read(Supplier<T> work);

  /** {@link #inTransaction(Supplier)} for work without a result. */
  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
