package io.keylocker.locker.servers;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.storage.Transactions;
import io.keylocker.locker.tenants.TenantName;
import io.keylocker.locker.tenants.TenantService;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Resolving servers, authenticating their agents by certificate, listing and heartbeats. */
public final class ServerService {
  private final Transactions transactions;
  private final TenantService tenants;
  private final ServerRepository servers;
  private final Clock clock;

  public ServerService(
      Transactions transactions, TenantService tenants, ServerRepository servers, Clock clock) {
    this.transactions = transactions;
    this.tenants = tenants;
    this.servers = servers;
    this.clock = clock;
  }

  /** The tenant's servers; {@link LockerException.NotFound} for an unknown tenant. */
  public List<ServerSummary> list(TenantName tenant) {
    return transactions.read(() -> servers.list(tenants.require(tenant).id()));
  }

  /** The addressed server; {@link LockerException.NotFound} for an unknown tenant or server. */
  public Server require(ServerRef ref) {
    return transactions.read(
        () -> {
          tenants.require(ref.tenant());
          return servers
              .find(ref)
              .orElseThrow(() -> new LockerException.NotFound("server '" + ref + "' not found"));
        });
  }

  /**
   * The enrolled server whose current certificate this is, read afresh on every call (no cache, so
   * a committed revocation refuses the very next request). The TLS layer has already verified the
   * chain to the locker's CA; a certificate a revocation refused is {@link
   * LockerException.Revoked}; otherwise the serial must be one recorded at enrollment and the
   * fingerprint must match that certificate, else {@link LockerException.Forbidden}.
   */
  public Server authenticateAgent(X509Certificate certificate) {
    AgentCertificate presented = AgentCertificate.of(certificate);
    return transactions.read(
        () -> {
          if (servers.isRevoked(presented)) {
            throw new LockerException.Revoked();
          }
          return servers
              .findByCertificateSerial(presented.serial())
              .filter(server -> server.state() == ServerState.ENROLLED)
              .filter(server -> holds(server, presented))
              .orElseThrow(
                  () ->
                      new LockerException.Forbidden(
                          "client certificate does not belong to an enrolled agent"));
        });
  }

  private static boolean holds(Server server, AgentCertificate presented) {
    return server
        .certificate()
        .map(current -> current.fingerprint().equals(presented.fingerprint()))
        .orElse(false);
  }

  /** Records what the agent reports; returns the locker's time. */
  public Instant heartbeat(Server server, AgentState state) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    transactions.run(() -> servers.recordHeartbeat(server.id(), state, now));
    return now;
  }
}
