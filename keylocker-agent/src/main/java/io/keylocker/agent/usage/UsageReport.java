package io.keylocker.agent.usage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one database instance uses, as sent to the locker (docs/api.md, "Usage reports"): the
 * encrypted (or rotating) InnoDB tablespaces with their key id and versions, the user tables that
 * are not encrypted, the redo log's key version and each binary log's. An empty {@code redoLog} or
 * {@code binlogs} means unknown, which the locker counts as "in use".
 */
public record UsageReport(
    Instant observedAt,
    String product,
    String version,
    Instant startedAt,
    List<TablespaceUse> tablespaces,
    List<String> unencrypted,
    Optional<LogKey> redoLog,
    Optional<List<BinlogKey>> binlogs) {
  public static final int MAX_TABLESPACES = 100_000;
  public static final int MAX_UNENCRYPTED = 100_000;
  public static final int MAX_BINLOGS = 10_000;

  public UsageReport {
    tablespaces = List.copyOf(tablespaces);
    unencrypted = List.copyOf(unencrypted);
    binlogs = binlogs.map(List::copyOf);
  }

  /** One tablespace's key id, the lowest version any of its pages may carry, and the latest. */
  public record TablespaceUse(String name, long keyId, long minKeyVersion, long currentKeyVersion, boolean rotating) {}

  /** The key (id and version) a log file is encrypted with. */
  public record LogKey(long keyId, long keyVersion) {}

  /** One binary log file and its key. */
  public record BinlogKey(String file, long keyId, long keyVersion) {}
}
