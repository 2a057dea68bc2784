package io.keylocker.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps secrets under a 256-bit KEK with AES-256-GCM. Blob format (version 1): {@code 0x01 ||
 * nonce(12) || ciphertext || tag(16)}; the associated data is the {@link WrapContext} encoding with
 * the format version, so the version byte is authenticated too. Nonces are random: at most 2^32
 * wraps per KEK stay well inside the GCM bound, far above any keyring's number of key versions.
 */
public final class KeyWrapper {
  public static final int FORMAT_VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEK_BYTES = 32;
  /** Largest secret we ever wrap; bounds the blob size a caller must accept. */
  public static final int MAX_PLAINTEXT = 4096;

  public static final int MAX_BLOB = 1 + NONCE_BYTES + MAX_PLAINTEXT + TAG_BITS / 8;

  private final SecureRandom random;

  public KeyWrapper(SecureRandom random) {
    this.random = random;
  }

  public byte[] wrap(SecretBytes kek, SecretBytes plaintext, WrapContext context) {
    requireKek(kek);
    if (plaintext.length() > MAX_PLAINTEXT) {
      throw new IllegalArgumentException("secret too large to wrap");
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] aad = context.associatedData(FORMAT_VERSION);
    byte[] sealed =
        kek.apply(
            k ->
                plaintext.apply(
                    p -> {
                      try {
                        Cipher cipher = cipher(Cipher.ENCRYPT_MODE, k, nonce);
                        cipher.updateAAD(aad);
                        return cipher.doFinal(p);
                      } catch (GeneralSecurityException e) {
                        throw new IllegalStateException("AES-GCM unavailable", e);
                      }
                    }));
    return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
        .put((byte) FORMAT_VERSION)
        .put(nonce)
        .put(sealed)
        .array();
  }

  public SecretBytes unwrap(SecretBytes kek, byte[] blob, WrapContext context) throws CryptoException {
    requireKek(kek);
    if (blob.length < 1 + NONCE_BYTES + TAG_BITS / 8 || blob.length > MAX_BLOB || blob[0] != FORMAT_VERSION) {
      throw new CryptoException();
    }
    byte[] aad = context.associatedData(FORMAT_VERSION);
    byte[] nonce = Arrays.copyOfRange(blob, 1, 1 + NONCE_BYTES);
    byte[] plain =
        kek.apply(
            k -> {
              try {
                Cipher cipher = cipher(Cipher.DECRYPT_MODE, k, nonce);
                cipher.updateAAD(aad);
                return cipher.doFinal(blob, 1 + NONCE_BYTES, blob.length - 1 - NONCE_BYTES);
              } catch (GeneralSecurityException e) {
                return null;
              }
            });
    if (plain == null) {
      throw new CryptoException();
    }
    return SecretBytes.takeOwnership(plain);
  }

  private static Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    return cipher;
  }

  private static void requireKek(SecretBytes kek) {
    if (kek.length() != KEK_BYTES) {
      throw new IllegalArgumentException("KEK must be 256 bits");
    }
  }
}
