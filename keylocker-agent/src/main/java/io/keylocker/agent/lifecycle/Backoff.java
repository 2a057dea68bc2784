package io.keylocker.agent.lifecycle;

import java.time.Duration;

/** Delays between attempts to reach the locker: 1 s, doubling up to 30 s; reset after a success. */
final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(30);

  private Duration next = FIRST;

  /** The delay before the next attempt; each call doubles the following one (up to {@link #MAX}). */
  synchronized Duration next() {
    Duration delay = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return delay;
  }

  synchronized void reset() {
    next = FIRST;
  }
}
