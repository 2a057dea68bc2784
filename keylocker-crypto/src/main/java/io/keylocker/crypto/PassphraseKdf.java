package io.keylocker.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Passphrase → 256-bit keyring KEK with Argon2id (RFC 9106, version 0x13). */
public final class PassphraseKdf {
  public static final int KEK_BYTES = 32;

  private PassphraseKdf() {}

  public static SecretBytes deriveKek(SecretBytes passphrase, KdfParameters parameters) {
    if (passphrase.length() == 0) {
      throw new IllegalArgumentException("passphrase must not be empty");
    }
    Argon2Parameters argon =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(parameters.memoryKib())
            .withIterations(parameters.iterations())
            .withParallelism(parameters.parallelism())
            .withSalt(parameters.salt())
            .build();
    return passphrase.apply(
        p -> {
          Argon2BytesGenerator generator = new Argon2BytesGenerator();
          generator.init(argon);
          byte[] out = new byte[KEK_BYTES];
          generator.generateBytes(p, out);
          return SecretBytes.takeOwnership(out);
        });
  }
}
