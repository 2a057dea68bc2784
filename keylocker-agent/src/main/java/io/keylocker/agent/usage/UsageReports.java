package io.keylocker.agent.usage;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.usage.DatabaseSnapshot.NamedLog;
import io.keylocker.agent.usage.DatabaseSnapshot.TablespaceRow;
import io.keylocker.agent.usage.UsageReport.BinlogKey;
import io.keylocker.agent.usage.UsageReport.LogKey;
import io.keylocker.agent.usage.UsageReport.TablespaceUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the report from a snapshot (a pure function). Rules, so that the locker's "in use" test
 * (docs/api.md) never misses a version that is still needed:
 *
 * <ul>
 *   <li>tablespaces: every encrypted row (scheme 1) and every row that is rotating or flushing;
 *       unencrypted, idle rows need no key (they would otherwise pin every version of their key
 *       id through {@code min_key_version} 0);
 *   <li>redo log: its key when encrypted; unknown (empty) when unreadable or not encrypted;
 *   <li>binary logs: the encrypted files with their keys, plain files left out; unknown as a whole
 *       when the list or any file could not be read, or when there are more than {@value
 *       UsageReport#MAX_BINLOGS}.
 * </ul>
 *
 * More than {@value UsageReport#MAX_TABLESPACES} tablespaces cannot be reported truthfully, so
 * that is refused rather than truncated. The list of unencrypted tables only informs the operator
 * and uses no key: it is sorted and cut at {@value UsageReport#MAX_UNENCRYPTED} names.
 */
public final class UsageReports {
  private UsageReports() {}

  public static UsageReport build(Instant observedAt, DatabaseSnapshot snapshot) {
    List<TablespaceUse> tablespaces = new ArrayList<>();
    for (TablespaceRow row : snapshot.tablespaces()) {
      if (row.scheme() != 0 || row.rotating()) {
        tablespaces.add(new TablespaceUse(
            row.name(), row.keyId(), row.minKeyVersion(), row.currentKeyVersion(), row.rotating()));
      }
    }
    if (tablespaces.size() > UsageReport.MAX_TABLESPACES) {
      throw new AgentException.Refused("the database has " + tablespaces.size()
          + " encrypted tablespaces, more than a report may hold (" + UsageReport.MAX_TABLESPACES + ")");
    }
    return new UsageReport(observedAt, snapshot.product(), snapshot.version(),
        observedAt.minusSeconds(snapshot.uptimeSeconds()), tablespaces,
        snapshot.unencrypted().stream().sorted().limit(UsageReport.MAX_UNENCRYPTED).toList(), redoLog(snapshot.redoLog()),
        snapshot.binlogs().flatMap(UsageReports::binlogs));
  }

  private static Optional<LogKey> redoLog(LogEncryption header) {
    return header instanceof LogEncryption.Encrypted e ? Optional.of(new LogKey(e.keyId(), e.keyVersion())) : Optional.empty();
  }

  private static Optional<List<BinlogKey>> binlogs(List<NamedLog> logs) {
    if (logs.size() > UsageReport.MAX_BINLOGS) {
      return Optional.empty();
    }
    List<BinlogKey> keys = new ArrayList<>();
    for (NamedLog log : logs) {
      switch (log.encryption()) {
        case LogEncryption.Encrypted e -> keys.add(new BinlogKey(log.file(), e.keyId(), e.keyVersion()));
        case LogEncryption.Plain _ -> { }
        case LogEncryption.Unreadable _ -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(keys);
  }
}
