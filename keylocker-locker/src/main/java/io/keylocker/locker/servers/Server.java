package io.keylocker.locker.servers;

import java.time.Instant;
import java.util.Optional;

/** A server with its enrollment, revocation and last reported agent state. */
public record Server(
    ServerId id,
    ServerRef ref,
    ServerState state,
    Instant createdAt,
    Optional<Instant> enrolledAt,
    Optional<AgentCertificate> certificate,
    Optional<Instant> lastSeenAt,
    Optional<AgentState> agentState,
    Optional<Instant> revokedAt) {}
