package io.keylocker.locker.keyrings;

import io.keylocker.locker.error.LockerException;

/** A key id as MariaDB numbers them: 1 to 4294967295 (uint32). */
public record KeyId(long value) {
  public static final long MAX = 4_294_967_295L;

  public KeyId {
    if (value < 1 || value > MAX) {
      throw new LockerException.Invalid("key_id must be between 1 and " + MAX);
    }
  }
}
