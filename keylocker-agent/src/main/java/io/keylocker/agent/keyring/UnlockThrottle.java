package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down passphrase guessing: after {@value #FREE_FAILURES} consecutive failed unlocks, the
 * next attempt is refused until a delay has passed that doubles with each further failure (2 s,
 * 4 s, 8 s, … at most 10 minutes). A successful unlock resets it. Refused attempts cost no KDF run.
 */
final class UnlockThrottle {
  static final int FREE_FAILURES = 3;
  private static final Duration BASE = Duration.ofSeconds(2);
  private static final Duration MAX = Duration.ofMinutes(10);

  private final Clock clock;
  private int failures;
  private Instant notBefore = Instant.MIN;

  UnlockThrottle(Clock clock) {
    this.clock = clock;
  }

  synchronized void check() {
    Duration wait = Duration.between(clock.instant(), notBefore);
    if (wait.isPositive()) {
      long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
      throw new AgentException.Refused(
          failures + " failed unlock attempts in a row: try again in " + seconds + " seconds");
    }
  }

  synchronized int failed() {
    failures++;
    if (failures >= FREE_FAILURES) {
      int doublings = Math.min(failures - FREE_FAILURES, 20);
      Duration delay = BASE.multipliedBy(1L << doublings);
      notBefore = clock.instant().plus(delay.compareTo(MAX) > 0 ? MAX : delay);
    }
    return failures;
  }

  synchronized void succeeded() {
    failures = 0;
    notBefore = Instant.MIN;
  }
}
