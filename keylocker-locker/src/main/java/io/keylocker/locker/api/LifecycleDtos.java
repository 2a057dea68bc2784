package io.keylocker.locker.api;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.locker.commands.AgentCommand;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.Keyring;
import io.keylocker.locker.keyrings.KeyringPolicy;
import io.keylocker.locker.lifecycle.KeyringStatus;
import io.keylocker.locker.lifecycle.LifecycleService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JSON bodies of the admin key lifecycle endpoints (docs/api.md, "Admin API additions"). */
final class LifecycleDtos {
  private LifecycleDtos() {}

  /** The keyring for admins: states, dates and usage; never salt, verifier or wrapped keys. */
  record KeyringView(
      String tenant,
      String server,
      String keyring,
      String createdAt,
      Kdf kdf,
      Policy policy,
      String destroyScheduledFor,
      String usageReportedAt,
      List<String> unencryptedTables,
      List<KeyView> keys) {
    static KeyringView of(KeyringStatus status) {
      Keyring keyring = status.keyring();
      KdfParameters kdf = keyring.kdf();
      return new KeyringView(
          keyring.owner().tenant().value(),
          keyring.owner().server().value(),
          Keyring.DEFAULT_NAME,
          keyring.createdAt().toString(),
          new Kdf(kdf.algorithm(), kdf.memoryKib(), kdf.iterations(), kdf.parallelism()),
          Policy.of(keyring.policy()),
          text(status.destroyScheduledFor()),
          text(status.usageReportedAt()),
          status.unencryptedTables(),
          status.keys().stream().map(KeyView::of).toList());
    }
  }

  record Kdf(String algorithm, int memoryKib, int iterations, int parallelism) {}

  record Policy(Integer cryptoperiodDays, Integer destroyGraceDays) {
    static Policy of(KeyringPolicy policy) {
      return new Policy(policy.cryptoperiodDays(), policy.destroyGraceDays());
    }
  }

  record KeyView(long keyId, String nextRotationAt, List<VersionView> versions) {
    static KeyView of(KeyringStatus.KeyStatus key) {
      return new KeyView(
          key.key().id().value(),
          text(key.nextRotationAt()),
          key.versions().stream().map(VersionView::of).toList());
    }
  }

  record VersionView(
      long version,
      String state,
      String createdAt,
      String activatedAt,
      String deactivatedAt,
      String compromisedAt,
      String compromiseReason,
      String destroyedAt,
      String destroyScheduledFor,
      String destroyBlocked,
      int inUseByTablespaces,
      boolean inUseByLogs,
      boolean inUseByTemporaryData) {
    static VersionView of(KeyringStatus.VersionStatus status) {
      KeyVersion version = status.version();
      KeyVersion.VersionDates dates = version.dates();
      Optional<KeyVersion.PendingDestroy> destroy = version.destroy();
      return new VersionView(
          version.version().value(),
          version.state().label(),
          version.createdAt().toString(),
          text(dates.activatedAt()),
          text(dates.deactivatedAt()),
          text(dates.compromisedAt()),
          version.compromiseReason().orElse(null),
          text(dates.destroyedAt()),
          text(destroy.map(KeyVersion.PendingDestroy::due)),
          destroy.flatMap(KeyVersion.PendingDestroy::blockedBy).orElse(null),
          status.usage().tablespaces(),
          status.usage().byLogs(),
          status.usage().temporaryData());
    }
  }

  record Rotate(Long keyId) {}

  record Commands(List<CommandRef> commands) {
    static Commands of(List<AgentCommand> commands) {
      return new Commands(commands.stream().map(CommandRef::of).toList());
    }
  }

  record CommandRef(String id, long keyId) {
    static CommandRef of(AgentCommand command) {
      return new CommandRef(command.id().toString(), command.key().map(KeyId::value).orElseThrow());
    }
  }

  record Destroy(Long graceSeconds) {}

  record DestroyScheduled(String destroyScheduledFor) {}

  record Compromise(String reason) {}

  record Compromised(
      long keyId, long version, String state, String compromisedAt, List<CommandRef> commands) {
    static Compromised of(KeyId key, LifecycleService.Compromised result) {
      KeyVersion version = result.version();
      return new Compromised(
          key.value(),
          version.version().value(),
          version.state().label(),
          text(version.dates().compromisedAt()),
          result.rotation().map(CommandRef::of).stream().toList());
    }
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
