package io.keylocker.locker.keyrings;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.locker.error.LockerException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A keyring an agent uploads once (docs/api.md): format 1, KDF parameters, a verifier of at most
 * 256 bytes, 1 to 1000 distinct keys including key 1, each with versions numbered 1..n.
 */
public record NewKeyring(int formatVersion, KdfParameters kdf, byte[] verifier, List<NewKey> keys) {
  public static final int MAX_VERIFIER_BYTES = 256;
  public static final int MAX_KEYS = 1000;

  /** One key of the upload with its versions. */
  public record NewKey(KeyId id, List<NewVersion> versions) {
    public NewKey {
      versions = List.copyOf(versions);
      if (versions.isEmpty()) {
        throw new LockerException.Invalid(
            "key_id " + id.value() + " must have at least one version");
      }
      for (int i = 0; i < versions.size(); i++) {
        if (versions.get(i).version().value() != i + 1) {
          throw new LockerException.Invalid(
              "versions of key_id " + id.value() + " must be numbered 1, 2, 3, ... in order");
        }
      }
    }
  }

  public record NewVersion(VersionNumber version, WrappedKey wrapped) {}

  public NewKeyring {
    if (formatVersion != KeyWrapper.FORMAT_VERSION) {
      throw new LockerException.Invalid("format_version must be " + KeyWrapper.FORMAT_VERSION);
    }
    if (verifier.length == 0 || verifier.length > MAX_VERIFIER_BYTES) {
      throw new LockerException.Invalid("verifier must be 1 to " + MAX_VERIFIER_BYTES + " bytes");
    }
    verifier = verifier.clone();
    keys = List.copyOf(keys);
    if (keys.size() > MAX_KEYS) {
      throw new LockerException.Invalid("keys must not hold more than " + MAX_KEYS + " keys");
    }
    Set<KeyId> seen = new HashSet<>();
    for (NewKey key : keys) {
      if (!seen.add(key.id())) {
        throw new LockerException.Invalid("key_id " + key.id().value() + " appears more than once");
      }
    }
    if (keys.stream().noneMatch(key -> key.id().value() == 1)) {
      throw new LockerException.Invalid("keys must contain key_id 1 with version 1");
    }
  }

  /**
   * KDF parameters from their parts, rejected as {@link LockerException.Invalid} when out of range.
   */
  public static KdfParameters kdf(
      String algorithm, int memoryKib, int iterations, int parallelism, byte[] salt) {
    try {
      return new KdfParameters(algorithm, memoryKib, iterations, parallelism, salt);
    } catch (IllegalArgumentException e) {
      throw new LockerException.Invalid("kdf: " + e.getMessage());
    }
  }

  @Override
  public byte[] verifier() {
    return verifier.clone();
  }
}
