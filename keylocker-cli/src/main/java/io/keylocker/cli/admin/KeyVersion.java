package io.keylocker.cli.admin;

/** One version of one key of a keyring, as the CLI names it in paths and messages. */
public record KeyVersion(long keyId, int version) {
  public KeyVersion {
    if (keyId < 1 || keyId > KeyNumbers.MAX_KEY_ID || version < 1) {
      throw new IllegalArgumentException("key " + keyId + " version " + version + " is out of range");
    }
  }

  /** {@code version 2 of key 1}, the locker's own wording. */
  public String describe() {
    return "version " + version + " of key " + keyId;
  }
}
