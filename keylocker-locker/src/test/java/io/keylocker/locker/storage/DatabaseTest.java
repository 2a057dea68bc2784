package io.keylocker.locker.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path directory;
  private Database database;
  private Sql sql;

  @BeforeEach
  void open() {
    database = Database.sqlite(directory.resolve("test.db"));
    sql = new Sql(database);
    database.run(() -> sql.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));
  }

  @Test
  void failingTransaction_rollsBackEverything() {
    assertThatThrownBy(
            () ->
                database.run(
                    () -> {
                      sql.update("INSERT INTO t (v) VALUES ('a')");
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(values()).isEmpty();
  }

  @Test
  void nestedTransaction_joinsTheOuterOne() {
    assertThatThrownBy(
            () ->
                database.run(
                    () -> {
                      database.run(() -> sql.update("INSERT INTO t (v) VALUES ('inner')"));
                      throw new IllegalStateException("outer fails");
                    }))
        .hasMessage("outer fails");

    assertThat(values()).isEmpty();
  }

  @Test
  void readTransaction_seesCommittedData_butRefusesWrites() {
    database.run(() -> sql.update("INSERT INTO t (v) VALUES ('x')"));

    assertThat(values()).containsExactly("x");
    assertThatThrownBy(() -> database.read(() -> sql.update("INSERT INTO t (v) VALUES ('y')")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("write inside a read-only transaction");
    assertThatThrownBy(() -> database.read(() -> database.inTransaction(() -> 1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sqlOutsideATransaction_isRefused() {
    assertThatThrownBy(() -> sql.list("SELECT v FROM t", row -> row.text("v")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("database used outside a transaction");
  }

  private List<String> values() {
    return database.read(() -> sql.list("SELECT v FROM t ORDER BY id", row -> row.text("v")));
  }
}
