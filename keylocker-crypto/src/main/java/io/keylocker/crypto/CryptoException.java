package io.keylocker.crypto;

/**
 * A cryptographic operation failed. The message is deliberately bland and identical for every
 * cause (wrong key, tampered blob, wrong context) so that it leaks nothing.
 */
public final class CryptoException extends Exception {
  public CryptoException() {
    super("cryptographic verification failed");
  }
}
