package io.keylocker.locker.tenants;

import io.keylocker.locker.storage.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JdbcTenantRepository implements TenantRepository {
  private final Sql sql;

  public JdbcTenantRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public Tenant create(TenantName name, Instant createdAt) {
    long id =
        sql.insert(
            "INSERT INTO tenants (name, created_at) VALUES (?, ?) RETURNING id",
            name.value(),
            createdAt);
    return new Tenant(new TenantId(id), name, createdAt);
  }

  @Override
  public Optional<Tenant> find(TenantName name) {
    return sql.one(
        "SELECT id, name, created_at FROM tenants WHERE name = ?",
        JdbcTenantRepository::tenant,
        name.value());
  }

  @Override
  public List<TenantSummary> list() {
    return sql.list(
        "SELECT t.id, t.name, t.created_at, COUNT(s.id) AS servers FROM tenants t LEFT JOIN servers"
            + " s ON s.tenant_id = t.id GROUP BY t.id, t.name, t.created_at ORDER BY t.name",
        row -> new TenantSummary(tenant(row), (int) row.integer("servers")));
  }

  private static Tenant tenant(Sql.Row row) throws SQLException {
    return new Tenant(
        new TenantId(row.integer("id")),
        new TenantName(row.text("name")),
        row.instant("created_at"));
  }
}
