package io.keylocker.locker.keyrings;

import io.keylocker.locker.error.LockerException;
import java.time.Duration;

/**
 * How long a version stays active before the locker asks for a rotation, and the default grace
 * period between scheduling and running a destroy (docs/api.md).
 */
public record KeyringPolicy(int cryptoperiodDays, int destroyGraceDays) {
  public static final KeyringPolicy DEFAULT = new KeyringPolicy(90, 7);
  public static final int MAX_CRYPTOPERIOD_DAYS = 3650;
  public static final int MAX_GRACE_DAYS = 365;

  public KeyringPolicy {
    if (cryptoperiodDays < 1 || cryptoperiodDays > MAX_CRYPTOPERIOD_DAYS) {
      throw new LockerException.Invalid(
          "cryptoperiod_days must be between 1 and " + MAX_CRYPTOPERIOD_DAYS);
    }
    if (destroyGraceDays < 0 || destroyGraceDays > MAX_GRACE_DAYS) {
      throw new LockerException.Invalid(
          "destroy_grace_days must be between 0 and " + MAX_GRACE_DAYS);
    }
  }

  public Duration cryptoperiod() {
    return Duration.ofDays(cryptoperiodDays);
  }

  public Duration destroyGrace() {
    return Duration.ofDays(destroyGraceDays);
  }
}
