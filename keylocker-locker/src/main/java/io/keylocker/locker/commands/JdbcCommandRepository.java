package io.keylocker.locker.commands;

import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class JdbcCommandRepository implements CommandRepository {
  private final Sql sql;

  public JdbcCommandRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void add(AgentCommand command) {
    sql.update(
        "INSERT INTO agent_commands (id, server_id, kind, key_id, created_at) VALUES (?, ?, ?, ?,"
            + " ?)",
        command.id().toString(),
        command.server().value(),
        command.kind().label(),
        command.key().map(KeyId::value).orElse(null),
        command.createdAt());
  }

  @Override
  public List<AgentCommand> pending(ServerId server) {
    return sql.list(
        "SELECT id, server_id, kind, key_id, created_at FROM agent_commands WHERE server_id = ?"
            + " AND completed_at IS NULL ORDER BY created_at, id",
        JdbcCommandRepository::command,
        server.value());
  }

  @Override
  public boolean complete(
      ServerId server, UUID id, CommandOutcome outcome, String message, Instant completedAt) {
    boolean known =
        sql.one(
                "SELECT id FROM agent_commands WHERE id = ? AND server_id = ?",
                row -> row.text("id"),
                id.toString(),
                server.value())
            .isPresent();
    sql.update(
        "UPDATE agent_commands SET completed_at = ?, outcome = ?, message = ? WHERE id = ? AND"
            + " server_id = ? AND completed_at IS NULL",
        completedAt,
        outcome.label(),
        message,
        id.toString(),
        server.value());
    return known;
  }

  @Override
  public void completeRotations(ServerId server, KeyId key, String message, Instant completedAt) {
    sql.update(
        "UPDATE agent_commands SET completed_at = ?, outcome = ?, message = ? WHERE server_id = ?"
            + " AND kind = ? AND key_id = ? AND completed_at IS NULL",
        completedAt,
        CommandOutcome.DONE.label(),
        message,
        server.value(),
        CommandKind.ROTATE.label(),
        key.value());
  }

  @Override
  public int deleteCompletedBefore(Instant before) {
    return sql.update("DELETE FROM agent_commands WHERE completed_at < ?", before);
  }

  private static AgentCommand command(Sql.Row row) throws SQLException {
    return new AgentCommand(
        UUID.fromString(row.text("id")),
        new ServerId(row.integer("server_id")),
        CommandKind.ofLabel(row.text("kind")),
        row.optionalInteger("key_id").map(KeyId::new),
        row.instant("created_at"));
  }
}
