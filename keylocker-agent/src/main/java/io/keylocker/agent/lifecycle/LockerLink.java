package io.keylocker.agent.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the agent knows about its connection to the locker, from the command loop's polls: when the
 * locker last answered, and since when (and why) it has not. Thread-safe.
 */
public final class LockerLink {
  /** A snapshot for {@code agent status}. {@code failingSince} and {@code problem} are set together. */
  public record Status(Optional<Instant> lastContact, Optional<Instant> failingSince, Optional<String> problem) {
    public boolean reachable() {
      return failingSince.isEmpty();
    }
  }

  private final Clock clock;
  private Status status = new Status(Optional.empty(), Optional.empty(), Optional.empty());

  public LockerLink(Clock clock) {
    this.clock = clock;
  }

  synchronized void answered() {
    status = new Status(Optional.of(clock.instant()), Optional.empty(), Optional.empty());
  }

  /** The locker did not answer (or refused the agent); the first failure in a row sets the time. */
  synchronized void failed(String problem) {
    Instant since = status.failingSince().orElseGet(clock::instant);
    status = new Status(status.lastContact(), Optional.of(since), Optional.of(problem));
  }

  public synchronized Status status() {
    return status;
  }
}
