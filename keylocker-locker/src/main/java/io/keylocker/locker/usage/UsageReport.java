package io.keylocker.locker.usage;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One report of a server's database, checked against the limits of docs/api.md.
 *
 * @param redoLog the redo log's key; empty when the agent could not read it (counts as in use)
 * @param binlogs the binary log files; empty when unknown (counts as in use)
 */
public record UsageReport(
    Instant observedAt,
    Database database,
    List<Tablespace> tablespaces,
    List<String> unencrypted,
    Optional<LogKey> redoLog,
    Optional<List<Binlog>> binlogs) {
  public static final int MAX_TABLESPACES = 100_000;
  public static final int MAX_UNENCRYPTED = 100_000;
  public static final int MAX_BINLOGS = 10_000;
  public static final int MAX_NAME_LENGTH = 1024;
  public static final long MAX_KEY_VERSION = 4_294_967_295L;

  /**
   * The reporting database's product and version string, and when it started (its temporary data
   * uses the versions that were active then); empty when unknown.
   */
  public record Database(String product, String version, Optional<Instant> startedAt) {
    public Database {
      product = checkedName(product, "product");
      version = checkedName(version, "version");
    }
  }

  /** One row of {@code information_schema.INNODB_TABLESPACES_ENCRYPTION}. */
  public record Tablespace(
      String name, KeyId keyId, long minKeyVersion, long currentKeyVersion, boolean rotating) {
    public Tablespace {
      name = checkedName(name, "name");
      checkVersion(minKeyVersion, "min_key_version");
      checkVersion(currentKeyVersion, "current_key_version");
    }
  }

  /** The key id and version a log was encrypted with. */
  public record LogKey(KeyId keyId, long keyVersion) {
    public LogKey {
      checkVersion(keyVersion, "key_version");
    }
  }

  /** One binary log file and the key version in its start-encryption event. */
  public record Binlog(String file, KeyId keyId, long keyVersion) {
    public Binlog {
      file = checkedName(file, "file");
      checkVersion(keyVersion, "key_version");
    }
  }

  public UsageReport {
    tablespaces = bounded(tablespaces, MAX_TABLESPACES, "tablespaces");
    unencrypted = bounded(unencrypted, MAX_UNENCRYPTED, "unencrypted");
    unencrypted.forEach(name -> checkedName(name, "unencrypted"));
    binlogs = binlogs.map(files -> bounded(files, MAX_BINLOGS, "binlogs"));
  }

  private static <T> List<T> bounded(List<T> values, int max, String field) {
    if (values.size() > max) {
      throw new LockerException.Invalid(field + " must not hold more than " + max + " entries");
    }
    return List.copyOf(values);
  }

  private static String checkedName(String value, String field) {
    if (value.isEmpty() || value.length() > MAX_NAME_LENGTH) {
      throw new LockerException.Invalid(field + " must be 1 to " + MAX_NAME_LENGTH + " characters");
    }
    return value;
  }

  private static void checkVersion(long value, String field) {
    if (value < 0 || value > MAX_KEY_VERSION) {
      throw new LockerException.Invalid(field + " must be between 0 and " + MAX_KEY_VERSION);
    }
  }
}
