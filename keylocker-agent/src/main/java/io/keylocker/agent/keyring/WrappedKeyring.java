package io.keylocker.agent.keyring;

import io.keylocker.crypto.KdfParameters;
import java.util.List;

/** A keyring as the locker stores it: KDF parameters, KEK verifier and wrapped key versions. */
public record WrappedKeyring(KdfParameters kdf, byte[] verifier, List<WrappedVersion> versions) {
  public WrappedKeyring {
    verifier = verifier.clone();
    versions = List.copyOf(versions);
  }

  @Override
  public byte[] verifier() {
    return verifier.clone();
  }
}
