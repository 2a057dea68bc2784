package io.keylocker.agent.keyring;

import io.keylocker.agent.keys.KeyState;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored key version: its metadata and its wrapped blob (safe at rest), which a destroyed
 * version no longer has. A blob the locker still sends for a destroyed version is dropped here, so
 * it is never unwrapped.
 */
public final class WrappedVersion {
  private final long keyId;
  private final long version;
  private final Instant createdAt;
  private final KeyState state;
  private final byte[] wrapped;

  /** {@code wrapped} may be null only for a destroyed version. */
  public WrappedVersion(long keyId, long version, Instant createdAt, KeyState state, byte[] wrapped) {
    if (wrapped == null && state != KeyState.DESTROYED) {
      throw new IllegalArgumentException("key " + keyId + " version " + version + " (" + state + ") has no wrapped key");
    }
    this.keyId = keyId;
    this.version = version;
    this.createdAt = createdAt;
    this.state = state;
    this.wrapped = state == KeyState.DESTROYED ? null : wrapped.clone();
  }

  public long keyId() {
    return keyId;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public KeyState state() {
    return state;
  }

  /** The wrapped key; empty for a destroyed version. */
  public Optional<byte[]> wrapped() {
    return Optional.ofNullable(wrapped).map(byte[]::clone);
  }
}
