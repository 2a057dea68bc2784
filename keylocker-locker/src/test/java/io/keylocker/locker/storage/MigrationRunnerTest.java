package io.keylocker.locker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationRunnerTest {
  private static final Migration FIRST =
      new Migration(1, "first", "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
  private static final Migration SECOND =
      new Migration(
          2,
          "second",
          "-- two statements\nCREATE TABLE b (id INTEGER);\nINSERT INTO b (id) VALUES (7);\n");

  @TempDir Path directory;
  private Database database;
  private Sql sql;

  @BeforeEach
  void open() {
    database = Database.sqlite(directory.resolve("test.db"));
    sql = new Sql(database);
  }

  @Test
  void bundledMigrations_applyOnce_andAreIdempotent() {
    assertThat(runner(Migration.bundled()).migrate()).isEqualTo(Migration.bundled().size());
    assertThat(runner(Migration.bundled()).migrate()).isZero();

    assertThat(tables())
        .contains(
            "tenants",
            "servers",
            "enrollment_tokens",
            "admin_tokens",
            "keyrings",
            "key_versions",
            "agent_commands",
            "usage_reports",
            "revoked_certificates");
    assertThat(recorded())
        .containsExactly(
            "1 initial " + Migration.bundled().get(0).checksum(),
            "2 key lifecycle " + Migration.bundled().get(1).checksum(),
            "3 server revocation " + Migration.bundled().get(2).checksum(),
            "4 keyring destroy " + Migration.bundled().get(3).checksum());
  }

  @Test
  void laterMigrations_applyInOrder_onTopOfEarlierOnes() {
    runner(List.of(FIRST)).migrate();

    assertThat(runner(List.of(FIRST, SECOND)).migrate()).isEqualTo(1);

    assertThat(database.inTransaction(() -> sql.one("SELECT id FROM b", row -> row.integer("id"))))
        .hasValue(7L);
    assertThat(recorded()).hasSize(2);
  }

  @Test
  void changedMigration_isRefused() {
    runner(List.of(FIRST)).migrate();
    Migration edited =
        new Migration(1, "first", "CREATE TABLE a (id INTEGER PRIMARY KEY, x TEXT);\n");

    assertThatThrownBy(() -> runner(List.of(edited)).migrate())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("V1 (first) was changed after it was applied");
  }

  @Test
  void databaseNewerThanTheCode_isRefused() {
    runner(List.of(FIRST, SECOND)).migrate();

    assertThatThrownBy(() -> runner(List.of(FIRST)).migrate())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("schema version 2 is newer than this locker");
  }

  @Test
  void failingMigration_leavesNothingApplied() {
    Migration broken =
        new Migration(2, "broken", "CREATE TABLE c (id INTEGER);\nTHIS IS NOT SQL;\n");

    assertThatThrownBy(() -> runner(List.of(FIRST, broken)).migrate())
        .isInstanceOf(StorageException.class);

    assertThat(tables()).doesNotContain("a", "c");
  }

  @Test
  void connections_useWal_andEnforceForeignKeys() {
    runner(Migration.bundled()).migrate();

    assertThat(
            database.inTransaction(
                () -> sql.one("PRAGMA journal_mode", row -> row.text("journal_mode"))))
        .hasValue("wal");

    assertThatThrownBy(
            () ->
                database.run(
                    () ->
                        sql.update(
                            "INSERT INTO servers (tenant_id, name, state, created_at) VALUES (99,"
                                + " 'x', 'pending', 0)")))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void keyLifecycleMigration_keepsTheNewestVersionActive_andDeactivatesOlderOnes() {
    runner(Migration.bundled().subList(0, 1)).migrate();
    database.run(
        () -> {
          sql.update("INSERT INTO tenants (id, name, created_at) VALUES (1, 't', 0)");
          sql.update(
              "INSERT INTO servers (id, tenant_id, name, state, created_at) VALUES (1, 1, 's',"
                  + " 'enrolled', 0)");
          sql.update(
              "INSERT INTO keyrings (id, server_id, name, format_version, kdf_algorithm,"
                  + " kdf_memory_kib, kdf_iterations, kdf_parallelism, salt, verifier, created_at)"
                  + " VALUES (1, 1, 'default', 1, 'argon2id', 65536, 3, 4, x'00', x'00', 0)");
          for (int version = 1; version <= 2; version++) {
            sql.update(
                "INSERT INTO key_versions (keyring_id, key_id, version, state, wrapped,"
                    + " created_at) VALUES (1, 1, ?, 'active', x'01', ?)",
                version,
                version * 100);
          }
        });

    runner(Migration.bundled()).migrate();

    assertThat(
            database.read(
                () ->
                    sql.list(
                        "SELECT version, state, activated_at, deactivated_at, cryptoperiod_days"
                            + " FROM key_versions JOIN keyrings k ON k.id = keyring_id ORDER BY"
                            + " version",
                        row ->
                            row.integer("version")
                                + " "
                                + row.text("state")
                                + " "
                                + row.integer("activated_at")
                                + " "
                                + row.optionalInteger("deactivated_at").orElse(null)
                                + " "
                                + row.integer("cryptoperiod_days"))))
        .containsExactly("1 deactivated 100 200 90", "2 active 200 null 90");
  }

  private MigrationRunner runner(List<Migration> migrations) {
    return new MigrationRunner(database, migrations, Clock.systemUTC());
  }

  private List<String> tables() {
    return database.inTransaction(
        () ->
            sql.list(
                "SELECT name FROM sqlite_master WHERE type = 'table'", row -> row.text("name")));
  }

  private List<String> recorded() {
    return database.inTransaction(
        () ->
            sql.list(
                "SELECT version, description, checksum FROM schema_migrations ORDER BY version",
                row ->
                    row.integer("version")
                        + " "
                        + row.text("description")
                        + " "
                        + row.text("checksum")));
  }
}
