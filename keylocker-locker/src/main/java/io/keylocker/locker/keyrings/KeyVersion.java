package io.keylocker.locker.keyrings;

import java.time.Instant;
import java.util.Optional;

/**
 * One stored version of a key with its lifecycle history.
 *
 * @param wrapped the blob; empty once destroyed
 * @param compromiseReason what the admin gave when marking it compromised
 * @param destroy the pending destroy, if one is scheduled
 */
public record KeyVersion(
    VersionNumber version,
    KeyState state,
    Instant createdAt,
    Optional<WrappedKey> wrapped,
    VersionDates dates,
    Optional<String> compromiseReason,
    Optional<PendingDestroy> destroy) {

  /** When each lifecycle state was entered; empty when it never was. */
  public record VersionDates(
      Optional<Instant> activatedAt,
      Optional<Instant> deactivatedAt,
      Optional<Instant> compromisedAt,
      Optional<Instant> destroyedAt) {}

  /**
   * A scheduled destroy.
   *
   * @param blockedBy why the last attempt did not run (the version was still in use)
   */
  public record PendingDestroy(Instant due, Optional<String> blockedBy) {}
}
