package io.keylocker.locker.enrollment;

import io.keylocker.locker.servers.ServerRef;
import java.time.Instant;

/**
 * A freshly issued enrollment token, shown once to the admin. {@code token} carries the enrollment
 * secret, so {@link #toString()} redacts it.
 */
public record IssuedToken(ServerRef server, String token, Instant expiresAt) {
  @Override
  public String toString() {
    return "IssuedToken[" + server + ", token=redacted, expiresAt=" + expiresAt + "]";
  }
}
