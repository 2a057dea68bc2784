package io.keylocker.locker.servers;

import io.keylocker.locker.storage.Sql;
import io.keylocker.locker.tenants.TenantId;
import io.keylocker.locker.tenants.TenantName;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JdbcServerRepository implements ServerRepository {
  private static final String SELECT =
      "SELECT s.id, t.name AS tenant, s.name, s.state, s.created_at, s.enrolled_at, s.cert_serial,"
          + " s.cert_fingerprint, s.cert_expires_at, s.last_seen_at, s.agent_state,"
          + " s.revoked_at"
          + " FROM servers s JOIN tenants t ON t.id = s.tenant_id";

  private final Sql sql;

  public JdbcServerRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Server create(TenantId tenant, ServerRef ref, Instant createdAt) {
    long id =
        sql.insert(
            "INSERT INTO servers (tenant_id, name, state, created_at) VALUES (?, ?, ?, ?) RETURNING"
                + " id",
            tenant.value(),
            ref.server().value(),
            ServerState.PENDING.label(),
            createdAt);
    return find(new ServerId(id)).orElseThrow();
  }

  @Override
  public Optional<Server> find(ServerRef ref) {
    return sql.one(
        SELECT + " WHERE t.name = ? AND s.name = ?",
        JdbcServerRepository::server,
        ref.tenant().value(),
        ref.server().value());
  }

  @Override
  public Optional<Server> find(ServerId id) {
    return sql.one(SELECT + " WHERE s.id = ?", JdbcServerRepository::server, id.value());
  }

  @Override
  public Optional<Server> findByCertificateSerial(BigInteger serial) {
    return sql.one(
        SELECT + " WHERE s.cert_serial = ?", JdbcServerRepository::server, serial.toString(16));
  }

  @Override
  public List<ServerSummary> list(TenantId tenant) {
    return sql.list(
        "SELECT x.*, k.id AS keyring_id, (SELECT COUNT(DISTINCT v.key_id) FROM key_versions v WHERE"
            + " v.keyring_id = k.id) AS key_count, (SELECT COUNT(*) FROM key_versions v WHERE"
            + " v.keyring_id = k.id) AS version_count FROM ("
            + SELECT
            + " WHERE s.tenant_id = ?) x LEFT JOIN keyrings k ON k.server_id = x.id"
            + " ORDER BY x.name",
        row ->
            new ServerSummary(
                server(row),
                row.optionalInteger("keyring_id").isPresent(),
                (int) row.integer("key_count"),
                (int) row.integer("version_count")),
        tenant.value());
  }

  @Override
  public void markEnrolled(ServerId id, AgentCertificate certificate, Instant enrolledAt) {
    sql.update(
        "UPDATE servers SET state = ?, enrolled_at = ?, cert_serial = ?, cert_fingerprint = ?,"
            + " cert_expires_at = ? WHERE id = ?",
        ServerState.ENROLLED.label(),
        enrolledAt,
        certificate.serialHex(),
        certificate.fingerprint(),
        certificate.expiresAt(),
        id.value());
  }

  @Override
  public void markRevoked(Server server, Instant revokedAt, String reason) {
    sql.update(
        "UPDATE servers SET revoked_at = ?, revoke_reason = ? WHERE id = ?",
        revokedAt,
        reason,
        server.id().value());
    server
        .certificate()
        .ifPresent(
            certificate ->
                sql.update(
                    "INSERT INTO revoked_certificates (cert_serial, server_id, cert_fingerprint,"
                        + " revoked_at) VALUES (?, ?, ?, ?)",
                    certificate.serialHex(),
                    server.id().value(),
                    certificate.fingerprint(),
                    revokedAt));
  }

  @Override
  public boolean isRevoked(AgentCertificate certificate) {
    return sql.one(
            "SELECT 1 AS revoked FROM revoked_certificates WHERE cert_serial = ?",
            row -> row.integer("revoked"),
            certificate.serialHex())
        .isPresent();
  }

  @Override
  public void markPending(ServerId id) {
    sql.update(
        "UPDATE servers SET state = ?, enrolled_at = NULL, cert_serial = NULL, cert_fingerprint ="
            + " NULL, cert_expires_at = NULL, agent_state = NULL, revoked_at = NULL, revoke_reason ="
            + " NULL WHERE id = ?",
        ServerState.PENDING.label(),
        id.value());
  }

  @Override
  public void recordHeartbeat(ServerId id, AgentState state, Instant seenAt) {
    sql.update(
        "UPDATE servers SET last_seen_at = ?, agent_state = ? WHERE id = ?",
        seenAt,
        state.label(),
        id.value());
  }

  private static Server server(Sql.Row row) throws SQLException {
    Optional<String> serial = row.optionalText("cert_serial");
    Optional<AgentCertificate> certificate =
        serial.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new AgentCertificate(
                    new BigInteger(serial.get(), 16),
                    row.text("cert_fingerprint"),
                    row.instant("cert_expires_at")));
    Optional<Instant> revokedAt = row.optionalInstant("revoked_at");
    return new Server(
        new ServerId(row.integer("id")),
        new ServerRef(new TenantName(row.text("tenant")), new ServerName(row.text("name"))),
        revokedAt.isPresent() ? ServerState.REVOKED : ServerState.ofLabel(row.text("state")),
        row.instant("created_at"),
        row.optionalInstant("enrolled_at"),
        certificate,
        row.optionalInstant("last_seen_at"),
        row.optionalText("agent_state").map(AgentState::ofLabel),
        revokedAt);
  }
}
