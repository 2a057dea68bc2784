package io.keylocker.locker.keyrings;

import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.Optional;

/** Storage of keyrings and their key versions. Callers run inside a transaction. */
public interface KeyringRepository {
  /** Stores the keyring and all its versions (state active, created now). */
  void create(ServerId server, NewKeyring keyring, Instant createdAt);

  Optional<Keyring> find(Server server);

  Optional<KeyringId> findId(ServerId server);

  /** The newest version of {@code key}, empty when the keyring has no such key. */
  Optional<VersionNumber> lastVersion(KeyringId keyring, KeyId key);

  int keyCount(KeyringId keyring);

  KeyVersion addVersion(
      KeyringId keyring, KeyId key, VersionNumber version, WrappedKey wrapped, Instant createdAt);
}
