package io.keylocker.locker.keyrings;

import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of keyrings and their key versions. Callers run inside a transaction. */
public interface KeyringRepository {
  /** A key of a keyring, for the scheduler's queries. */
  record KeyRef(KeyringRef keyring, KeyId key) {}

  /** Stores the keyring row (default policy, no versions yet). */
  KeyringId create(ServerId server, NewKeyring keyring, Instant createdAt);

  Optional<Keyring> find(Server server);

  Optional<KeyringId> findId(ServerId server);

  /** The newest version of {@code key}, empty when the keyring has no such key. */
  Optional<VersionNumber> lastVersion(KeyringId keyring, KeyId key);

  int keyCount(KeyringId keyring);

  Optional<KeyVersion> findVersion(KeyringId keyring, KeyId key, VersionNumber version);

  Optional<KeyVersion> activeVersion(KeyringId keyring, KeyId key);

  /** Inserts a version in state active, activated at {@code createdAt}. */
  KeyVersion addVersion(
      KeyringId keyring, KeyId key, VersionNumber version, WrappedKey wrapped, Instant createdAt);

  /**
   * Stores {@code to} and the date it was entered; {@code reason} is kept for compromised.
   * Destroyed deletes the wrapped blob and clears any pending destroy. Only {@link KeyLifecycle}
   * calls this.
   */
  void changeState(
      KeyringId keyring, KeyId key, VersionNumber version, KeyState to, String reason, Instant at);

  /** Schedules a destroy at {@code due}, or cancels it when empty; clears a recorded block. */
  void scheduleDestroy(KeyringId keyring, KeyId key, VersionNumber version, Optional<Instant> due);

  /** Records why a due destroy could not run; it stays scheduled. */
  void blockDestroy(KeyringId keyring, KeyId key, VersionNumber version, String reason);

  void changePolicy(KeyringId keyring, KeyringPolicy policy);

  /** Keys whose active version is older than their keyring's cryptoperiod at {@code now}. */
  List<KeyRef> activePastCryptoperiod(Instant now);

  /** Versions with a destroy due at or before {@code now}, each with its key. */
  List<Scheduled> destroysDue(Instant now);

  /** The key versions of a keyring, by key id then version. */
  List<KeyEntry> keys(KeyringId keyring);

  /** Schedules the destroy of the whole keyring at {@code due}, or cancels it when empty. */
  void scheduleKeyringDestroy(KeyringId keyring, Optional<Instant> due);

  /** When the whole keyring is scheduled to be destroyed; empty when it is not. */
  Optional<Instant> keyringDestroyDue(KeyringId keyring);

  /**
   * Keyrings whose whole-keyring destroy is due at or before {@code now} and whose server is
   * revoked (a server re-enrolled meanwhile keeps its schedule, which waits for a new revocation).
   */
  List<KeyringRef> keyringDestroysDue(Instant now);

  /** A version whose destroy is due. */
  record Scheduled(KeyRef key, VersionNumber version) {}
}
