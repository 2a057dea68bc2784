package io.keylocker.locker.enrollment;

import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Sql;
import java.time.Instant;
import java.util.Optional;

public final class JdbcEnrollmentTokenRepository implements EnrollmentTokenRepository {
  private final Sql sql;

  public JdbcEnrollmentTokenRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void add(ServerId server, String secretSha256, Instant createdAt, Instant expiresAt) {
    sql.update(
        "INSERT INTO enrollment_tokens (server_id, secret_sha256, created_at, expires_at) VALUES"
            + " (?, ?, ?, ?)",
        server.value(),
        secretSha256,
        createdAt,
        expiresAt);
  }

  @Override
  public Optional<StoredToken> findBySecretSha256(String secretSha256) {
    return sql.one(
        "SELECT id, server_id, expires_at, used_at, superseded FROM enrollment_tokens WHERE"
            + " secret_sha256 = ?",
        row ->
            new StoredToken(
                row.integer("id"),
                new ServerId(row.integer("server_id")),
                row.instant("expires_at"),
                row.optionalInstant("used_at"),
                row.bool("superseded")),
        secretSha256);
  }

  @Override
  public void markUsed(long tokenId, Instant usedAt) {
    sql.update("UPDATE enrollment_tokens SET used_at = ? WHERE id = ?", usedAt, tokenId);
  }

  @Override
  public void supersedeUnused(ServerId server) {
    sql.update(
        "UPDATE enrollment_tokens SET superseded = TRUE WHERE server_id = ? AND used_at IS NULL",
        server.value());
  }
}
