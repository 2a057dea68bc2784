package io.keylocker.locker.keyrings;

import io.keylocker.crypto.KeyWrapper;
import io.keylocker.locker.error.LockerException;
import java.util.Arrays;

/**
 * A key version wrapped by the agent ({@link KeyWrapper} format 1). Opaque to the locker: only its
 * size and format byte are checked. Not secret, but never put into messages or logs.
 */
public record WrappedKey(byte[] bytes) {
  public WrappedKey {
    if (bytes.length == 0 || bytes.length > KeyWrapper.MAX_BLOB) {
      throw new LockerException.Invalid(
          "wrapped key must be 1 to " + KeyWrapper.MAX_BLOB + " bytes");
    }
    if (bytes[0] != KeyWrapper.FORMAT_VERSION) {
      throw new LockerException.Invalid(
          "wrapped key is not in key wrapper format " + KeyWrapper.FORMAT_VERSION);
    }
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WrappedKey w && Arrays.equals(bytes, w.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "WrappedKey[" + bytes.length + " bytes]";
  }
}
