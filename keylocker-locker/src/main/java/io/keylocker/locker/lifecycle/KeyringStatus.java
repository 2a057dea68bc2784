package io.keylocker.locker.lifecycle;

import io.keylocker.locker.keyrings.KeyEntry;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.Keyring;
import io.keylocker.locker.usage.ReceivedUsage;
import io.keylocker.locker.usage.UsageReport;
import io.keylocker.locker.usage.VersionUsage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A keyring as admins see it: every version with its usage by the server's latest report, each
 * key's next rotation, what the database left unencrypted, and a scheduled destroy of the whole
 * keyring (decommission).
 */
public record KeyringStatus(
    Keyring keyring,
    Optional<Instant> destroyScheduledFor,
    Optional<Instant> usageReportedAt,
    List<String> unencryptedTables,
    List<KeyStatus> keys) {

  /** A key with its next rotation: activation of its active version plus the cryptoperiod. */
  public record KeyStatus(
      KeyEntry key, Optional<Instant> nextRotationAt, List<VersionStatus> versions) {}

  public record VersionStatus(KeyVersion version, VersionUsage usage) {}

  static KeyringStatus of(
      Keyring keyring, Optional<Instant> destroyScheduledFor, Optional<ReceivedUsage> usage) {
    Optional<UsageReport> report = usage.map(ReceivedUsage::report);
    List<KeyStatus> keys =
        keyring.keys().stream()
            .map(
                key ->
                    new KeyStatus(
                        key,
                        key.active()
                            .flatMap(active -> active.dates().activatedAt())
                            .map(activated -> activated.plus(keyring.policy().cryptoperiod())),
                        key.versions().stream()
                            .map(
                                version ->
                                    new VersionStatus(
                                        version,
                                        VersionUsage.of(report, key.id(), version)))
                            .toList()))
            .toList();
    return new KeyringStatus(
        keyring,
        destroyScheduledFor,
        usage.map(ReceivedUsage::receivedAt),
        report.map(UsageReport::unencrypted).orElse(List.of()),
        keys);
  }
}
