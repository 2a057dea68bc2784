package io.keylocker.agent.keys;

import io.keylocker.crypto.SecretBytes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the database-facing edges (Vault KV v2 now, KMIP and key files later) may see: the unwrapped
 * key versions of the unlocked keyring. Implemented by the agent's unlock state; edges never see
 * the KEK or wrapped blobs.
 */
public interface ServedKeys {
  /** False while the agent is locked: edges answer with their "sealed" error. */
  boolean unlocked();

  /** The active version of a key id; empty when the id is unknown, has no active version, or locked. */
  Optional<ServedKey> latest(long keyId);

  /** A given version if {@link KeyState#servedByVersion()}; empty when unknown, not servable, or locked. */
  Optional<ServedKey> version(long keyId, long version);

  /**
   * Metadata of every version of a key id, destroyed ones included (for Vault metadata reads);
   * empty when unknown.
   */
  Optional<KeyHistory> history(long keyId);

  /** All key ids, ascending (for Vault LIST). Empty when locked. */
  List<Long> keyIds();

  /**
   * Runs {@code reading} while the keys cannot be locked: a concurrent lock waits until it returns,
   * so {@link ServedKey#material()} read inside is never wiped underneath. Edges render each
   * response inside one such call; keep it short (no I/O).
   */
  <T> T whileHeld(Supplier<T> reading);

  /**
   * One key version as served. {@code material} stays owned by the agent's key state and is
   * wiped on lock: edges read it only inside {@link #whileHeld} and never close it.
   */
  record ServedKey(long keyId, long version, Instant createdAt, SecretBytes material) {}

  /** Versions of one key id, ascending, with their creation times and states. */
  record KeyHistory(long keyId, List<VersionInfo> versions) {
    public KeyHistory {
      versions = List.copyOf(versions);
    }

    /** The active version, if there is one (at most one per key id). */
    public Optional<VersionInfo> active() {
      return versions.stream().filter(v -> v.state() == KeyState.ACTIVE).reduce((a, b) -> b);
    }
  }

  record VersionInfo(long version, Instant createdAt, KeyState state) {}
}
