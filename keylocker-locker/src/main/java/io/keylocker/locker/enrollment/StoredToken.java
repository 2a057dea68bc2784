package io.keylocker.locker.enrollment;

import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.Optional;

/** An enrollment token as stored (only its secret's digest is kept, and not even here). */
public record StoredToken(
    long id, ServerId server, Instant expiresAt, Optional<Instant> usedAt, boolean superseded) {}
