package io.keylocker.agent.keyring;

import io.keylocker.crypto.KdfParameters;
import java.time.Instant;

/**
 * Where wrapped keyrings live: the locker (with the agent's local cache of the last copy). Only
 * wrapped blobs, KDF parameters and verifiers cross this port.
 */
public interface KeyringStore {
  /**
   * The stored keyring, from the locker, or from the local cache when the locker is unreachable.
   * Throws {@code NotFound} when no keyring exists.
   */
  WrappedKeyring load();

  /**
   * The stored keyring from the locker only (never the cache), which then replaces the cache.
   * {@code Unreachable} when the locker cannot be reached.
   */
  WrappedKeyring refresh();

  /** Stores a new keyring holding key 1 version 1; {@code Refused} when one exists. */
  void create(KdfParameters kdf, byte[] verifier, byte[] firstKeyWrapped);

  /** Adds a key version; returns its creation time. {@code Refused} when the version exists. */
  Instant addVersion(long keyId, long version, byte[] wrapped);

  /** Tells the locker whether the agent is unlocked. Best effort: never throws, may not block. */
  void reportState(boolean unlocked);
}
