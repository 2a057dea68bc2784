package io.keylocker.agent.keyring;

import io.keylocker.agent.keys.KeyState;
import io.keylocker.crypto.KdfParameters;
import java.util.List;
import java.util.Optional;

/** A keyring as the locker stores it: KDF parameters, KEK verifier and key versions (wrapped). */
public record WrappedKeyring(KdfParameters kdf, byte[] verifier, List<WrappedVersion> versions) {
  public WrappedKeyring {
    verifier = verifier.clone();
    versions = List.copyOf(versions);
  }

  @Override
  public byte[] verifier() {
    return verifier.clone();
  }

  /** The highest version number of {@code keyId} in any state (destroyed ones count); empty when unknown. */
  public Optional<Long> lastVersion(long keyId) {
    return versions.stream().filter(v -> v.keyId() == keyId).map(WrappedVersion::version).max(Long::compare);
  }

  /** The active version of {@code keyId}, if any. */
  public Optional<WrappedVersion> active(long keyId) {
    return versions.stream().filter(v -> v.keyId() == keyId && v.state() == KeyState.ACTIVE).reduce((a, b) -> b);
  }

  /** Whether {@code keyId} has {@code version} (in any state). */
  public boolean contains(long keyId, long version) {
    return versions.stream().anyMatch(v -> v.keyId() == keyId && v.version() == version);
  }
}
