package io.keylocker.locker.api;

import io.keylocker.locker.enrollment.IssuedToken;
import io.keylocker.locker.enrollment.TokenLifetime;
import io.keylocker.locker.servers.AgentCertificate;
import io.keylocker.locker.servers.AgentState;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerSummary;
import io.keylocker.locker.tenants.Tenant;
import io.keylocker.locker.tenants.TenantSummary;
import java.time.Instant;
import java.util.List;

/** JSON bodies of the admin API (docs/api.md); names are snake_case on the wire. */
final class AdminDtos {
  private AdminDtos() {}

  record CreateTenant(String name) {}

  record TenantCreated(String name, String createdAt) {
    static TenantCreated of(Tenant tenant) {
      return new TenantCreated(tenant.name().value(), tenant.createdAt().toString());
    }
  }

  record Tenants(List<TenantItem> tenants) {
    static Tenants of(List<TenantSummary> summaries) {
      return new Tenants(summaries.stream().map(TenantItem::of).toList());
    }
  }

  record TenantItem(String name, String createdAt, int servers) {
    static TenantItem of(TenantSummary summary) {
      Tenant tenant = summary.tenant();
      return new TenantItem(
          tenant.name().value(), tenant.createdAt().toString(), summary.servers());
    }
  }

  record AddServer(String name, Long tokenTtlSeconds) {}

  record ReissueToken(Long tokenTtlSeconds) {}

  static TokenLifetime lifetime(Long tokenTtlSeconds) {
    return tokenTtlSeconds == null ? TokenLifetime.DEFAULT : new TokenLifetime(tokenTtlSeconds);
  }

  record EnrollmentToken(String tenant, String server, String enrollmentToken, String expiresAt) {
    static EnrollmentToken of(IssuedToken issued) {
      return new EnrollmentToken(
          issued.server().tenant().value(),
          issued.server().server().value(),
          issued.token(),
          issued.expiresAt().toString());
    }

    @Override
    public String toString() {
      return "EnrollmentToken[" + tenant + "/" + server + ", redacted]";
    }
  }

  record Servers(List<ServerItem> servers) {
    static Servers of(List<ServerSummary> summaries) {
      return new Servers(summaries.stream().map(ServerItem::of).toList());
    }
  }

  record ServerItem(
      String name,
      String state,
      String createdAt,
      String enrolledAt,
      String certificateFingerprint,
      String certificateExpiresAt,
      String lastSeenAt,
      String agentState,
      String revokedAt,
      KeyringCounts keyring) {
    static ServerItem of(ServerSummary summary) {
      Server server = summary.server();
      return new ServerItem(
          server.ref().server().value(),
          server.state().label(),
          server.createdAt().toString(),
          server.enrolledAt().map(Instant::toString).orElse(null),
          server.certificate().map(AgentCertificate::fingerprint).orElse(null),
          server.certificate().map(certificate -> certificate.expiresAt().toString()).orElse(null),
          server.lastSeenAt().map(Instant::toString).orElse(null),
          server.agentState().map(AgentState::label).orElse(null),
          server.revokedAt().map(Instant::toString).orElse(null),
          new KeyringCounts(summary.keyringInitialized(), summary.keys(), summary.versions()));
    }
  }

  record Revoke(String reason) {}

  record Revoked(String server, String state, String revokedAt) {
    static Revoked of(Server server) {
      return new Revoked(
          server.ref().server().value(),
          server.state().label(),
          server.revokedAt().map(Instant::toString).orElseThrow());
    }
  }

  record KeyringCounts(boolean initialized, int keys, int versions) {}
}
