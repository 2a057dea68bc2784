package io.keylocker.locker.keyrings;

import io.keylocker.locker.error.LockerException;

/** A key version number: 1 to 2^31-1, consecutive per key. */
public record VersionNumber(long value) {
  public static final VersionNumber FIRST = new VersionNumber(1);

  public VersionNumber {
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new LockerException.Invalid("version must be between 1 and " + Integer.MAX_VALUE);
    }
  }

  /** The version after this one. */
  public VersionNumber next() {
    return new VersionNumber(value + 1);
  }
}
