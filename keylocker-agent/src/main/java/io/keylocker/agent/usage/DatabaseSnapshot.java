package io.keylocker.agent.usage;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link DatabaseProbe} saw, unfiltered: every row of {@code
 * information_schema.INNODB_TABLESPACES_ENCRYPTION}, the InnoDB user tables whose tablespace is not
 * encrypted, the redo log header and each binary log header ({@code binlogs} empty when the list of
 * binary logs could not be obtained), and how long the server has been up (its temporary data
 * uses the key versions that were latest when it started).
 */
public record DatabaseSnapshot(
    String product,
    String version,
    long uptimeSeconds,
    List<TablespaceRow> tablespaces,
    List<String> unencrypted,
    LogEncryption redoLog,
    Optional<List<NamedLog>> binlogs) {
  public DatabaseSnapshot {
    tablespaces = List.copyOf(tablespaces);
    unencrypted = List.copyOf(unencrypted);
    binlogs = binlogs.map(List::copyOf);
  }

  /** One row of {@code INNODB_TABLESPACES_ENCRYPTION} ({@code scheme} 0 = unencrypted, 1 = encrypted). */
  public record TablespaceRow(
      String name, int scheme, long keyId, long minKeyVersion, long currentKeyVersion, boolean rotating) {}

  /** A binary log file name and what its header says. */
  public record NamedLog(String file, LogEncryption encryption) {}
}
