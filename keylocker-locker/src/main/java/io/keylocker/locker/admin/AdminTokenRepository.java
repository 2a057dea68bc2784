package io.keylocker.locker.admin;

import java.time.Instant;

/** Storage of admin token digests (SHA-256, lower-case hex). Callers run inside a transaction. */
public interface AdminTokenRepository {
  void add(String tokenSha256, Instant createdAt);

  boolean exists(String tokenSha256);

  boolean isEmpty();
}
