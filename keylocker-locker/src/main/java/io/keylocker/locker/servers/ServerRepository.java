package io.keylocker.locker.servers;

import io.keylocker.locker.tenants.TenantId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of servers. Callers run inside a transaction. */
public interface ServerRepository {
  Server create(TenantId tenant, ServerRef ref, Instant createdAt);

  Optional<Server> find(ServerRef ref);

  Optional<Server> find(ServerId id);

  Optional<Server> findByCertificateSerial(BigInteger serial);

  /** The tenant's servers by name, with keyring counts. */
  List<ServerSummary> list(TenantId tenant);

  void markEnrolled(ServerId id, AgentCertificate certificate, Instant enrolledAt);

  /**
   * Marks the server revoked and its current certificate (if any) refused for ever; the reason is
   * kept with the server.
   */
  void markRevoked(Server server, Instant revokedAt, String reason);

  /** Whether a revocation refused this certificate (for ever, whatever the server does later). */
  boolean isRevoked(AgentCertificate certificate);

  /** Back to pending for a new enrollment: certificate, enrollment and revocation are cleared. */
  void markPending(ServerId id);

  void recordHeartbeat(ServerId id, AgentState state, Instant seenAt);
}
