package io.keylocker.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Tells a right KEK from a wrong one without revealing anything to whoever stores the blob: the
 * blob is the AEAD wrap of a fixed label under the KEK, bound to tenant and keyring. A wrong KEK
 * (or a blob from another keyring) fails authentication.
 */
public final class KekVerifier {
  private static final byte[] LABEL = "keylocker kek verifier v1".getBytes(StandardCharsets.US_ASCII);

  private final KeyWrapper wrapper;

  public KekVerifier(KeyWrapper wrapper) {
    this.wrapper = wrapper;
  }

  public byte[] create(SecretBytes kek, String tenant, String keyring) {
    try (SecretBytes label = SecretBytes.copyOf(LABEL)) {
      return wrapper.wrap(kek, label, WrapContext.verifier(tenant, keyring));
    }
  }

  public boolean matches(SecretBytes kek, byte[] verifier, String tenant, String keyring) {
    try (SecretBytes opened = wrapper.unwrap(kek, verifier, WrapContext.verifier(tenant, keyring))) {
      return opened.contentEquals(LABEL);
    } catch (CryptoException e) {
      return false;
    }
  }
}
