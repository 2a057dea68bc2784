package io.keylocker.locker.usage;

import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Sql;
import java.time.Instant;
import java.util.Optional;

public final class JdbcUsageRepository implements UsageRepository {
  private final Sql sql;

  public JdbcUsageRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void save(ServerId server, UsageReport report, Instant receivedAt) {
    String json = UsageReportJson.write(report);
    int updated =
        sql.update(
            "UPDATE usage_reports SET received_at = ?, report = ? WHERE server_id = ?",
            receivedAt,
            json,
            server.value());
    if (updated == 0) {
      sql.update(
          "INSERT INTO usage_reports (server_id, received_at, report) VALUES (?, ?, ?)",
          server.value(),
          receivedAt,
          json);
    }
  }

  @Override
  public Optional<ReceivedUsage> find(ServerId server) {
    return sql.one(
        "SELECT received_at, report FROM usage_reports WHERE server_id = ?",
        row ->
            new ReceivedUsage(UsageReportJson.read(row.text("report")), row.instant("received_at")),
        server.value());
  }
}
