package io.keylocker.locker.admin;

import io.keylocker.locker.storage.Sql;
import java.time.Instant;

public final class JdbcAdminTokenRepository implements AdminTokenRepository {
  private final Sql sql;

  public JdbcAdminTokenRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void add(String tokenSha256, Instant createdAt) {
    sql.update(
        "INSERT INTO admin_tokens (token_sha256, created_at) VALUES (?, ?)",
        tokenSha256,
        createdAt);
  }

  @Override
  public boolean exists(String tokenSha256) {
    return sql.one(
            "SELECT 1 AS found FROM admin_tokens WHERE token_sha256 = ?", row -> true, tokenSha256)
        .isPresent();
  }

  @Override
  public boolean isEmpty() {
    return sql.list("SELECT 1 AS found FROM admin_tokens LIMIT 1", row -> true).isEmpty();
  }
}
