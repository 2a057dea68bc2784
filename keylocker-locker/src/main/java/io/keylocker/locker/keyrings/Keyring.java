package io.keylocker.locker.keyrings;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.locker.servers.ServerRef;
import java.time.Instant;
import java.util.List;

/** A server's keyring as stored: KDF parameters, verifier, policy and key versions. */
public record Keyring(
    ServerRef owner,
    int formatVersion,
    KdfParameters kdf,
    byte[] verifier,
    Instant createdAt,
    KeyringPolicy policy,
    List<KeyEntry> keys) {
  /** The one keyring name of this slice (docs/api.md). */
  public static final String DEFAULT_NAME = "default";

  public Keyring {
    verifier = verifier.clone();
    keys = List.copyOf(keys);
  }

  @Override
  public byte[] verifier() {
    return verifier.clone();
  }
}
