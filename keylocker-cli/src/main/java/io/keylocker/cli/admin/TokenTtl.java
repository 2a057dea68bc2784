package io.keylocker.cli.admin;

import java.time.Duration;

/**
 * {@code --token-ttl}: a whole number with a unit, {@code 90s}, {@code 30m}, {@code 24h} or
 * {@code 7d}. The locker enforces the allowed range (60 s to 7 days) and answers 400 outside it.
 */
public final class TokenTtl extends DurationOption {
  public TokenTtl() {
    super("24h", Duration.ZERO, Duration.ofDays(9_999_999), false);
  }
}
