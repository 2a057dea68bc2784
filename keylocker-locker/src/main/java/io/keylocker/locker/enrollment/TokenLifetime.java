package io.keylocker.locker.enrollment;

import io.keylocker.locker.error.LockerException;
import java.time.Duration;

/** How long an enrollment token stays redeemable: 60 seconds to 7 days, one day by default. */
public record TokenLifetime(long seconds) {
  public static final long MIN_SECONDS = 60;
  public static final long MAX_SECONDS = 604_800;
  public static final TokenLifetime DEFAULT = new TokenLifetime(86_400);

  public TokenLifetime {
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new LockerException.Invalid(
          "token_ttl_seconds must be between " + MIN_SECONDS + " and " + MAX_SECONDS);
    }
  }

  public Duration duration() {
    return Duration.ofSeconds(seconds);
  }
}
