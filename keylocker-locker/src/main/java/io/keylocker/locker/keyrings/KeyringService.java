package io.keylocker.locker.keyrings;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A server's keyring: its agent reads it, creates it once and adds key versions; admins read it.
 * Every write is one transaction; every state change goes through {@link KeyLifecycle}.
 */
public final class KeyringService {
  private final Transactions transactions;
  private final KeyringRepository keyrings;
  private final KeyLifecycle lifecycle;
  private final PendingRotations rotations;
  private final Clock clock;

  public KeyringService(
      Transactions transactions,
      KeyringRepository keyrings,
      KeyLifecycle lifecycle,
      PendingRotations rotations,
      Clock clock) {
    this.transactions = transactions;
    this.keyrings = keyrings;
    this.lifecycle = lifecycle;
    this.rotations = rotations;
    this.clock = clock;
  }

  /** The agent's keyring; {@link LockerException.NotFound} before it was created. */
  public Keyring get(Server agent) {
    return transactions.read(
        () ->
            keyrings
                .find(agent)
                .orElseThrow(() -> new LockerException.NotFound("keyring not initialized")));
  }

  /**
   * Stores the keyring with all its versions; the newest version of each key is active, older ones
   * deactivated. {@link LockerException.Conflict} when it exists.
   */
  public Keyring create(Server agent, NewKeyring keyring) {
    return transactions.inTransaction(
        () -> {
          if (keyrings.findId(agent.id()).isPresent()) {
            throw new LockerException.Conflict("keyring already exists");
          }
          Instant now = now();
          KeyringRef ref = KeyringRef.of(keyrings.create(agent.id(), keyring, now), agent);
          for (NewKeyring.NewKey key : keyring.keys()) {
            for (NewKeyring.NewVersion version : key.versions()) {
              lifecycle.activateNew(ref, key.id(), version.version(), version.wrapped(), now);
            }
          }
          return keyrings.find(agent).orElseThrow();
        });
  }

  /**
   * Adds the next version of a key (version 1 starts a new key id) as its active version; in the
   * same transaction the previous active version becomes deactivated and pending rotations of the
   * key are fulfilled. {@link LockerException.Conflict} unless {@code version} is exactly the last
   * version + 1, or when a new key would exceed {@link NewKeyring#MAX_KEYS}.
   */
  public KeyVersion addVersion(Server agent, KeyId key, VersionNumber version, WrappedKey wrapped) {
    return transactions.inTransaction(
        () -> {
          KeyringId keyring =
              keyrings
                  .findId(agent.id())
                  .orElseThrow(() -> new LockerException.NotFound("keyring not initialized"));
          VersionNumber expected =
              keyrings
                  .lastVersion(keyring, key)
                  .map(VersionNumber::next)
                  .orElse(VersionNumber.FIRST);
          if (!expected.equals(version)) {
            throw new LockerException.Conflict(
                "next version of key_id " + key.value() + " must be " + expected.value());
          }
          if (expected.equals(VersionNumber.FIRST)
              && keyrings.keyCount(keyring) >= NewKeyring.MAX_KEYS) {
            throw new LockerException.Conflict(
                "keyring already holds " + NewKeyring.MAX_KEYS + " keys");
          }
          Instant now = now();
          KeyVersion added =
              lifecycle.activateNew(KeyringRef.of(keyring, agent), key, version, wrapped, now);
          rotations.fulfil(agent.id(), key, version, now);
          return added;
        });
  }

  /** The server's keyring inside the caller's transaction; 404 when it has none. */
  public Keyring require(Server server) {
    return keyrings
        .find(server)
        .orElseThrow(
            () -> new LockerException.NotFound("server '" + server.ref() + "' has no keyring yet"));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
