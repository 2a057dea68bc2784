package io.keylocker.locker.api;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.locker.enrollment.IssuedToken;
import io.keylocker.locker.enrollment.TokenLifetime;
import io.keylocker.locker.keyrings.KeyEntry;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.Keyring;
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
          new KeyringCounts(summary.keyringInitialized(), summary.keys(), summary.versions()));
    }
  }

  record KeyringCounts(boolean initialized, int keys, int versions) {}

  /** Keyring metadata for admins: deliberately without salt, verifier or wrapped keys. */
  record KeyringMetadata(
      String tenant, String server, String keyring, String createdAt, Kdf kdf, List<KeyItem> keys) {
    static KeyringMetadata of(Keyring keyring) {
      KdfParameters kdf = keyring.kdf();
      return new KeyringMetadata(
          keyring.owner().tenant().value(),
          keyring.owner().server().value(),
          Keyring.DEFAULT_NAME,
          keyring.createdAt().toString(),
          new Kdf(kdf.algorithm(), kdf.memoryKib(), kdf.iterations(), kdf.parallelism()),
          keyring.keys().stream().map(KeyItem::of).toList());
    }
  }

  record Kdf(String algorithm, int memoryKib, int iterations, int parallelism) {}

  record KeyItem(long keyId, List<VersionItem> versions) {
    static KeyItem of(KeyEntry key) {
      return new KeyItem(key.id().value(), key.versions().stream().map(VersionItem::of).toList());
    }
  }

  record VersionItem(long version, String state, String createdAt) {
    static VersionItem of(KeyVersion version) {
      return new VersionItem(
          version.version().value(), version.state().label(), version.createdAt().toString());
    }
  }
}
