package io.keylocker.agent;

import io.keylocker.agent.control.AgentControl;
import io.keylocker.agent.control.AgentStatus;
import io.keylocker.agent.control.CreatedKey;
import io.keylocker.agent.keyring.Keyring;
import io.keylocker.agent.keys.ServedKeys.VersionInfo;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.agent.vault.DeliveryCounters;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.memory.LockedMemory;
import java.util.List;

/** {@link AgentControl} of the running daemon: keyring operations plus the status report. */
final class DaemonControl implements AgentControl {
  private final Enrollment enrollment;
  private final Keyring keyring;
  private final DeliveryCounters deliveries;
  private final VaultSettings vault;
  private final boolean coreDumpsDisabled;

  DaemonControl(
      Enrollment enrollment, Keyring keyring, DeliveryCounters deliveries, VaultSettings vault, boolean coreDumpsDisabled) {
    this.enrollment = enrollment;
    this.keyring = keyring;
    this.deliveries = deliveries;
    this.vault = vault;
    this.coreDumpsDisabled = coreDumpsDisabled;
  }

  @Override
  public void unlock(SecretBytes passphrase) {
    keyring.unlock(passphrase);
  }

  @Override
  public void lock() {
    keyring.lock();
  }

  @Override
  public CreatedKey createKey(long keyId) {
    VersionInfo created = keyring.createKey(keyId);
    return new CreatedKey(keyId, created.version(), created.createdAt().toString());
  }

  @Override
  public AgentStatus status() {
    List<AgentStatus.KeyVersions> keys = keyring.keyIds().stream()
        .flatMap(id -> keyring.history(id).stream())
        .map(h -> new AgentStatus.KeyVersions(h.keyId(), h.versions().stream().map(VersionInfo::version).toList()))
        .toList();
    List<AgentStatus.Delivery> delivered = deliveries.snapshot().stream()
        .map(d -> new AgentStatus.Delivery(d.keyId(), d.version(), d.count()))
        .toList();
    return new AgentStatus(keyring.unlocked(), enrollment.tenant(), enrollment.server(),
        enrollment.locker().toString(), vault.clientAddress(), vault.mount(), keys, delivered,
        LockedMemory.available(), coreDumpsDisabled);
  }
}
