package io.keylocker.locker.keyrings;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A server's keyring: its agent reads it, creates it once and adds key versions; admins read its
 * metadata. Every write is one transaction.
 */
public final class KeyringService {
  private final Transactions transactions;
  private final ServerService servers;
  private final KeyringRepository keyrings;
  private final Clock clock;

  public KeyringService(
      Transactions transactions, ServerService servers, KeyringRepository keyrings, Clock clock) {
    this.transactions = transactions;
    this.servers = servers;
    this.keyrings = keyrings;
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

  /** Stores the keyring with all its versions; {@link LockerException.Conflict} when it exists. */
  public Keyring create(Server agent, NewKeyring keyring) {
    return transactions.inTransaction(
        () -> {
          if (keyrings.findId(agent.id()).isPresent()) {
            throw new LockerException.Conflict("keyring already exists");
          }
          keyrings.create(agent.id(), keyring, now());
          return keyrings.find(agent).orElseThrow();
        });
  }

  /**
   * Adds the next version of a key (version 1 starts a new key id). {@link
   * LockerException.Conflict} unless {@code version} is exactly the last version + 1, or when a new
   * key would exceed {@link NewKeyring#MAX_KEYS}.
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
          return keyrings.addVersion(keyring, key, version, wrapped, now());
        });
  }

  /** The keyring of an addressed server, for admins; 404 for an unknown server or no keyring. */
  public Keyring metadata(ServerRef ref) {
    return transactions.read(
        () -> {
          Server server = servers.require(ref);
          return keyrings
              .find(server)
              .orElseThrow(
                  () -> new LockerException.NotFound("server '" + ref + "' has no keyring yet"));
        });
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
