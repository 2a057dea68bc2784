package io.keylocker.agent;

import io.keylocker.agent.control.AgentControl;
import io.keylocker.agent.control.AgentStatus;
import io.keylocker.agent.control.CreatedKey;
import io.keylocker.agent.keyring.Keyring;
import io.keylocker.agent.keys.ServedKeys.KeyHistory;
import io.keylocker.agent.keys.ServedKeys.VersionInfo;
import io.keylocker.agent.lifecycle.CommandLoop;
import io.keylocker.agent.lifecycle.LockerLink;
import io.keylocker.agent.revocation.Revocation;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.agent.usage.UsageMonitor;
import io.keylocker.agent.vault.DeliveryCounters;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.memory.LockedMemory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link AgentControl} of the running daemon: keyring operations (an unlock also wakes the command
 * loop, so rotations left pending while locked run at once; refused for good once the locker
 * revoked this server) plus the status report.
 */
final class DaemonControl implements AgentControl {
  /** The parts of the daemon the status reports on. */
  record Parts(Enrollment enrollment, Keyring keyring, DeliveryCounters deliveries, VaultSettings vault,
      CommandLoop commands, LockerLink link, Optional<UsageMonitor> usage, Revocation revocation,
      boolean coreDumpsDisabled) {}

  private final Parts parts;

  DaemonControl(Parts parts) {
    this.parts = parts;
  }

  @Override
  public void unlock(SecretBytes passphrase) {
    parts.revocation().requireNotRevoked();
    parts.keyring().unlock(passphrase);
    parts.commands().wake();
  }

  @Override
  public void lock() {
    parts.keyring().lock();
  }

  @Override
  public CreatedKey createKey(long keyId) {
    VersionInfo created = parts.keyring().createKey(keyId);
    return new CreatedKey(keyId, created.version(), created.createdAt().toString());
  }

  @Override
  public AgentStatus status() {
    Keyring keyring = parts.keyring();
    List<AgentStatus.KeyVersions> keys = keyring.keyIds().stream()
        .flatMap(id -> keyring.history(id).stream())
        .map(DaemonControl::keyVersions)
        .toList();
    List<AgentStatus.Delivery> delivered = parts.deliveries().snapshot().stream()
        .map(d -> new AgentStatus.Delivery(d.keyId(), d.version(), d.count()))
        .toList();
    Enrollment enrollment = parts.enrollment();
    return new AgentStatus(keyring.unlocked(), enrollment.tenant(), enrollment.server(),
        enrollment.locker().toString(), lockerConnection(parts.link().status()), parts.vault().clientAddress(),
        parts.vault().mount(), keys, delivered, usageReporting(parts.usage()),
        text(parts.revocation().revokedAt()), LockedMemory.available(),
        parts.coreDumpsDisabled());
  }

  private static AgentStatus.KeyVersions keyVersions(KeyHistory history) {
    return new AgentStatus.KeyVersions(history.keyId(), history.active().map(VersionInfo::version).orElse(null),
        history.versions().stream().map(v -> new AgentStatus.VersionState(v.version(), v.state().wireName())).toList());
  }

  private static AgentStatus.LockerConnection lockerConnection(LockerLink.Status link) {
    return new AgentStatus.LockerConnection(text(link.lastContact()), text(link.failingSince()), link.problem().orElse(null));
  }

  private static AgentStatus.UsageReporting usageReporting(Optional<UsageMonitor> usage) {
    Optional<UsageMonitor.Outcome> last = usage.flatMap(UsageMonitor::last);
    return new AgentStatus.UsageReporting(usage.isPresent(), text(last.map(UsageMonitor.Outcome::at)),
        last.map(UsageMonitor.Outcome::sent).orElse(null), last.map(UsageMonitor.Outcome::message).orElse(null));
  }

  private static String text(Optional<Instant> time) {
    return time.map(Instant::toString).orElse(null);
  }
}
