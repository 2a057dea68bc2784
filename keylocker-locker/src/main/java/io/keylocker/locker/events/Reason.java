package io.keylocker.locker.events;

import io.keylocker.locker.error.LockerException;

/** Why an operator revoked a server or marked a key compromised: 1 to 500 characters, not blank. */
public final class Reason {
  public static final int MAX_LENGTH = 500;

  private Reason() {}

  /** {@code reason} unchanged, or 400 when it is blank or too long. */
  public static String require(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > MAX_LENGTH) {
      throw new LockerException.Invalid("reason must be 1 to " + MAX_LENGTH + " characters");
    }
    return reason;
  }
}
