package io.keylocker.locker.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC plumbing every repository needs, run on the caller's transaction. Parameters may be
 * {@link String}, {@link Long}, {@link Integer}, {@link Boolean}, {@code byte[]}, {@link Instant}
 * (stored as epoch seconds) or {@code null}.
 */
public final class Sql {
  private final Database database;

  public Sql(Database database) {
    this.database = database;
  }

  /** Maps the current row of a result. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(Row row) throws SQLException;
  }

  /** Typed access to one result row; times are epoch seconds in the database. */
  public record Row(ResultSet resultSet) {
    public String text(String column) throws SQLException {
      return resultSet.getString(column);
    }

    public Optional<String> optionalText(String column) throws SQLException {
      return Optional.ofNullable(resultSet.getString(column));
    }

    public long integer(String column) throws SQLException {
      return resultSet.getLong(column);
    }

    public Optional<Long> optionalInteger(String column) throws SQLException {
      long value = resultSet.getLong(column);
      return resultSet.wasNull() ? Optional.empty() : Optional.of(value);
    }

    public boolean bool(String column) throws SQLException {
      return resultSet.getBoolean(column);
    }

    public byte[] bytes(String column) throws SQLException {
      return resultSet.getBytes(column);
    }

    public Instant instant(String column) throws SQLException {
      return Instant.ofEpochSecond(resultSet.getLong(column));
    }

    public Optional<Instant> optionalInstant(String column) throws SQLException {
      long seconds = resultSet.getLong(column);
      return resultSet.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochSecond(seconds));
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  public int update(String sql, Object... parameters) {
    try (PreparedStatement statement = prepare(true, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs an {@code INSERT ... RETURNING id} and returns the new id. */
  public long insert(String sql, Object... parameters) {
    return query(true, sql, row -> row.integer("id"), parameters).stream()
        .findFirst()
        .orElseThrow(() -> new StorageException("insert returned no id"));
  }

  public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
    return query(false, sql, mapper, parameters);
  }

  public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
    List<T> rows = list(sql, mapper, parameters);
    if (rows.size() > 1) {
      throw new StorageException("expected at most one row, got " + rows.size());
    }
    return rows.stream().findFirst();
  }

  /** Runs one schema statement (DDL) without parameters. */
  public void execute(String sql) {
    try (Statement statement = database.connection(true).createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private <T> List<T> query(boolean write, String sql, RowMapper<T> mapper, Object[] parameters) {
    try (PreparedStatement statement = prepare(write, sql, parameters);
        ResultSet resultSet = statement.executeQuery()) {
      List<T> rows = new ArrayList<>();
      Row row = new Row(resultSet);
      while (resultSet.next()) {
        rows.add(mapper.map(row));
      }
      return rows;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private PreparedStatement prepare(boolean write, String sql, Object[] parameters)
      throws SQLException {
    Connection connection = database.connection(write);
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        Object value =
            parameters[i] instanceof Instant instant ? instant.getEpochSecond() : parameters[i];
        statement.setObject(i + 1, value);
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static StorageException failure(SQLException e) {
    return new StorageException("database statement failed", e);
  }
}
