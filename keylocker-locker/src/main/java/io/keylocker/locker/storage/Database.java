package io.keylocker.locker.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connections and transactions. Each transaction takes its own connection; the connection is bound
 * to the running code with a {@link ScopedValue}, so repositories need no connection parameter and
 * cannot be used outside a transaction by mistake.
 */
public final class Database implements Transactions {
  private static final int BUSY_TIMEOUT_MILLIS = 5_000;

  private record Current(Connection connection, boolean readOnly) {}

  private final DataSource writers;
  private final DataSource readers;
  private final ScopedValue<Current> current = ScopedValue.newInstance();

  /**
   * @param writers connections for read-write transactions
   * @param readers connections for read-only transactions (may be the same source)
   */
  private Database(DataSource writers, DataSource readers) {
    this.writers = writers;
    this.readers = readers;
  }

  /**
   * SQLite in WAL mode with foreign keys enforced and a busy timeout. Write transactions begin
   * {@code IMMEDIATE}: writers are serialized, so a check followed by an insert in one transaction
   * cannot race another writer. Read transactions begin {@code DEFERRED} and never wait for one.
   * {@code secure_delete} overwrites deleted content (a destroyed key version's blob) with zeros
   * instead of leaving it in free pages.
   */
  public static Database sqlite(Path file) {
    return new Database(
        sqlite(file, SQLiteConfig.TransactionMode.IMMEDIATE),
        sqlite(file, SQLiteConfig.TransactionMode.DEFERRED));
  }

  private static DataSource sqlite(Path file, SQLiteConfig.TransactionMode mode) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setTransactionMode(mode);
    config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return transact(writers, false, work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    return transact(readers, true, work);
  }

  /**
   * Copies every committed change from SQLite's write-ahead log into the database file and
   * truncates the log, so the previous content of deleted rows does not linger in it. Called after
   * deleting data that must be gone from disk; outside any transaction.
   */
  public void truncateLog() {
    try (Connection connection = writers.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new StorageException("cannot checkpoint the write-ahead log", e);
    }
  }

  /**
   * The connection of the transaction the caller runs in; {@code write} when it will change data.
   */
  Connection connection(boolean write) {
    if (!current.isBound()) {
      throw new IllegalStateException("database used outside a transaction");
    }
    requireWritable(write);
    return current.get().connection();
  }

  private <T> T transact(DataSource source, boolean readOnly, Supplier<T> work) {
    if (current.isBound()) {
      requireWritable(!readOnly);
      return work.get();
    }
    try (Connection connection = source.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = ScopedValue.where(current, new Current(connection, readOnly)).call(work::get);
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("database transaction failed", e);
    }
  }

  private void requireWritable(boolean write) {
    if (write && current.get().readOnly()) {
      throw new IllegalStateException("write inside a read-only transaction");
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
