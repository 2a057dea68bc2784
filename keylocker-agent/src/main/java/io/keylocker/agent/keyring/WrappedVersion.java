package io.keylocker.agent.keyring;

import java.time.Instant;

/** One stored key version: its wrapped blob (safe at rest) and metadata. */
public record WrappedVersion(long keyId, long version, Instant createdAt, String state, byte[] wrapped) {
  public WrappedVersion {
    wrapped = wrapped.clone();
  }

  @Override
  public byte[] wrapped() {
    return wrapped.clone();
  }
}
