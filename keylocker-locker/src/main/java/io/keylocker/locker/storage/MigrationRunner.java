package io.keylocker.locker.storage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the version this code knows, in one transaction: verifies every applied
 * migration against its checksum, then applies the pending ones in order. Refuses to start (throws
 * {@link StorageException}) on an edited migration or a database newer than the code, so an old
 * binary never writes to a schema it does not understand.
 */
public final class MigrationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

  private final Database database;
  private final Sql sql;
  private final List<Migration> migrations;
  private final Clock clock;

  public MigrationRunner(Database database, List<Migration> migrations, Clock clock) {
    this.database = database;
    this.sql = new Sql(database);
    this.migrations = List.copyOf(migrations);
    this.clock = clock;
    for (int i = 0; i < this.migrations.size(); i++) {
      if (this.migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException(
            "migrations must be numbered 1.." + this.migrations.size());
      }
    }
  }

  /** Applies pending migrations; returns how many were applied. */
  public int migrate() {
    return database.inTransaction(
        () -> {
          sql.execute(
              "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                  + " description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT"
                  + " NULL)");
          int applied = verifyApplied();
          List<Migration> pending = migrations.subList(applied, migrations.size());
          pending.forEach(this::apply);
          return pending.size();
        });
  }

  private int verifyApplied() {
    Map<Integer, String> applied =
        sql
            .list(
                "SELECT version, checksum FROM schema_migrations ORDER BY version", AppliedRow::of)
            .stream()
            .collect(Collectors.toMap(AppliedRow::version, AppliedRow::checksum));
    Map<Integer, Migration> known =
        migrations.stream().collect(Collectors.toMap(Migration::version, Function.identity()));
    for (Map.Entry<Integer, String> entry : applied.entrySet()) {
      Migration migration = known.get(entry.getKey());
      if (migration == null) {
        throw new StorageException(
            "database schema version "
                + entry.getKey()
                + " is newer than this locker (it knows up to "
                + migrations.size()
                + "); use a newer locker");
      }
      if (!migration.checksum().equals(entry.getValue())) {
        throw new StorageException(
            "migration V"
                + migration.version()
                + " ("
                + migration.description()
                + ") was changed after it was applied (checksum mismatch); refusing to start");
      }
    }
    if (applied.size() != applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0)) {
      throw new StorageException("schema_migrations has gaps; refusing to start");
    }
    return applied.size();
  }

  private void apply(Migration migration) {
    migration.statements().forEach(sql::execute);
    sql.update(
        "INSERT INTO schema_migrations (version, description, checksum, applied_at) VALUES (?, ?,"
            + " ?, ?)",
        migration.version(),
        migration.description(),
        migration.checksum(),
        clock.instant());
    LOG.info("applied database migration V{} ({})", migration.version(), migration.description());
  }

  private record AppliedRow(int version, String checksum) {
    static AppliedRow of(Sql.Row row) throws java.sql.SQLException {
      return new AppliedRow((int) row.integer("version"), row.text("checksum"));
    }
  }
}
