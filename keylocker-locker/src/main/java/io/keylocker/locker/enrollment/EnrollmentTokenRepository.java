package io.keylocker.locker.enrollment;

import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.Optional;

/**
 * Storage of enrollment tokens by the SHA-256 (hex) of their secret. Callers run in a transaction.
 */
public interface EnrollmentTokenRepository {
  void add(ServerId server, String secretSha256, Instant createdAt, Instant expiresAt);

  Optional<StoredToken> findBySecretSha256(String secretSha256);

  void markUsed(long tokenId, Instant usedAt);

  /** Invalidates the server's tokens that were not used yet. */
  void supersedeUnused(ServerId server);
}
