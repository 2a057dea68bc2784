package io.keylocker.locker.usage;

import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.VersionNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether one key version is still needed by its server's database, by the rule of docs/api.md:
 * version V of key K is in use when a tablespace of K is rotating or has {@code min_key_version ≤
 * V} (0 counts as in use by everything); for K = 1 also when the redo log or a binlog file has V,
 * or when either is unknown; by the database's temporary data when V was active when the database
 * last started (or the start is unknown), until its next restart; and always while no report has
 * been received. Pure: no I/O.
 *
 * @param reported whether a report exists at all
 * @param tablespaces how many tablespaces of K may still hold pages of V
 * @param redoLog the redo log is encrypted with V (K = 1)
 * @param binlogs a binlog file is encrypted with V (K = 1)
 * @param logsUnknown the redo log or the binlogs could not be read (K = 1)
 * @param temporaryData V was active when the database last started (or that start is unknown)
 */
public record VersionUsage(
    boolean reported,
    int tablespaces,
    boolean redoLog,
    boolean binlogs,
    boolean logsUnknown,
    boolean temporaryData) {
  private static final KeyId LOG_KEY = new KeyId(1);

  public static VersionUsage of(Optional<UsageReport> report, KeyId key, KeyVersion version) {
    if (report.isEmpty()) {
      return new VersionUsage(false, 0, false, false, false, false);
    }
    UsageReport usage = report.get();
    long v = version.version().value();
    int tablespaces =
        (int)
            usage.tablespaces().stream()
                .filter(space -> space.keyId().equals(key))
                .filter(space -> space.rotating() || space.minKeyVersion() <= v)
                .count();
    boolean logKey = key.equals(LOG_KEY);
    boolean redo = logKey && usage.redoLog().map(log -> log.keyVersion() == v).orElse(false);
    boolean binlogs =
        logKey && usage.binlogs().orElse(List.of()).stream().anyMatch(log -> log.keyVersion() == v);
    boolean unknown = logKey && (usage.redoLog().isEmpty() || usage.binlogs().isEmpty());
    return new VersionUsage(
        true, tablespaces, redo, binlogs, unknown, activeAtStart(version, usage.database().startedAt()));
  }

  /** Whether V was the active version at {@code startedAt}; true when the start is unknown. */
  private static boolean activeAtStart(KeyVersion version, Optional<Instant> startedAt) {
    Optional<Instant> activated = version.dates().activatedAt();
    if (activated.isEmpty()) {
      return false;
    }
    if (startedAt.isEmpty()) {
      return true;
    }
    Instant start = startedAt.get();
    Optional<Instant> deactivated = version.dates().deactivatedAt();
    // Times are whole seconds: a deactivation in the same second as the start counts as after it.
    return !activated.get().isAfter(start) && deactivated.map(d -> !d.isBefore(start)).orElse(true);
  }

  public boolean inUse() {
    return !reported || tablespaces > 0 || byLogs() || temporaryData;
  }

  public boolean byLogs() {
    return redoLog || binlogs || logsUnknown;
  }

  /** Why V of K must not be destroyed, or empty when it is not in use. */
  public Optional<String> refusal(KeyId key, VersionNumber version) {
    String subject = "version " + version.value() + " of key " + key.value();
    if (!reported) {
      return Optional.of(
          subject + " may still be in use: the server has not reported its usage yet");
    }
    List<String> users = new ArrayList<>();
    if (tablespaces > 0) {
      users.add(tablespaces + (tablespaces == 1 ? " tablespace" : " tablespaces"));
    }
    if (redoLog) {
      users.add("the redo log");
    }
    if (binlogs) {
      users.add("binary logs");
    }
    if (logsUnknown) {
      users.add("logs whose key versions are unknown");
    }
    if (temporaryData) {
      users.add("the temporary data of the running database (until it restarts)");
    }
    return users.isEmpty()
        ? Optional.empty()
        : Optional.of(subject + " is still in use by " + String.join(" and ", users));
  }
}
