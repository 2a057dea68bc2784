package io.keylocker.locker.lifecycle;

import io.keylocker.locker.events.Reason;
import io.keylocker.locker.commands.AgentCommand;
import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyEntry;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyLifecycle;
import io.keylocker.locker.keyrings.KeyState;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.Keyring;
import io.keylocker.locker.keyrings.KeyringId;
import io.keylocker.locker.keyrings.KeyringPolicy;
import io.keylocker.locker.keyrings.KeyringRef;
import io.keylocker.locker.keyrings.KeyringRepository;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.keyrings.VersionNumber;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.storage.Transactions;
import io.keylocker.locker.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Admin lifecycle operations on a server's keyring. Each is one transaction; commands it queues
 * wake the agent's long poll after the commit.
 */
public final class LifecycleService {

  private final Transactions transactions;
  private final ServerService servers;
  private final KeyringService keyringService;
  private final KeyringRepository keyrings;
  private final KeyLifecycle lifecycle;
  private final CommandService commands;
  private final UsageService usage;
  private final Clock clock;

  /** A version addressed by an admin, resolved inside a transaction. */
  private record Target(KeyringRef keyring, KeyId key, KeyVersion version) {
    String subject() {
      return "version " + version.version().value() + " of key " + key.value();
    }
  }

  /** The outcome of marking a version compromised. */
  public record Compromised(KeyVersion version, Optional<AgentCommand> rotation) {}

  public LifecycleService(
      Transactions transactions,
      ServerService servers,
      KeyringService keyringService,
      KeyringRepository keyrings,
      KeyLifecycle lifecycle,
      CommandService commands,
      UsageService usage,
      Clock clock) {
    this.transactions = transactions;
    this.servers = servers;
    this.keyringService = keyringService;
    this.keyrings = keyrings;
    this.lifecycle = lifecycle;
    this.commands = commands;
    this.usage = usage;
    this.clock = clock;
  }

  /** The keyring with states, usage and next rotations; 404 without server or keyring. */
  public KeyringStatus status(ServerRef ref) {
    return transactions.read(
        () -> {
          Server server = servers.require(ref);
          Keyring keyring = keyringService.require(server);
          Optional<Instant> keyringDestroy =
              keyrings.keyringDestroyDue(keyrings.findId(server.id()).orElseThrow());
          return KeyringStatus.of(keyring, keyringDestroy, usage.latest(server.id()));
        });
  }

  /** Asks the agent to rotate {@code key}, or every key; a pending rotation is reused. */
  public List<AgentCommand> rotate(ServerRef ref, Optional<KeyId> key) {
    Server server = servers.require(ref);
    List<AgentCommand> queued =
        transactions.inTransaction(
            () -> {
              Keyring keyring = keyringService.require(server);
              List<KeyId> ids = keyring.keys().stream().map(KeyEntry::id).toList();
              if (key.isPresent() && !ids.contains(key.get())) {
                throw new LockerException.NotFound("key " + key.get().value() + " not found");
              }
              return key.map(List::of).orElse(ids).stream()
                  .map(id -> commands.queueRotate(server.id(), id))
                  .toList();
            });
    commands.wake(server.id());
    return queued;
  }

  /**
   * Schedules the destroy of a version after {@code grace} (default: the policy's). Refused for the
   * active version, a destroyed or already scheduled one, and one still in use.
   */
  public Instant scheduleDestroy(
      ServerRef ref, KeyId key, VersionNumber version, Optional<Duration> grace) {
    return transactions.inTransaction(
        () -> {
          Target target = locate(ref, key, version);
          KeyState state = target.version().state();
          if (state == KeyState.ACTIVE) {
            throw conflict(target, " is active; rotate the key first");
          }
          if (state == KeyState.DESTROYED) {
            throw conflict(target, " is already destroyed");
          }
          Optional<KeyVersion.PendingDestroy> pending = target.version().destroy();
          if (pending.isPresent()) {
            throw conflict(
                target, " is already scheduled for destruction at " + pending.get().due());
          }
          Optional<String> refusal =
              usage.usage(target.keyring().server(), key, target.version()).refusal(key, version);
          if (refusal.isPresent()) {
            throw new LockerException.Conflict(refusal.get());
          }
          Instant due = now().plus(grace.orElseGet(() -> policy(target).destroyGrace()));
          keyrings.scheduleDestroy(target.keyring().id(), key, version, Optional.of(due));
          return due;
        });
  }

  /** Cancels a scheduled destroy that has not run. */
  public void cancelDestroy(ServerRef ref, KeyId key, VersionNumber version) {
    transactions.run(
        () -> {
          Target target = locate(ref, key, version);
          if (target.version().state() == KeyState.DESTROYED) {
            throw conflict(target, " is already destroyed");
          }
          if (target.version().destroy().isEmpty()) {
            throw conflict(target, " has no scheduled destroy");
          }
          keyrings.scheduleDestroy(target.keyring().id(), key, version, Optional.empty());
        });
  }

  /**
   * Schedules the destroy of every version of every key of the keyring, active ones included,
   * after {@code grace} (default: the policy's). This is decommissioning: usage reports are not
   * consulted, the database loses its data. Refused unless the server is revoked, so that no
   * running agent keeps using the keyring, when already scheduled, and when nothing is left.
   */
  public Instant scheduleKeyringDestroy(ServerRef ref, Optional<Duration> grace) {
    return transactions.inTransaction(
        () -> {
          Server server = servers.require(ref);
          if (server.revokedAt().isEmpty()) {
            throw new LockerException.Conflict(
                "revoke the server first: a keyring is destroyed only for a decommissioned server");
          }
          Keyring keyring = keyringService.require(server);
          KeyringId id = keyrings.findId(server.id()).orElseThrow();
          Optional<Instant> pending = keyrings.keyringDestroyDue(id);
          if (pending.isPresent()) {
            throw new LockerException.Conflict(
                "the keyring of '" + ref + "' is already scheduled for destruction at "
                    + pending.get());
          }
          boolean nothingLeft =
              keyring.keys().stream()
                  .flatMap(key -> key.versions().stream())
                  .allMatch(version -> version.state() == KeyState.DESTROYED);
          if (nothingLeft) {
            throw new LockerException.Conflict(
                "every version of the keyring of '" + ref + "' is already destroyed");
          }
          Instant due = now().plus(grace.orElseGet(() -> keyring.policy().destroyGrace()));
          keyrings.scheduleKeyringDestroy(id, Optional.of(due));
          return due;
        });
  }

  /** Cancels a scheduled destroy of the whole keyring that has not run. */
  public void cancelKeyringDestroy(ServerRef ref) {
    transactions.run(
        () -> {
          Server server = servers.require(ref);
          keyringService.require(server);
          KeyringId id = keyrings.findId(server.id()).orElseThrow();
          if (keyrings.keyringDestroyDue(id).isEmpty()) {
            throw new LockerException.Conflict(
                "the keyring of '" + ref + "' has no scheduled destroy");
          }
          keyrings.scheduleKeyringDestroy(id, Optional.empty());
        });
  }

  /**
   * Marks a version compromised; the agent is told to refresh and, when it was the active version,
   * to rotate the key.
   */
  public Compromised compromise(ServerRef ref, KeyId key, VersionNumber version, String reason) {
    Reason.require(reason);
    Server server = servers.require(ref);
    Compromised result =
        transactions.inTransaction(
            () -> {
              Target current = locate(ref, key, version);
              lifecycle.move(
                  current.keyring(), key, current.version(), KeyState.COMPROMISED, reason, now());
              Optional<AgentCommand> rotation =
                  current.version().state() == KeyState.ACTIVE
                      ? Optional.of(commands.queueRotate(current.keyring().server(), key))
                      : Optional.empty();
              commands.queueRefresh(current.keyring().server());
              KeyVersion changed =
                  keyrings.findVersion(current.keyring().id(), key, version).orElseThrow();
              return new Compromised(changed, rotation);
            });
    commands.wake(server.id());
    return result;
  }

  /** Changes the policy; absent values stay as they are. */
  public KeyringPolicy changePolicy(
      ServerRef ref, Optional<Integer> cryptoperiodDays, Optional<Integer> destroyGraceDays) {
    return transactions.inTransaction(
        () -> {
          Server server = servers.require(ref);
          KeyringPolicy current = keyringService.require(server).policy();
          KeyringPolicy changed =
              new KeyringPolicy(
                  cryptoperiodDays.orElse(current.cryptoperiodDays()),
                  destroyGraceDays.orElse(current.destroyGraceDays()));
          keyrings.changePolicy(keyrings.findId(server.id()).orElseThrow(), changed);
          return changed;
        });
  }

  private Target locate(ServerRef ref, KeyId key, VersionNumber version) {
    Server server = servers.require(ref);
    KeyringRef keyring =
        KeyringRef.of(
            keyrings
                .findId(server.id())
                .orElseThrow(
                    () -> new LockerException.NotFound("server '" + ref + "' has no keyring yet")),
            server);
    KeyVersion found =
        keyrings
            .findVersion(keyring.id(), key, version)
            .orElseThrow(
                () ->
                    new LockerException.NotFound(
                        "version " + version.value() + " of key " + key.value() + " not found"));
    return new Target(keyring, key, found);
  }

  private KeyringPolicy policy(Target target) {
    return keyringService.require(servers.require(target.keyring().owner())).policy();
  }

  private static LockerException.Conflict conflict(Target target, String what) {
    return new LockerException.Conflict(target.subject() + what);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
