package io.keylocker.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Argon2id parameters stored beside a keyring (never secret). The floor is RFC 9106's second
 * recommended option (64 MiB, t=3, p=4); the ceiling stops a hostile or corrupt record from
 * making an agent allocate unbounded memory.
 */
public record KdfParameters(String algorithm, int memoryKib, int iterations, int parallelism, byte[] salt) {
  public static final String ARGON2ID = "argon2id";
  public static final int MIN_MEMORY_KIB = 64 * 1024;
  public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
  public static final int MIN_ITERATIONS = 3;
  public static final int MAX_ITERATIONS = 64;
  public static final int MIN_PARALLELISM = 4;
  public static final int MAX_PARALLELISM = 64;
  public static final int SALT_BYTES = 16;

  public KdfParameters {
    if (!ARGON2ID.equals(algorithm)) {
      throw new IllegalArgumentException("unsupported KDF '" + algorithm + "' (expected argon2id)");
    }
    check("memory_kib", memoryKib, MIN_MEMORY_KIB, MAX_MEMORY_KIB);
    check("iterations", iterations, MIN_ITERATIONS, MAX_ITERATIONS);
    check("parallelism", parallelism, MIN_PARALLELISM, MAX_PARALLELISM);
    if (salt == null || salt.length < SALT_BYTES || salt.length > 64) {
      throw new IllegalArgumentException("salt must be 16 to 64 bytes");
    }
    salt = salt.clone();
  }

  /** The default for new keyrings, with a fresh random salt. */
  public static KdfParameters recommended(SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return new KdfParameters(ARGON2ID, MIN_MEMORY_KIB, MIN_ITERATIONS, MIN_PARALLELISM, salt);
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KdfParameters k
        && algorithm.equals(k.algorithm)
        && memoryKib == k.memoryKib
        && iterations == k.iterations
        && parallelism == k.parallelism
        && Arrays.equals(salt, k.salt);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(salt) * 31 + memoryKib;
  }

  @Override
  public String toString() {
    return "KdfParameters[" + algorithm + ", m=" + memoryKib + "KiB, t=" + iterations + ", p=" + parallelism
        + ", salt=" + HexFormat.of().formatHex(salt) + "]";
  }
}
